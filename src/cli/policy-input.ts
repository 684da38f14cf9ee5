import {
  AuditSettings,
  MODULE_CONFIG_API_VERSION,
  isControlPlaneManagerConfig,
  readAuditSettings,
} from '../deckhouse/audit-settings';
import {
  AUDIT_POLICY_SECRET_KEY,
  AUDIT_POLICY_SECRET_NAME,
  AUDIT_POLICY_SECRET_NAMESPACE,
} from '../deckhouse/policy-secret-location';
import { readExtraAuditPolicyConfigMap } from '../deckhouse/extra-audit-policy-config';
import { manifestName, readSecretKey } from '../deckhouse/secret-key';
import { PolicyTarget, loadLocatedPolicy } from '../policy/parse';
import { SourcePosition } from '../policy/yaml-decode';
import { ParseResult, Policy, Problem } from '../policy/types';
import { CliError, EXIT_FINDINGS, LocatedProblem } from './errors';
import { CliIo } from './io';
import { brokenDocumentProblem } from './broken-document';
import { Manifest, ManifestObject, manifestNotReadWarnings, readManifest } from './manifest';
import { mergedPolicySecretProblem } from './merged-policy-secret';
import { SECRET_SIZE_LIMIT, inputLimitFor, readInputBytes } from './read-input';
import { refusedApiVersion } from './refused-api-version';
import { plainlyOnePolicy } from './plain-policy-file';
import { fileHead, refuseLogAsPolicy } from './swapped-input';
import { unrenderedTemplate } from './template-marker';
import { decodeUtf16Input } from './utf16-input';

/** A policy found in an input file: the policy text itself, or the decoded value of a Secret key. */
export interface PolicySource {
  /** The file as named on the command line (`-` = stdin). */
  file: string;
  /**
   * What messages call this policy: the file name, or `file[data.audit-policy.yaml]` when the policy was
   * decoded from a Secret (line and column then count inside the decoded policy).
   */
  label: string;
  /** Where the policy came from. */
  container: 'policy' | 'secret';
  /** The policy text (a whole file or a decoded Secret value). */
  text: string;
  /** The file's bytes when the policy is the whole file: the loader reports encoding problems in them. */
  bytes?: Uint8Array;
  /** Advice about the container (e.g. a Secret Deckhouse does not read); positions are in the file. */
  warnings: Problem[];
  /** Why the cluster never uses this policy, when it does not (another Secret, auditPolicyEnabled false). */
  unread?: string;
}

/** The outcome of reading one file: its policies and the Deckhouse settings beside them. */
export interface PolicyFile {
  file: string;
  sources: PolicySource[];
  /** Why a policy or a setting could not be taken from the file (positions are in the file itself). */
  errors: Problem[];
  /** Set when the file holds no policy at all: what it holds instead, and what to pass (also in `errors`). */
  missing?: Problem;
  /** The audit settings of the file's ModuleConfig control-plane-manager, when it holds one. */
  settings?: AuditSettings;
  /**
   * ServiceAccounts the file's `extra-audit-policy-config` ConfigMaps add to the built-in ServiceAccount rule
   * (absent when the file holds no ConfigMap the hook selects).
   */
  extraServiceAccounts?: string[];
  /** Advice about the file's objects other than the policy (positions in the file). */
  warnings: Problem[];
}

/** A policy source after strict loading. */
export interface LoadedPolicySource extends ParseResult {
  source: PolicySource;
  /** Where each rule starts in `source.text` (empty when the policy could not be decoded). */
  rulePositions: Array<SourcePosition | undefined>;
}

/** How a file's policies are read: for which version and reader, and how large they may be. */
export interface PolicyReadOptions {
  kubernetesVersion?: string;
  /**
   * Which reader the policies are loaded for.
   * @default - a policy from a Secret as Deckhouse's hook reads it (it needs no rules of its own), any other
   * as kube-apiserver reads --audit-policy-file
   */
  target?: PolicyTarget;
  /** @default SECRET_SIZE_LIMIT (1 MiB, the API server's Secret limit) */
  maxPolicyBytes?: number;
}

