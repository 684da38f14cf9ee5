// A schema error read as a problem of the construct prop that set the field: the facts (allowed values,
// patterns) come from the schema itself, so no construct restates them and a mistake is reported once.
import { quote } from '../policy/echo';
import { unescapePointerSegment, valueAtPointer } from './json-values';
import { PropProblem } from './messages';
import { SchemaError } from './schema-errors';

/** Words for one schema position (by {@link SchemaError.location}): what the value is, and how to fix it. */
export interface SchemaHint {
  /** What a valid value is, in words (the schema's pattern or values are added to it). */
  readonly expected?: string;
  /** How to fix it. */
  readonly fix?: string;
}

const ARTICLE: Readonly<Record<string, string>> = {
  integer: 'an integer',
  object: 'an object',
  array: 'an array',
};

// ajv's wording of one requirement, as the object of "expected": `must match pattern "x"` -> `matching x`.
function describeRequirement(text: string): string {
  const pattern = /^must match pattern "(.*)"$/.exec(text);
  if (pattern) return `matching ${pattern[1]}`;
  const type = /^must be (\w+)$/.exec(text);
  if (type) return ARTICLE[type[1]] ?? `a ${type[1]}`;
  const count = /^must NOT have (more|fewer) than (\d+) (\w+)$/.exec(text);
  if (count) {
    // ajv writes "characters", "items", "properties" whatever the count: "at least 1 character".
    const unit = count[2] === '1' ? count[3].replace(/ies$/, 'y').replace(/s$/, '') : count[3];
    return `${count[1] === 'more' ? 'at most' : 'at least'} ${count[2]} ${unit}`;
  }
  const be = /^must be (.+)$/.exec(text);
  if (be) return `a value ${be[1]}`;
  return text.replace(/^must /, '');
}

function expectedOf(error: SchemaError, hint: SchemaHint | undefined, name: string): string {
  const words = hint?.expected;
  switch (error.keyword) {
    case 'enum':
      return `one of ${(error.allowed ?? []).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ')}`;
    case 'pattern':
      return `${words ?? 'a string'} matching ${error.pattern ?? ''}`.trim();
    case 'type':
      return describeRequirement(error.message);
    case 'required':
      return words ?? 'a value (the schema requires it)';
    case 'additionalProperties':
      return `no field "${name}" (the schema does not know it${
        error.didYouMean ? `; did you mean "${error.didYouMean}"?` : ''
      })`;
    case 'not':
      return words ?? `no ${name} here`;
    case 'anyOf':
    case 'oneOf': {
      const alternatives = (error.alternatives ?? []).map(describeRequirement).join(' or ');
      return words ? `${words}${alternatives ? ` (${alternatives})` : ''}` : alternatives;
    }
    default:
      return words ?? describeRequirement(error.message);
  }
}

function fixOf(error: SchemaError, hint: SchemaHint | undefined, field: string): string {
  if (hint?.fix) return hint.fix;
  switch (error.keyword) {
    case 'enum':
      return `use one of ${(error.allowed ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'pattern':
      return `change it to match ${error.pattern ?? 'the pattern'}`;
    case 'required':
      return `set ${field}`;
    case 'additionalProperties':
      return error.didYouMean ? `rename it to "${error.didYouMean}"` : 'remove it, or correct its spelling';
    case 'not':
      return 'remove it';
    case 'type':
      return `write ${describeRequirement(error.message)}`;
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
    case 'maxProperties':
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `give ${describeRequirement(error.message)}, or leave it unset if it is optional`;
    default:
      return `see ${SCHEMA_DIRECTORY} for what the schema allows`;
  }
}

/**
 * Where a consumer finds the schemas the objects are checked against: in the installed package (the
 * repository's imports/schemas/ is packed under lib/).
 */
export const SCHEMA_DIRECTORY = 'the schemas in node_modules/cdk8s-deckhouse-audit/lib/imports/schemas/';

/**
 * The problem a schema error is, told about `field` (the prop path the construct's messages use).
 * `received` is the failing value, unless `showReceived` is false (a secret).
 */
export function schemaProblem(
  error: SchemaError,
  field: string,
  hint?: SchemaHint,
  showReceived = true,
): PropProblem {
  const name = field.slice(Math.max(field.lastIndexOf('.'), field.lastIndexOf(']')) + 1) || field;
  return {
    field,
    received: error.value,
    ...(showReceived ? {} : { showReceived: false }),
    expected: expectedOf(error, hint, name),
    fix: fixOf(error, hint, field),
  };
}

/**
 * A JSON pointer inside `root` as a prop path: `/a/b/0/c` -> `a.b[0].c` (array indexes in brackets,
 * decided by the data), with `from` (a pointer prefix such as `/spec`) left out.
 */
export function pointerToField(root: unknown, pointer: string, from = ''): string {
  if (!pointer.startsWith(from)) return pointer;
  let node: unknown = valueAtPointer(root, from);
  let out = '';
  for (const raw of pointer.slice(from.length).split('/').slice(1)) {
    const segment = unescapePointerSegment(raw);
    if (Array.isArray(node)) {
      out += `[${segment}]`;
      node = node[Number(segment)];
    } else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(segment)) {
      out += `${out ? '.' : ''}${segment}`;
      node =
        node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
    } else {
      // A key that is not a plain name (".auth_header", "cluster-name", "a b") is quoted, as the hand checks
      // write it: joined with dots it would read as other fields (`setLabels..auth_header`).
      out += `[${quote(segment)}]`;
      node =
        node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
    }
  }
  return out;
}
