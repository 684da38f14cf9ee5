/**
 * Strings that cdk8s's YAML writer (the `yaml` package, YAML 1.1 schema) leaves unquoted but that go-yaml v2 —
 * the reader behind kubectl, Argo CD and kube-apiserver — types as something else: `0X1F` and `0o17` are
 * numbers to Go's strconv.ParseInt, which go-yaml's resolve.go calls. Such a value would reach the cluster as
 * a number, so synth refuses it with the field that holds it.
 */
import { stringify } from 'yaml';
import { describeGoYamlScalar, resolveGoYamlPlain } from '../policy/go-yaml-scalar';

/** One string that would be misread, with its JSON path in the object. */
export interface MisreadString {
  readonly path: string;
  readonly value: string;
  /** What go-yaml reads instead, e.g. `the number 0X1F`. */
  readonly readAs: string;
}

// cdk8s writes every document with these options (cdk8s/lib/yaml.js, Yaml.stringify).
const CDK8S_WRITER = { version: '1.1', lineWidth: 0 } as const;

function misread(text: string): string | undefined {
  const scalar = resolveGoYamlPlain(text);
  if (scalar.type === 'string') return undefined;
  // Quoted by cdk8s's writer (or multi-line): safe whatever it holds. Asked second: writing is the slower test.
  if (stringify(text, CDK8S_WRITER) !== `${text}\n`) return undefined;
  return describeGoYamlScalar(scalar, text);
}

/** Every key and string value of `value` that go-yaml would read as a non-string once cdk8s has written it. */
export function misreadStrings(value: unknown, path = ''): MisreadString[] {
  if (typeof value === 'string') {
    const readAs = misread(value);
    return readAs === undefined ? [] : [{ path: path || '.', value, readAs }];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => misreadStrings(item, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  const out: MisreadString[] = [];
  for (const [key, item] of Object.entries(value)) {
    const at = `${path}.${key}`;
    const readAs = misread(key);
    if (readAs !== undefined) out.push({ path: `${at} (the key)`, value: key, readAs });
    out.push(...misreadStrings(item, at));
  }
  return out;
}