/** Reads a file (or stdin for `-`) as bytes, refusing more than a Secret-sized policy can take. */
export async function readPolicyBytes(
  file: string,
  io: CliIo,
  maxPolicyBytes = SECRET_SIZE_LIMIT,
): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    bytes = await readInputBytes(file, io, {
      bytes: inputLimitFor(maxPolicyBytes),
      reason: `a policy lives in Secret ${AUDIT_POLICY_SECRET_NAMESPACE}/${AUDIT_POLICY_SECRET_NAME}, at most ${maxPolicyBytes} bytes`,
      fix: 'pass the policy itself, or raise the limit with --max-policy-bytes N',
    });
  } catch (err) {
    // An audit log is usually past the size limit: say it is a log, not that it is too large.
    if (err instanceof CliError) refuseLogAsPolicy(file, fileHead(file));
    throw err;
  }
  refuseLogAsPolicy(file, bytes.subarray(0, 4096));
  return bytes;
}

/**
 * Finds what a file gives the cluster: the file itself when it is a policy; otherwise the `audit-policy.yaml`
 * key of every Secret and every Policy document in it (single or multi-document YAML, JSON, or a `List`), and
 * the audit settings of ModuleConfig control-plane-manager. A file that holds only Policy documents is one
 * policy file and goes to the loader whole, as kube-apiserver reads it (which refuses a second document).
 */
export function findPolicies(file: string, input: string | Uint8Array): PolicyFile {
  const bytes = typeof input === 'string' ? undefined : input;
  // A UTF-16 manifest is read as one; a UTF-16 policy goes to the loader whole, which decodes and warns itself.
  const utf16 = bytes ? decodeUtf16Input(bytes, 'file') : undefined;
  const text = utf16 && 'text' in utf16 ? utf16.text : bytes ? utf8(bytes) : (input as string);
  if (text === undefined) return wholeFile(file, Buffer.from(bytes!).toString('utf8'), bytes);
  const template = unrenderedTemplate(text);
  if (template) return { file, sources: [], errors: [template], warnings: [] };
  if (plainlyOnePolicy(text)) return wholeFile(file, text, bytes);
  const manifest = readManifest(text);
  if (!manifest || isOnePolicyFile(manifest)) return wholeFile(file, text, bytes);
  const result: PolicyFile = { file, sources: [], errors: [], warnings: [] };
  if (utf16 && 'warning' in utf16) result.warnings.push(utf16.warning);
  result.errors.push(...manifest.broken.map(brokenDocumentProblem));
  result.warnings.push(...manifestNotReadWarnings(manifest));
  readSettings(manifest, result);
  readExtraConfigMaps(manifest, result);

  const secrets = manifest.objects.filter((o) => o.kind === 'Secret');
  const withKey = secrets.filter((s) => !('absent' in readSecretKey(s.value, AUDIT_POLICY_SECRET_KEY)));
  withKey.forEach((secret, i) => {
    const name = manifestName(secret.value);
    const repeated = withKey.filter((s) => manifestName(s.value) === name);
    const later = withKey.slice(i + 1).find((s) => manifestName(s.value) === name);
    const source = decodeSecret(file, secret, withKey.length > 1, result, repeated.length > 1);
    if (later && source) {
      // kubectl apply and Argo CD apply the file's objects in order: the cluster keeps the last manifest.
      const why = `Secret ${name} appears again at line ${later.position.line}, which kubectl apply and Argo CD apply after it`;
      source.unread ??= why;
      source.warnings.push({
        message: `${why}: the cluster keeps that one, not this`,
        ...secret.position,
        fix: 'keep one manifest of the Secret',
      });
    }
  });

  const policies = manifest.objects.filter((o) => o.range !== undefined && isPolicyDocument(o));
  for (const doc of policies) {
    // Keep positions true to the file: pad the document with the lines that precede it.
    const [start, end] = doc.range!;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    result.sources.push({
      file,
      label: policies.length + withKey.length > 1 ? `${file}[document ${doc.document}]` : file,
      container: 'policy',
      text: '\n'.repeat(manifest.lineOf(start) - 1) + text.slice(lineStart, end),
      warnings: [],
    });
  }
  // A file whose every document is broken has nothing else to say: the errors above are the whole story.
  const nothingRead = manifest.objects.length === 0 && manifest.broken.length > 0;
  if (result.sources.length === 0 && withKey.length === 0 && !nothingRead) {
    result.missing = missingPolicy(manifest, secrets);
    if (manifest.broken.length > 0) {
      const unread = manifest.broken.map((b) => `document ${b.document}`).join(', ');
      result.missing = {
        ...result.missing,
        message: `${result.missing.message}; ${unread} could not be read (see above) and may hold it`,
      };
    }
    result.errors.push(result.missing);
  }
  if (result.settings && !result.settings.auditPolicyEnabled) {
    for (const source of result.sources) {
      source.warnings.push(notReadWarning(result.settings));
      source.unread ??= 'Deckhouse does not read it (auditPolicyEnabled: false)';
    }
  }
  return result;
}

