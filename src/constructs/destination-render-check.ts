// The checks of the object a destination renders to: against the ClusterLogDestination schema (its errors
// worded as the props that set the fields) and for inline credentials (credential-scan.ts).
import { CredentialFinding, isCredentialField, scanCredentials } from './credential-scan';
import { base64Problems } from './destination-base64';
import { PropProblem } from './messages';
import { SchemaError } from './schema-errors';
import { pointerToField, SchemaHint, schemaProblem } from './schema-problems';
import { sharedValidator } from './schema-validation';

// Words for the schema positions whose errors need them; the allowed values and patterns are the schema's.
const VECTOR_PATH: SchemaHint = {
  expected: 'a Vector path starting with "."',
  // The audit Event sits in .message (transformation-paths.ts): a root path such as .requestObject names nothing.
  fix: 'e.g. ".message.requestObject" (after AuditTransformations.parseEvent())',
};
const EXPRESSION: SchemaHint = {
  expected: 'only the characters the CRD allows in an expression',
  fix: 'remove the characters the pattern does not list',
};
const SCHEMA_HINTS: Readonly<Record<string, SchemaHint>> = {
  'spec.vector.endpoint': { expected: 'host:port', fix: 'e.g. "vector.example.com:6000"' },
  'spec.socket.address': { expected: 'host:port', fix: 'e.g. "siem.example.com:6514"' },
  'spec.kafka.bootstrapServers[]': { expected: 'host:port', fix: 'e.g. "kafka-0.example.com:9093"' },
  'spec.buffer.disk.maxSize': { expected: 'bytes or a quantity', fix: 'e.g. "1Gi" (at least ~256 MB)' },
  'spec.extraLabels.*': {
    expected: 'a plain token or a template "{{ field.path }}"',
    fix: 'write a template with one space inside the braces, e.g. "{{ objectRef.resource }}"',
  },
  'spec.socket.encoding.cef': {
    expected: 'no cef unless encoding is "CEF"',
    fix: 'set encoding: "CEF", or drop cef',
  },
  'spec.kafka.encoding.cef': {
    expected: 'no cef unless encoding is "CEF"',
    fix: 'set encoding: "CEF", or drop cef',
  },
  'spec.transformations[].replaceKeys.labels[]': VECTOR_PATH,
  'spec.transformations[].dropLabels.labels[]': VECTOR_PATH,
  'spec.transformations[].replaceValue.labels[]': VECTOR_PATH,
  'spec.transformations[].parseMessage.targetLabel': VECTOR_PATH,
  'spec.transformations[].addLabels.setLabels.*': {
    expected: 'a target path starting with "."',
    fix: 'e.g. ".cluster"',
  },
  'spec.transformations[].replaceKeys.source': EXPRESSION,
  'spec.transformations[].replaceValue.source': EXPRESSION,
  'spec.transformations[].parseMessage.string.regex': EXPRESSION,
  'spec.transformations[].addLabels.when[]': EXPRESSION,
  'spec.transformations[].parseMessage': {
    expected:
      'the block its sourceFormat needs (String: string { regex, setLabels }; JSON: json, optional; others: none)',
    fix: 'e.g. { sourceFormat: "JSON" }',
  },
};

// The CRD's path where it differs from the prop's (the buffer's size props sit in a block per type; the CRD spells
// Loki's tenant `tenantID`, the prop `tenantId`): every message about one prop names it the same way.
const FIELD_RENAMES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^buffer\.disk\.maxSize$/, 'buffer.maxSize'],
  [/^buffer\.memory\.maxEvents$/, 'buffer.maxEvents'],
  [/^loki\.tenantID$/, 'loki.tenantId'],
];

function propField(manifest: unknown, pointer: string): string {
  let field = pointerToField(manifest, pointer, '/spec');
  for (const [from, to] of FIELD_RENAMES) field = field.replace(from, to);
  return field;
}

export function schemaProblems(manifest: Record<string, unknown>): PropProblem[] {
  return sharedValidator()
    .errorsOf(manifest)
    .map((error: SchemaError) =>
      schemaProblem(
        error,
        propField(manifest, error.field),
        SCHEMA_HINTS[error.location],
        !isCredentialField(error.field),
      ),
    );
}

/** A credential finding as the problem of the prop that set it (`field`: its prop path). */
export function credentialProblem(finding: CredentialFinding, field: string, where = ''): PropProblem {
  return { field, showReceived: false, expected: `no inline ${finding.what}${where}`, fix: finding.fix };
}

/**
 * The inline credentials of a rendered ClusterLogDestination (its `toJson()`, after escape-hatch patches),
 * as problems of the destination's spec paths; `allowInlineCredentials` lets through all but a private
 * key in a certificate field.
 */
export function renderedCredentialProblems(
  json: Record<string, unknown>,
  allowInlineCredentials: boolean,
): PropProblem[] {
  return scanCredentials(json)
    .filter((f) => f.always || !allowInlineCredentials)
    .map((f) =>
      credentialProblem(f, propField(json, f.pointer), ' in the rendered object (an escape-hatch patch?)'),
    );
}

export function credentialProblems(manifest: Record<string, unknown>, allowed: boolean): PropProblem[] {
  return scanCredentials(manifest)
    .filter((f) => f.always || !allowed)
    .map((f) => credentialProblem(f, propField(manifest, f.pointer)));
}

/** The fields log-shipper base64-decodes and could not (destination-base64.ts), as problems of their props. */
export function decodingProblems(manifest: Record<string, unknown>): PropProblem[] {
  return base64Problems(manifest).map(({ pointer, ...problem }) => ({
    ...problem,
    field: propField(manifest, pointer),
  }));
}

// A field a hand check already reported is not reported again by the schema (one mistake, one message).
export function coveredBy(field: string, reported: readonly PropProblem[]): boolean {
  return reported.some(
    (p) => field === p.field || field.startsWith(`${p.field}.`) || field.startsWith(`${p.field}[`),
  );
}
