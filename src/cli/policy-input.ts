import { readFile } from 'node:fs/promises';
import { Document, LineCounter, Node, YAMLMap, isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import {
  AUDIT_POLICY_SECRET_KEY,
  AUDIT_POLICY_SECRET_NAME,
  AUDIT_POLICY_SECRET_NAMESPACE,
} from '../deckhouse/policy-secret-location';
import { loadPolicy, PolicyTarget } from '../policy/parse';
import { ParseResult, Policy, Problem } from '../policy/types';
import { CliError, EXIT_FINDINGS, LocatedProblem } from './errors';
import { CliIo, readAllBytes } from './io';

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
}

/** The outcome of looking for policies in one file. */
export interface PolicyFile {
  file: string;
  sources: PolicySource[];
  /** Why no policy could be taken from the file (positions are in the file itself). */
  errors: Problem[];
}

/** A policy source after strict loading. */
export interface LoadedPolicySource extends ParseResult {
  source: PolicySource;
}

/** Reads a file's bytes, or stdin's for `-`; a missing or unreadable file is a CliError naming it. */
export async function readInputBytes(file: string, io: CliIo): Promise<Buffer> {
  if (file === '-') return readAllBytes(io.stdin);
  try {
    return await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`${file}: no such file`);
    if (code === 'EISDIR') throw new CliError(`${file}: is a directory, expected a policy file`);
    throw new CliError(`${file}: cannot read: ${(err as Error).message}`);
  }
}

/** Reads a file, or stdin for `-`, as UTF-8 text (see readInputBytes). */
export async function readInputText(file: string, io: CliIo): Promise<string> {
  return (await readInputBytes(file, io)).toString('utf8');
}

/**
 * Finds the audit policies in a file's text: the file itself when it is a policy, or the
 * `audit-policy.yaml` key of every Secret in it (single or multi-document YAML, JSON, or a `List`).
 */
export function findPolicies(file: string, text: string, bytes?: Uint8Array): PolicyFile {
  const lineCounter = new LineCounter();
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { lineCounter }) as Document.Parsed[];
  } catch {
    return wholeFile(file, text, bytes);
  }
  // Anything YAML cannot read is left to the policy loader, which reports it with positions.
  if (!Array.isArray(docs) || docs.some((d) => d.errors.length > 0)) return wholeFile(file, text, bytes);
  const nonEmpty = docs.filter((d) => d.contents !== null);

  const objects: YAMLMap[] = [];
  for (const doc of nonEmpty) {
    const root = doc.contents;
    if (!isMap(root)) continue;
    const items = root.get('items', true);
    if (String(root.get('kind') ?? '').endsWith('List') && isSeq(items)) {
      for (const item of items.items) if (isMap(item)) objects.push(item);
    } else {
      objects.push(root);
    }
  }

  const pos = (node: Node | null | undefined): Pick<Problem, 'line' | 'column'> => {
    if (!node?.range) return {};
    const p = lineCounter.linePos(node.range[0]);
    return { line: p.line, column: p.col };
  };

  const secrets = objects.filter((o) => o.get('kind') === 'Secret');
  const withKey = secrets.filter((s) => secretValueNode(s) !== undefined);
  if (withKey.length > 0) {
    const result: PolicyFile = { file, sources: [], errors: [] };
    for (const secret of withKey) {
      const decoded = decodeSecret(file, secret, pos, withKey.length > 1);
      if ('error' in decoded) result.errors.push(decoded.error);
      else result.sources.push(decoded.source);
    }
    return result;
  }

  if (nonEmpty.length <= 1 && secrets.length === 0) return wholeFile(file, text, bytes);

  const policies = nonEmpty.filter((d) => isMap(d.contents) && String(d.contents.get('kind')) === 'Policy');
  if (policies.length > 0 && secrets.length === 0) {
    // Keep positions true to the file: pad the document with the lines that precede it.
    return {
      file,
      errors: [],
      sources: policies.map((doc) => {
        const start = doc.contents!.range![0];
        const lineStart = text.lastIndexOf('\n', start - 1) + 1;
        const padding = '\n'.repeat(lineCounter.linePos(start).line - 1);
        return {
          file,
          label: policies.length > 1 ? `${file}[document ${nonEmpty.indexOf(doc) + 1}]` : file,
          container: 'policy' as const,
          text: padding + text.slice(lineStart, doc.range[1]),
          warnings: [],
        };
      }),
    };
  }

  if (secrets.length > 0) {
    return {
      file,
      sources: [],
      errors: secrets.map((s) => ({
        message: `Secret ${secretName(s)} has no key "${AUDIT_POLICY_SECRET_KEY}" in data or stringData`,
        ...pos(s),
        fix: `put the policy under data."${AUDIT_POLICY_SECRET_KEY}" (base64) of Secret ${AUDIT_POLICY_SECRET_NAMESPACE}/${AUDIT_POLICY_SECRET_NAME}`,
      })),
    };
  }
  return {
    file,
    sources: [],
    errors: [
      {
        message: `found ${nonEmpty.length} YAML documents and none is an audit Policy or a Secret holding "${AUDIT_POLICY_SECRET_KEY}"`,
        fix: 'pass a file with one audit.k8s.io/v1 Policy, or the Secret manifest that holds it',
      },
    ],
  };
}