/** Reads a file and strictly loads every policy found in it (see findPolicies). */
export async function loadPolicyFile(
  file: string,
  io: CliIo,
  options: PolicyReadOptions = {},
): Promise<{ file: PolicyFile; loaded: LoadedPolicySource[] }> {
  const bytes = await readPolicyBytes(file, io, options.maxPolicyBytes);
  const found = findPolicies(file, bytes);
  // The loader takes the file's bytes (it refuses control bytes, invalid UTF-8 and UTF-16 with positions)
  // and refuses a policy over the size limit, from its byte length.
  const loaded = found.sources.map((source) => ({
    source,
    ...loadLocatedPolicy(source.bytes ?? source.text, {
      ...(options.kubernetesVersion ? { kubernetesVersion: options.kubernetesVersion } : {}),
      target: options.target ?? (source.container === 'secret' ? 'deckhouse' : 'kube-apiserver'),
      maxBytes: options.maxPolicyBytes ?? SECRET_SIZE_LIMIT,
    }),
  }));
  return { file: found, loaded };
}

/** The one policy of a file (absent when `allowSettingsOnly` and the file holds only Deckhouse settings). */
export interface SinglePolicy {
  policy?: Policy;
  source?: PolicySource;
  /** Where each rule of `policy` starts in `source.text`. */
  rulePositions?: Array<SourcePosition | undefined>;
  /** Advice about the file (positions in the file) and the loader's (positions in the policy), labelled. */
  warnings: LocatedProblem[];
  settings?: AuditSettings;
  /** ServiceAccounts the file's extra-audit-policy-config ConfigMaps add (see PolicyFile). */
  extraServiceAccounts?: string[];
}

/**
 * Loads exactly one policy from a file, or throws a CliError listing every problem. With
 * `allowSettingsOnly`, a file that holds ModuleConfig control-plane-manager and no policy gives just the
 * settings (its custom policy is then not known).
 */
export async function loadSinglePolicy(
  file: string,
  io: CliIo,
  options: PolicyReadOptions & { allowSettingsOnly?: boolean } = {},
): Promise<SinglePolicy> {
  const { file: found, loaded } = await loadPolicyFile(file, io, options);
  const settingsOnly =
    options.allowSettingsOnly === true &&
    (found.settings !== undefined || found.extraServiceAccounts !== undefined);
  const problems: LocatedProblem[] = found.errors
    .filter((p) => !(settingsOnly && p === found.missing))
    .map((p) => ({ label: found.file, ...p }));
  for (const l of loaded) problems.push(...l.errors.map((p) => ({ label: l.source.label, ...p })));
  if (problems.length > 0) {
    const name = file === '-' ? 'the policy on stdin' : file;
    const what = found.missing
      ? 'no audit policy'
      : problems.length === 1
        ? 'an error'
        : `${problems.length} errors`;
    throw new CliError(`${name} has ${what}:`, EXIT_FINDINGS, undefined, problems);
  }
  const fileWarnings = found.warnings.map((w) => ({ label: found.file, ...w }));
  const extras = found.extraServiceAccounts ? { extraServiceAccounts: found.extraServiceAccounts } : {};
  if (found.missing) return { warnings: fileWarnings, settings: found.settings, ...extras };
  if (loaded.length !== 1) {
    throw new CliError(
      `${file}: holds ${loaded.length} policies (${loaded.map((l) => l.source.label).join(', ')}); pass a file with exactly one`,
    );
  }
  const [only] = loaded;
  if (!only.policy) throw new CliError(`${only.source.label}: not an audit policy`);
  return {
    policy: only.policy,
    source: only.source,
    rulePositions: only.rulePositions,
    warnings: [
      ...fileWarnings,
      ...only.source.warnings.map((w) => ({ label: found.file, ...w })),
      ...only.warnings.map((w) => ({ label: only.source.label, ...w })),
    ],
    ...(found.settings ? { settings: found.settings } : {}),
    ...extras,
  };
}

