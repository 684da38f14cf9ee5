import { parse, stringify } from 'yaml';
import { deckhouseEffectivePolicy } from '../../src/deckhouse/effective';
import { readMergedAuditPolicy } from '../../src/deckhouse/merged-policy';
import { MAX_MERGED_POLICY_TEXT, mergedPolicyText } from '../../src/deckhouse/merged-policy-text';
import { configMapDump, renderAsDeckhouseWrites, secretDump } from '../support/deckhouse-merged-file';

const MERGED = renderAsDeckhouseWrites(
  deckhouseEffectivePolicy({
    customPolicy: { apiVersion: 'audit.k8s.io/v1', kind: 'Policy', rules: [{ level: 'Metadata' }] },
  }).policy,
);
const KEY = 'extra-file-audit-policy.yaml';
// Other keys of the real Secret kube-system/d8-control-plane-manager-config (values shortened).
const OTHER_KEYS = {
  'kube-apiserver.yaml.tpl': 'apiVersion: v1\nkind: Pod\n',
  'extra-file-authentication-config.yaml': 'apiVersion: apiserver.config.k8s.io/v1beta1\n',
};

/** A Secret dump whose base64 value is a block scalar of 76-column lines. */
function wrappedDump(): string {
  const dump = secretDump(KEY, MERGED);
  const wrapped = dump.replace(
    /^( {2}extra-file-audit-policy\.yaml: )(\S+)$/m,
    (_m, head: string, b64: string) =>
      `${head}|\n${b64
        .match(/.{1,76}/g)!
        .map((l) => `    ${l}`)
        .join('\n')}`,
  );
  expect(wrapped.split('\n').length).toBeGreaterThan(dump.split('\n').length + 2);
  return wrapped;
}

describe('mergedPolicyText: where the merged policy is taken from', () => {
  it.each([
    ['the plain file', MERGED, 'in.yaml', MERGED],
    [
      'a Secret dump, data (base64)',
      secretDump(KEY, MERGED, { otherKeys: OTHER_KEYS }),
      `in.yaml[data.${KEY}]`,
      MERGED,
    ],
    [
      'a Secret dump, stringData',
      secretDump(KEY, MERGED, { field: 'stringData' }),
      `in.yaml[stringData.${KEY}]`,
      MERGED,
    ],
    [
      'a ConfigMap dump, data',
      configMapDump('audit-policy.yaml', MERGED),
      'in.yaml[data.audit-policy.yaml]',
      MERGED,
    ],
    [
      'a ConfigMap dump, binaryData (base64)',
      configMapDump('audit-policy.yaml', MERGED, 'binaryData'),
      'in.yaml[binaryData.audit-policy.yaml]',
      MERGED,
    ],
    [
      'a Secret with its only key under another name',
      secretDump('policy', MERGED),
      'in.yaml[data.policy]',
      MERGED,
    ],
    [
      "the value alone, still base64 (kubectl get secret -o jsonpath='{.data.extra-file-audit-policy\\.yaml}')",
      Buffer.from(MERGED).toString('base64'),
      'in.yaml[base64]',
      MERGED,
    ],
    [
      'the value alone, base64 wrapped at 76 columns (base64 without -w0)',
      `${Buffer.from(MERGED)
        .toString('base64')
        .match(/.{1,76}/g)!
        .join('\n')}\n`,
      'in.yaml[base64]',
      MERGED,
    ],
    [
      'a List holding one Secret',
      stringify({ apiVersion: 'v1', kind: 'List', items: [parse(secretDump(KEY, MERGED))] }),
      `in.yaml[data.${KEY}]`,
      MERGED,
    ],
    [
      'a JSON dump (kubectl get -o json)',
      JSON.stringify(parse(secretDump(KEY, MERGED)), null, 2),
      `in.yaml[data.${KEY}]`,
      MERGED,
    ],
    ['base64 wrapped at 76 columns (Go skips CR and LF)', wrappedDump(), `in.yaml[data.${KEY}]`, MERGED],
  ])('reads %s', (_name, input, label, text) => {
    const found = mergedPolicyText(input, 'in.yaml');
    expect(found.errors).toEqual([]);
    expect(found.label).toBe(label);
    expect(found.text).toBe(text);
  });

  it('prefers extra-file-audit-policy.yaml, then audit-policy.yaml, over other keys', () => {
    const both = secretDump(KEY, MERGED, {
      otherKeys: { 'audit-policy.yaml': 'rules: []\n', ...OTHER_KEYS },
    });
    expect(mergedPolicyText(both, 'in.yaml').label).toBe(`in.yaml[data.${KEY}]`);
  });

  it.each([
    [
      'a Secret holding the key in data and stringData: the cluster uses stringData',
      secretDump(KEY, MERGED, { field: 'both' }),
      /Secret kube-system\/d8-control-plane-manager-config holds "extra-file-audit-policy\.yaml" in both data and stringData: the API server merges stringData over data on write, so the cluster uses the stringData value/,
      'stringData.extra-file-audit-policy.yaml',
    ],
    [
      'a ConfigMap holding the key in data and binaryData',
      configMapDump('audit-policy.yaml', MERGED, 'both'),
      /in both data and binaryData: the API server refuses such a ConfigMap/,
      'binaryData.audit-policy.yaml',
    ],
    [
      'a Secret without a policy key',
      secretDump('ca.crt', 'x', { otherKeys: { 'tls.key': 'y' } }),
      /has no key extra-file-audit-policy\.yaml or audit-policy\.yaml \(keys: tls\.key, ca\.crt\)/,
      undefined,
    ],
    [
      'an empty Secret',
      stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } }),
      /Secret s holds no data/,
      undefined,
    ],
    [
      'data that is not base64',
      secretDump(KEY, MERGED).replace(/(extra-file-audit-policy\.yaml: )\S+/, '$1not*base64'),
      /data\."extra-file-audit-policy\.yaml" is not base64 of UTF-8 text/,
      'data.extra-file-audit-policy.yaml',
    ],
    [
      'base64 of bytes that are not UTF-8',
      secretDump(KEY, MERGED).replace(
        /(extra-file-audit-policy\.yaml: )\S+/,
        `$1${Buffer.from([0xff, 0xfe, 0x00]).toString('base64')}`,
      ),
      /is not base64 of UTF-8 text/,
      'data.extra-file-audit-policy.yaml',
    ],
    [
      'a value that is not a string',
      configMapDump('audit-policy.yaml', MERGED).replace(
        /audit-policy\.yaml: [\s\S]*$/,
        'audit-policy.yaml: 5\n',
      ),
      /data\."audit-policy\.yaml" must be a string/,
      'data.audit-policy.yaml',
    ],
    [
      'two documents',
      `${secretDump(KEY, MERGED)}---\n${secretDump(KEY, MERGED)}`,
      /holds 2 YAML documents; expected one merged policy/,
      undefined,
    ],
    [
      'a List of two Secrets',
      stringify({
        apiVersion: 'v1',
        kind: 'List',
        items: [parse(secretDump(KEY, MERGED)), parse(secretDump(KEY, MERGED))],
      }),
      /holds 2 Secrets\/ConfigMaps; expected one merged policy/,
      undefined,
    ],
  ])('refuses %s', (_name, input, message, field) => {
    const found = mergedPolicyText(input, 'in.yaml');
    expect(found.text).toBeUndefined();
    expect(found.errors).toHaveLength(1);
    expect(found.errors[0].message).toMatch(message);
    expect(found.errors[0].field).toBe(field);
    expect(found.errors[0].line).toBeGreaterThan(0);
  });

  it('refuses input longer than any Secret dump before parsing it', () => {
    const found = mergedPolicyText('#'.repeat(MAX_MERGED_POLICY_TEXT + 1), 'big.yaml');
    expect(found.text).toBeUndefined();
    expect(found.errors[0].message).toMatch(
      new RegExp(`^${MAX_MERGED_POLICY_TEXT + 1} characters, more than a dump of Secret `),
    );
  });
});