/**
 * Reads a file and strictly loads every policy found in it (see findPolicies), as `target` reads it: by default
 * a policy from a Secret as Deckhouse's hook does (it needs no rules of its own), any other as kube-apiserver.
 */
export async function loadPolicyFile(
  file: string,
  io: CliIo,
  kubernetesVersion?: string,
  target?: PolicyTarget,
): Promise<{ file: PolicyFile; loaded: LoadedPolicySource[] }> {
  const bytes = await readInputBytes(file, io);
  const found = findPolicies(file, bytes.toString('utf8'), bytes);
  const loaded = found.sources.map((source) => ({
    source,
    ...loadPolicy(source.bytes ?? source.text, {
      ...(kubernetesVersion ? { kubernetesVersion } : {}),
      target: target ?? (source.container === 'secret' ? 'deckhouse' : 'kube-apiserver'),
    }),
  }));
  return { file: found, loaded };
}

/** Loads exactly one policy from a file, or throws a CliError listing every problem. */
export async function loadSinglePolicy(
  file: string,
  io: CliIo,
  kubernetesVersion?: string,
  target?: PolicyTarget,
): Promise<{ policy: Policy; source: PolicySource; warnings: Problem[] }> {
  const { file: found, loaded } = await loadPolicyFile(file, io, kubernetesVersion, target);
  const problems: LocatedProblem[] = found.errors.map((p) => ({ label: found.file, ...p }));
  for (const l of loaded) problems.push(...l.errors.map((p) => ({ label: l.source.label, ...p })));
  if (problems.length > 0) {
    const what = problems.length === 1 ? 'an error' : `${problems.length} errors`;
    throw new CliError(
      `${file === '-' ? 'the policy on stdin' : file} has ${what}:`,
      EXIT_FINDINGS,
      undefined,
      problems,
    );
  }
  if (loaded.length !== 1) {
    throw new CliError(
      `${file}: holds ${loaded.length} policies (${loaded.map((l) => l.source.label).join(', ')}); pass a file with exactly one`,
    );
  }
  const [only] = loaded;
  if (!only.policy) throw new CliError(`${only.source.label}: not an audit policy`);
  return { policy: only.policy, source: only.source, warnings: [...only.source.warnings, ...only.warnings] };
}

function wholeFile(file: string, text: string, bytes?: Uint8Array): PolicyFile {
  const source: PolicySource = { file, label: file, container: 'policy', text, warnings: [] };
  if (bytes) source.bytes = bytes;
  return { file, errors: [], sources: [source] };
}