/** The warning for a policy that Deckhouse does not read because auditPolicyEnabled is false. */
export function notReadWarning(settings: AuditSettings): Problem {
  return {
    message: settings.positions.auditPolicyEnabled
      ? 'Deckhouse does not read this policy: ModuleConfig control-plane-manager sets auditPolicyEnabled: false'
      : 'Deckhouse does not read this policy: ModuleConfig control-plane-manager leaves auditPolicyEnabled at its default, false',
    ...(settings.positions.auditPolicyEnabled ?? {}),
    fix: 'set spec.settings.apiserver.auditPolicyEnabled: true in ModuleConfig control-plane-manager',
  };
}

function wholeFile(file: string, text: string, bytes?: Uint8Array): PolicyFile {
  const source: PolicySource = {
    file,
    label: file,
    container: 'policy',
    text,
    ...(bytes ? { bytes } : {}),
    warnings: [],
  };
  return { file, errors: [], sources: [source], warnings: [] };
}

// What kube-apiserver would read as --audit-policy-file: one document that is no other kind of object (the
// loader explains what a Policy lacks), or a file that starts with a Policy document: kube-apiserver reads that
// one and silently ignores whatever follows (a second Policy, a document without kind, any object), which the
// loader refuses with the position of the second document.
function isOnePolicyFile(manifest: Manifest): boolean {
  if (manifest.documents === 0) return true;
  if (manifest.objects.some((o) => o.range === undefined)) return false; // a List
  const [object] = manifest.objects;
  const [broken] = manifest.broken;
  const firstIsBroken = broken !== undefined && (object === undefined || broken.document < object.document);
  if (firstIsBroken) {
    // Its kind is a guess from its text; without one it is left to the loader, which reports every position.
    return broken.kind === undefined ? manifest.documents === 1 : broken.kind === 'Policy';
  }
  if (isPolicyDocument(object)) return true;
  return manifest.documents === 1 && object.kind === undefined && object.apiVersion === undefined;
}

function isPolicyDocument(object: ManifestObject): boolean {
  return object.kind === 'Policy' || (object.apiVersion ?? '').startsWith('audit.k8s.io/');
}

function readSettings(manifest: Manifest, result: PolicyFile): void {
  const configs = manifest.objects.filter((o) => isControlPlaneManagerConfig(o.value));
  if (configs.length > 1) {
    result.errors.push({
      message: `found ${configs.length} ModuleConfigs control-plane-manager (lines ${configs.map((c) => c.position.line).join(', ')}); the cluster keeps only one`,
      ...configs[1].position,
      fix: 'keep one ModuleConfig control-plane-manager in the file',
    });
    return;
  }
  if (configs.length === 0) return;
  const [config] = configs;
  const apiVersionProblem = refusedApiVersion(
    config,
    'ModuleConfig control-plane-manager',
    MODULE_CONFIG_API_VERSION,
    ' (the ModuleConfig CRD serves only that version)',
  );
  if (apiVersionProblem) result.errors.push(apiVersionProblem);
  for (const scalar of config.yaml11Scalars) {
    if (typeof scalar.value !== 'boolean' || scalar.key === undefined) continue;
    result.warnings.push({
      message: `ModuleConfig control-plane-manager: ${scalar.key}: ${scalar.source} is a boolean only in YAML 1.1 (the cluster reads ${scalar.value}); YAML 1.2 tools read a string`,
      ...scalar.position,
      fix: `write ${scalar.value}`,
    });
  }
  const read = readAuditSettings(config.value, config.locate);
  result.errors.push(...read.problems);
  if (read.settings) result.settings = read.settings;
}