describe('mergedPolicyText: the size limits, from the API server', () => {
  // MaxSecretSize (kubernetes pkg/apis/core/validation): a Secret's data is at most 1 MiB.
  const MAX_SECRET_DATA = 1024 * 1024;
  // TotalAnnotationSizeLimitB (apimachinery ValidateAnnotations): all annotations together, 256 KiB.
  const MAX_ANNOTATIONS = 256 * 1024;
  /** A plain policy text of exactly `bytes` bytes (one rule per user, then a comment to fill up). */
  function plainPolicy(bytes: number): string {
    let text = 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n';
    for (let i = 0; text.length < bytes - 4000; i++) text += `- level: Metadata\n  users: ["u-${i}"]\n`;
    return `${text}#${'x'.repeat(bytes - text.length - 2)}\n`;
  }

  it('reads up to a dump of a full Secret: 1 MiB as base64, 256 KiB of annotations, 128 KiB of metadata', () => {
    expect(MAX_MERGED_POLICY_TEXT).toBe(Math.ceil(MAX_SECRET_DATA / 3) * 4 + MAX_ANNOTATIONS + 128 * 1024);
  });

  it('refuses a plain policy text past 1 MiB, with its size, the limit and where the limit comes from', () => {
    const text = plainPolicy(MAX_SECRET_DATA + 1);
    expect(Buffer.byteLength(text)).toBe(MAX_SECRET_DATA + 1);
    const found = mergedPolicyText(text, 'merged.yaml');
    expect(found.text).toBeUndefined();
    expect(found.label).toBe('merged.yaml');
    expect(found.errors).toHaveLength(1);
    expect(found.errors[0].message).toBe(
      '1048577 bytes, more than a merged policy can be (1048576: control-plane-manager writes it from Secret ' +
        'kube-system/d8-control-plane-manager-config, and the API server refuses a Secret with more than 1 MiB ' +
        'of data); nothing was parsed',
    );
    expect(found.errors[0].fix).toMatch(
      /^pass \/etc\/kubernetes\/deckhouse\/extra-files\/audit-policy\.yaml/,
    );
  });

  it('counts the limit in bytes: 1 MiB of text with multi-byte characters past it is refused', () => {
    const text = plainPolicy(MAX_SECRET_DATA - 1000).replace(/x{600}/, 'é'.repeat(600));
    expect(mergedPolicyText(text, 'm.yaml')).toEqual({ text, label: 'm.yaml', errors: [] });
    const over = plainPolicy(MAX_SECRET_DATA - 1000).replace(/x{1200}/, 'é'.repeat(1200));
    expect(over.length).toBeLessThan(MAX_SECRET_DATA);
    expect(mergedPolicyText(over, 'm.yaml').errors[0].message).toMatch(/^1048776 bytes, more than a merged/);
  });

  it('reads a plain policy of exactly 1 MiB, and the Secret dump and base64 of one, which are longer', () => {
    const text = plainPolicy(MAX_SECRET_DATA);
    expect(mergedPolicyText(text, 'm.yaml')).toEqual({ text, label: 'm.yaml', errors: [] });
    const dump = secretDump(KEY, text);
    expect(dump.length).toBeGreaterThan(MAX_SECRET_DATA * (4 / 3));
    expect(mergedPolicyText(dump, 'd.yaml')).toMatchObject({
      text,
      label: `d.yaml[data.${KEY}]`,
      errors: [],
    });
    const json = JSON.stringify(parse(dump));
    expect(mergedPolicyText(json, 'd.json')).toMatchObject({ text, errors: [] });
    const b64 = Buffer.from(text).toString('base64');
    expect(mergedPolicyText(b64, 'b.txt')).toMatchObject({ text, label: 'b.txt[base64]', errors: [] });
  });
});