function secretName(secret: YAMLMap): string {
  const meta = secret.get('metadata', true);
  const name = isMap(meta) ? String(meta.get('name') ?? '?') : '?';
  const namespace = isMap(meta) ? meta.get('namespace') : undefined;
  return `${namespace === undefined ? '' : `${String(namespace)}/`}${name}`;
}

function secretValueNode(secret: YAMLMap): { field: 'data' | 'stringData'; node: Node } | undefined {
  for (const field of ['data', 'stringData'] as const) {
    const map = secret.get(field, true);
    if (isMap(map) && map.has(AUDIT_POLICY_SECRET_KEY)) {
      return { field, node: map.get(AUDIT_POLICY_SECRET_KEY, true) as Node };
    }
  }
  return undefined;
}

// Go's encoding/base64 (what the apiserver uses for Secret data) skips CR and LF, nothing else.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function decodeSecret(
  file: string,
  secret: YAMLMap,
  pos: (node: Node | null | undefined) => Pick<Problem, 'line' | 'column'>,
  several: boolean,
): { source: PolicySource } | { error: Problem } {
  const { field, node } = secretValueNode(secret)!;
  const name = secretName(secret);
  const label = `${file}[${several ? `${name}:` : ''}${field}.${AUDIT_POLICY_SECRET_KEY}]`;
  if (!isScalar(node) || typeof node.value !== 'string') {
    return {
      error: {
        message: `Secret ${name}: ${field}."${AUDIT_POLICY_SECRET_KEY}" must be a string`,
        ...pos(node),
      },
    };
  }
  const warnings: Problem[] = [];
  const meta = secret.get('metadata', true);
  const namespace = isMap(meta) ? meta.get('namespace') : undefined;
  const secretMetaName = isMap(meta) ? meta.get('name') : undefined;
  if (secretMetaName !== AUDIT_POLICY_SECRET_NAME || namespace !== AUDIT_POLICY_SECRET_NAMESPACE) {
    warnings.push({
      message: `Deckhouse reads the custom policy only from Secret ${AUDIT_POLICY_SECRET_NAMESPACE}/${AUDIT_POLICY_SECRET_NAME}; this one is ${name}`,
      ...pos(isMap(meta) ? meta : secret),
      fix: `set metadata.namespace: ${AUDIT_POLICY_SECRET_NAMESPACE} and metadata.name: ${AUDIT_POLICY_SECRET_NAME}`,
    });
  }
  let text: string;
  if (field === 'stringData') {
    text = node.value;
    warnings.push({
      message: `the policy is in stringData; GitOps tools diff stringData badly`,
      ...pos(node),
      fix: `store it base64-encoded under data."${AUDIT_POLICY_SECRET_KEY}"`,
    });
  } else {
    const compact = node.value.replace(/[\r\n]/g, '');
    if (!BASE64.test(compact)) {
      return {
        error: {
          message: `Secret ${name}: data."${AUDIT_POLICY_SECRET_KEY}" is not valid base64`,
          ...pos(node),
          fix: `encode the policy with \`base64 -w0\`, or put the plain text under stringData`,
        },
      };
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(compact, 'base64'));
    } catch {
      return {
        error: {
          message: `Secret ${name}: data."${AUDIT_POLICY_SECRET_KEY}" does not decode to UTF-8 text`,
          ...pos(node),
        },
      };
    }
  }
  return { source: { file, label, container: 'secret', text, warnings } };
}

/** Line and column of each rule in a policy's text (undefined where the text does not show it). */
export function rulePositions(text: string): Array<{ line: number; column: number } | undefined> {
  const lineCounter = new LineCounter();
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { lineCounter }) as Document.Parsed[];
  } catch {
    return [];
  }
  if (!Array.isArray(docs)) return [];
  for (const doc of docs) {
    if (!isMap(doc.contents)) continue;
    const rules = doc.contents.get('rules', true);
    if (!isSeq(rules)) continue;
    return rules.items.map((item) => {
      const range = (item as Node | null)?.range;
      if (!range) return undefined;
      const p = lineCounter.linePos(range[0]);
      return { line: p.line, column: p.col };
    });
  }
  return [];
}