// Deckhouse's hook appends the serviceAccounts of every ConfigMap it selects, in any namespace. Two manifests of
// one ConfigMap (same namespace and name) are one object on the cluster: the one applied last.
function readExtraConfigMaps(manifest: Manifest, result: PolicyFile): void {
  const byName = new Map<string, ReturnType<typeof readExtraAuditPolicyConfigMap>>();
  for (const object of manifest.objects) {
    if (object.kind !== 'ConfigMap') continue;
    const read = readExtraAuditPolicyConfigMap(object.value, object.locate);
    const name = manifestName(object.value);
    if (byName.has(name) && (read.selected || byName.get(name)!.selected)) {
      result.warnings.push({
        message: `ConfigMap ${name} appears twice in the file; the cluster keeps the one applied last (this one)`,
        ...object.position,
        fix: 'keep one manifest of the ConfigMap',
      });
    }
    byName.set(name, read);
    const apiVersionProblem = read.selected
      ? refusedApiVersion(object, `ConfigMap ${name}`, 'v1')
      : undefined;
    if (apiVersionProblem) result.errors.push(apiVersionProblem);
    result.errors.push(...read.errors);
    result.warnings.push(...read.warnings);
  }
  for (const read of byName.values()) {
    if (read.selected)
      result.extraServiceAccounts = [...(result.extraServiceAccounts ?? []), ...read.serviceAccounts];
  }
}

function decodeSecret(
  file: string,
  secret: ManifestObject,
  several: boolean,
  result: PolicyFile,
  repeated = false,
): PolicySource | undefined {
  const name = manifestName(secret.value);
  const apiVersionProblem = refusedApiVersion(secret, `Secret ${name}`, 'v1');
  if (apiVersionProblem) result.errors.push(apiVersionProblem);
  const read = readSecretKey(secret.value, AUDIT_POLICY_SECRET_KEY, secret.locate);
  if ('problem' in read) {
    result.errors.push(read.problem);
    return undefined;
  }
  if ('absent' in read) return undefined;
  const { field, bytes } = read.value;
  const where = secret.locate([field, AUDIT_POLICY_SECRET_KEY]) ?? secret.position;
  // A policy encoded from UTF-16 with a byte order mark (PowerShell's Encoding.Unicode): go-yaml, behind the
  // hook, decodes it; the loader gets the bytes, reads them the same way and warns.
  const utf16 = decodeUtf16Input(bytes, 'policy');
  const text = utf16 && 'text' in utf16 ? utf16.text : utf8(bytes);
  if (text === undefined) {
    result.errors.push({
      message: `Secret ${name}: ${field}."${AUDIT_POLICY_SECRET_KEY}" does not decode to UTF-8 text`,
      ...where,
      fix: 'encode the policy file saved as UTF-8: base64 -w0 policy.yaml',
    });
    return undefined;
  }
  const warnings = [...read.value.warnings];
  let unread: string | undefined;
  const meta = (secret.value as { metadata?: { name?: unknown; namespace?: unknown } }).metadata;
  const noNamespace = meta?.namespace === undefined || meta.namespace === null || meta.namespace === '';
  if (meta?.name === AUDIT_POLICY_SECRET_NAME && noNamespace) {
    // Applied with kubectl -n kube-system (or an Argo CD Application whose destination is kube-system) it is
    // exactly the Secret Deckhouse reads: the namespace is decided where it is applied.
    warnings.push({
      message:
        `Secret ${name} has no metadata.namespace: it lands in the namespace it is applied to (kubectl apply -n, ` +
        `Argo CD's destination namespace); Deckhouse reads the custom policy only from Secret ` +
        `${AUDIT_POLICY_SECRET_NAMESPACE}/${AUDIT_POLICY_SECRET_NAME}`,
      ...(secret.locate(['metadata']) ?? secret.position),
      fix: `set metadata.namespace: ${AUDIT_POLICY_SECRET_NAMESPACE}`,
    });
  } else if (meta?.name !== AUDIT_POLICY_SECRET_NAME || meta?.namespace !== AUDIT_POLICY_SECRET_NAMESPACE) {
    unread = `Deckhouse reads only Secret ${AUDIT_POLICY_SECRET_NAMESPACE}/${AUDIT_POLICY_SECRET_NAME}, this is ${name}`;
    warnings.push({
      message: `Deckhouse reads the custom policy only from Secret ${AUDIT_POLICY_SECRET_NAMESPACE}/${AUDIT_POLICY_SECRET_NAME}; this one is ${name}`,
      ...(secret.locate(['metadata']) ?? secret.position),
      fix: `set metadata.namespace: ${AUDIT_POLICY_SECRET_NAMESPACE} and metadata.name: ${AUDIT_POLICY_SECRET_NAME}`,
    });
  }
  const which = repeated ? `${name} (line ${secret.position.line}):` : several ? `${name}:` : '';
  const label = `${file}[${which}${field}.${AUDIT_POLICY_SECRET_KEY}]`;
  const source: PolicySource = {
    file,
    label,
    container: 'secret',
    text,
    // NUL bytes too (UTF-16 without a byte order mark): the loader names what the bytes are.
    ...(utf16 || text.includes('\0') ? { bytes } : {}),
    warnings,
    ...(unread ? { unread } : {}),
  };
  result.sources.push(source);
  return source;
}