describe('readMergedAuditPolicy on dumps and on what is not a merged policy', () => {
  it('reads the layers out of a Secret dump and labels problems with the key', () => {
    const merged = readMergedAuditPolicy(secretDump(KEY, MERGED, { otherKeys: OTHER_KEYS }), {
      source: 'cpm.yaml',
    });
    expect(merged.errors).toEqual([]);
    expect(merged.label).toBe(`cpm.yaml[data.${KEY}]`);
    expect(merged.customPolicy!.rules).toEqual([{ level: 'Metadata' }]);
  });

  it('refuses the custom policy alone, naming both missing rules and the file to pass', () => {
    const merged = readMergedAuditPolicy(
      secretDump(
        'audit-policy.yaml',
        'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: Metadata\n',
        { name: 'audit-policy' },
      ),
      {
        source: 'secret.yaml',
      },
    );
    expect(merged.builtInRules).toBeUndefined();
    expect(merged.errors).toHaveLength(1);
    expect(merged.errors[0].message).toMatch(
      /^secret\.yaml\[data\.audit-policy\.yaml\] is not a merged Deckhouse policy: it lacks the system ServiceAccount rule .* and the system-namespace rule .*basicAuditPolicyEnabled: false/,
    );
    expect(merged.errors[0].fix).toMatch(/\/etc\/kubernetes\/deckhouse\/extra-files\/audit-policy\.yaml/);
  });

  it('names the one anchor that is missing', () => {
    const withoutNamespaceRule = MERGED.replace(
      /- level: Metadata\n {2}namespaces:\n(?: {2}- .*\n)+ {2}omitStages:\n {2}- RequestReceived\n {2}verbs:\n(?: {2}- .*\n)+/,
      '',
    );
    expect(withoutNamespaceRule).not.toBe(MERGED);
    const merged = readMergedAuditPolicy(withoutNamespaceRule);
    expect(merged.errors[0].message).toMatch(/lacks the system-namespace rule/);
    expect(merged.errors[0].message).not.toMatch(/ServiceAccount rule/);
  });

  it('passes on the loader problems of a policy kube-apiserver would refuse, with positions', () => {
    const merged = readMergedAuditPolicy(MERGED.replace('level: RequestResponse', 'level: Everything'));
    expect(merged.builtInRules).toBeUndefined();
    expect(merged.errors[0].field).toMatch(/^rules\[\d+\]\.level$/);
    expect(merged.errors[0].line).toBeGreaterThan(0);
    expect(readMergedAuditPolicy('rules: [').errors[0].line).toBe(1);
  });

  it('warns about top-level fields Deckhouse never writes', () => {
    const merged = readMergedAuditPolicy(`omitManagedFields: true\n${MERGED}`);
    expect(merged.errors).toEqual([]);
    expect(merged.warnings.map((w) => w.field)).toEqual(['omitManagedFields']);
  });
});

describe('brackets nested too deep in a merged policy', () => {
  test('left to the policy loader, which refuses them at the level-101 bracket', () => {
    const text = `apiVersion: audit.k8s.io/v1\nkind: Policy\nrules: ${'['.repeat(100_000)}\n`;
    expect(mergedPolicyText(text, 'merged.yaml')).toEqual({ text, label: 'merged.yaml', errors: [] });
    // The policy mapping is level 1; "rules: " takes 7 columns, so level 101 is the 100th "[" at column 107.
    expect(readMergedAuditPolicy(text, { source: 'merged.yaml' }).errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^the document nests lists and mappings more than 100 levels deep/),
        line: 3,
        column: 107,
      }),
    ]);
  });
});