function missingPolicy(manifest: Manifest, secrets: ManifestObject[]): Problem {
  const merged = mergedPolicySecretProblem(secrets);
  if (merged !== undefined) return merged;
  if (secrets.length > 0) {
    const [first] = secrets;
    return {
      message: `Secret ${manifestName(first.value)} has no key "${AUDIT_POLICY_SECRET_KEY}" in data or stringData`,
      ...first.position,
      fix: `put the policy under data."${AUDIT_POLICY_SECRET_KEY}" (base64) of Secret ${AUDIT_POLICY_SECRET_NAMESPACE}/${AUDIT_POLICY_SECRET_NAME}`,
    };
  }
  // A SealedSecret or ExternalSecret makes the Secret in the cluster: its policy is encrypted or in a store.
  const elsewhere = manifest.objects.some((o) => o.kind === 'SealedSecret' || o.kind === 'ExternalSecret');
  const fix = elsewhere
    ? 'validate the policy file itself, or the Secret the cluster made: kubectl -n kube-system get secret audit-policy -o yaml | deckhouse-audit validate -'
    : 'pass a file with one audit.k8s.io/v1 Policy, or the Secret manifest that holds it';
  const kinds = manifest.objects
    .filter((o) => o.kind !== undefined)
    // An object without metadata.name (a kubeconfig's Config) is named by its kind alone.
    .map((o) => (manifestName(o.value) === '?' ? `${o.kind}` : `${o.kind} ${manifestName(o.value)}`));
  if (manifest.documents === 1 && manifest.objects.length === 1 && kinds.length === 1) {
    return {
      message: `holds a ${kinds[0]}, not an audit Policy or a Secret holding "${AUDIT_POLICY_SECRET_KEY}"`,
      fix,
    };
  }
  const held = kinds.length > 0 ? ` (${summarize(kinds)})` : '';
  return {
    message: `found ${manifest.documents} YAML documents${held} and none is an audit Policy or a Secret holding "${AUDIT_POLICY_SECRET_KEY}"`,
    fix,
  };
}

function summarize(items: string[]): string {
  const shown = items.slice(0, 5).join(', ');
  return items.length > 5 ? `${shown} and ${items.length - 5} more` : shown;
}

function utf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Line and column of each rule in a policy's text (undefined where the text does not show it). */
