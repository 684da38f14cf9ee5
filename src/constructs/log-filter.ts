import { checkStringArgument } from '../policy/arguments';
import { PropProblem } from './messages';
import { bundledSchema } from './schema-validation';
import { subschemaAt } from './schema-walk';
import { filterFieldPathProblem, isExtraValueList } from './filter-field-path';
import { anchoringProblem, javaScriptCheckable, REGEX_SINGLE_QUOTE, vrlRegexProblem } from './vrl-regex';
import { closestMatch } from '../policy/did-you-mean';
import { auditFieldPathFix, auditFieldPathFixText } from '../policy/audit-event-fields';

/** Operators of log-shipper's `labelFilter`/`logFilter` items. */
export type LogFilterOperator = 'In' | 'NotIn' | 'Regex' | 'NotRegex' | 'Exists' | 'DoesNotExist';

/** All operators, as the CRD lists them (ClusterLoggingConfig's `logFilter[].operator` enum). */
export const LOG_FILTER_OPERATORS = subschemaAt(
  bundledSchema('clusterloggingconfig.v1alpha2.json'),
  'spec.logFilter[].operator',
).enum as readonly LogFilterOperator[];

/**
 * Fields of an `audit.k8s.io/v1` Event that filters and labels commonly use (any JSON path of the
 * event is accepted; these give autocompletion).
 */
export type AuditEventField =
  | 'verb'
  | 'level'
  | 'stage'
  | 'requestURI'
  | 'userAgent'
  | 'user.username'
  | 'user.groups'
  | 'impersonatedUser.username'
  | 'objectRef.resource'
  | 'objectRef.subresource'
  | 'objectRef.namespace'
  | 'objectRef.name'
  | 'objectRef.apiGroup'
  | 'objectRef.apiVersion'
  | 'responseStatus.code'
  | (string & {});

/** One `logFilter` (or `labelFilter`) item: ANDed with the other items of the same list. */
export interface LogFilter {
  /**
   * A dotted path into the audit event (`objectRef.resource`; log-shipper reads it from the event's parsed JSON and
   * writes it into VRL as it is). A key with characters other than letters, digits, `_` and `@` is double-quoted:
   * `annotations."authorization.k8s.io/decision"`, `user.extra."authentication.kubernetes.io/node-name"[0]`;
   * unquoted it does not compile or names nothing, and is refused with the quoted form. A misspelt Event field is
   * refused with the closest one; a value comparison on a list (`user.groups`, `sourceIPs`, a `user.extra` key) is
   * refused, since log-shipper cannot apply it.
   */
  readonly field: AuditEventField;
  /**
   * How the field is compared: `In`/`NotIn` against whole values, `Regex`/`NotRegex` anchored to the whole value
   * (log-shipper adds `^...$`), `Exists`/`DoesNotExist` without values. `Regex` on a number
   * (`responseStatus.code`) is refused: use `In` with integers.
   */
  readonly operator: LogFilterOperator;
  /** Required (at least one) for In/NotIn/Regex/NotRegex, absent for Exists/DoesNotExist. */
  readonly values?: ReadonlyArray<string | number>;
}

/**
 * Escapes a text so that it matches itself literally in a (Rust/Go/JS) regular expression; a single quote becomes
 * `\x27`, as log-shipper puts the expression inside a VRL regex literal `r'…'` (vrl-regex.ts).
 */
export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&').replace(/'/g, REGEX_SINGLE_QUOTE);
}

// A text to escape, from untyped code: a number or anything else is refused here, where the text is used, with the
// function and the argument (its escaping would otherwise throw "text.replace is not a function").
function literal(fn: string, value: unknown, i: number): string {
  if (typeof value === 'number') {
    throw new TypeError(
      `${fn}: values[${i}] must be a string, got the number ${value}. Fix: compare a number with ` +
        `{ field, operator: 'In', values: [${value}] } (log-shipper's Regex fails on a number, e.g. responseStatus.code)`,
    );
  }
  checkStringArgument(fn, `values[${i}]`, value, 'a string (the text to match)');
  return value as string;
}

/**
 * The field equals one of the values exactly: an anchored `Regex` per value, with the text escaped. (log-shipper
 * anchors every Regex itself — modules/460-log-shipper/hooks/internal/vector/transform/filter.go turns `d8-.*`
 * into `^d8-.*$` — so the anchors state what it does anyway.)
 */
export function exact(field: AuditEventField, ...values: string[]): LogFilter {
  return {
    field,
    operator: 'Regex',
    values: values.map((v, i) => `^${escapeRegex(literal('exact', v, i))}$`),
  };
}

/** The field equals none of the values (anchored `NotRegex`; events without the field pass). */
export function notExact(field: AuditEventField, ...values: string[]): LogFilter {
  return {
    field,
    operator: 'NotRegex',
    values: values.map((v, i) => `^${escapeRegex(literal('notExact', v, i))}$`),
  };
}

/**
 * The whole field matches one of the regular expressions: log-shipper anchors each (`d8-.*` is `^d8-.*$`,
 * transform/filter.go), so write `.*x.*` to match `x` anywhere, or use `contains`. It adds the anchors without a
 * group, so an alternation goes in one: `(create|update)` (a bare `create|update` is refused).
 */
export function matches(field: AuditEventField, ...regexes: string[]): LogFilter {
  return { field, operator: 'Regex', values: regexes };
}

/** The whole field matches none of the regular expressions (anchored like `matches`; events without the field pass). */
export function notMatches(field: AuditEventField, ...regexes: string[]): LogFilter {
  return { field, operator: 'NotRegex', values: regexes };
}

/**
 * The field contains one of the substrings: a `Regex` `.*<text>.*` per value, the text escaped. Not log-shipper's
 * `In`, which compares the whole value (VRL `includes(values, field)`, vector/vrl/log_filter.go).
 */
export function contains(field: AuditEventField, ...substrings: string[]): LogFilter {
  return {
    field,
    operator: 'Regex',
    values: substrings.map((v, i) => `.*${escapeRegex(literal('contains', v, i))}.*`),
  };
}

/** The field contains none of the substrings (`NotRegex` `.*<text>.*`; events without the field pass). */
export function notContains(field: AuditEventField, ...substrings: string[]): LogFilter {
  return {
    field,
    operator: 'NotRegex',
    values: substrings.map((v, i) => `.*${escapeRegex(literal('notContains', v, i))}.*`),
  };
}

/** The event has the field. */
export function exists(field: AuditEventField): LogFilter {
  return { field, operator: 'Exists' };
}

/** The event lacks the field. */
export function doesNotExist(field: AuditEventField): LogFilter {
  return { field, operator: 'DoesNotExist' };
}

/**
 * A named selection of audit events for per-destination routing: the filters are ANDed; several
 * selections on one destination are ORed (one ClusterLoggingConfig each, so an event that matched
 * two selections of the same destination would be sent twice: synth refuses selections that do not exclude each
 * other on some field).
 */
export interface AuditEventSelection {
  /** Suffix of the ClusterLoggingConfig name: lowercase letters, digits and `-` (e.g. `rbac`). */
  readonly name: string;
  /** logFilter items, ANDed. */
  readonly filters: readonly LogFilter[];
}

const READ_VERBS = ['get', 'list', 'watch'];

/** The keys of a log-shipper filter item (ClusterLoggingConfig `logFilter[]`). */
const FILTER_ITEM_KEYS: readonly string[] = ['field', 'operator', 'values'];

/** Ready-made selections of audit events. */
export const AuditEventSelection = {
  /** Changes to RBAC objects (roles, bindings, cluster roles, cluster role bindings); reads excluded. */
  rbacChanges(name = 'rbac'): AuditEventSelection {
    return {
      name,
      filters: [exact('objectRef.apiGroup', 'rbac.authorization.k8s.io'), notExact('verb', ...READ_VERBS)],
    };
  },
  /**
   * Interactive access to Pods: `exec`, `attach`, `portforward` (and ephemeral containers). Core-group Pods only
   * (no `objectRef.apiGroup`), which also keeps it apart from `rbacChanges()` on one destination.
   */
  podAccess(name = 'pod-access'): AuditEventSelection {
    return {
      name,
      filters: [
        exact('objectRef.resource', 'pods'),
        exact('objectRef.subresource', 'exec', 'attach', 'portforward', 'ephemeralcontainers'),
        doesNotExist('objectRef.apiGroup'),
      ],
    };
  },
  /** Any access to Secrets (metadata only if the policy says so). */
  secrets(name = 'secrets'): AuditEventSelection {
    return { name, filters: [exact('objectRef.resource', 'secrets'), doesNotExist('objectRef.apiGroup')] };
  },
  /**
   * Requests that were refused (HTTP 401/403). `responseStatus.code` is a number in the event: log-shipper's
   * `Regex` (VRL `match!`) fails on a number and drops the event, its `In` compares integer values exactly
   * (modules/460-log-shipper/hooks/internal/vrl/filter.go), so this is `In [401, 403]`.
   */
  denied(name = 'denied'): AuditEventSelection {
    return { name, filters: [{ field: 'responseStatus.code', operator: 'In', values: [401, 403] }] };
  },
  /** Your own selection. */
  custom(name: string, ...filters: LogFilter[]): AuditEventSelection {
    return { name, filters };
  },
} as const;

// Fields of an audit.k8s.io/v1 Event that are not one string. log-shipper's filters
// (modules/460-log-shipper/hooks/internal/vrl/filter.go) compare one value: Regex is VRL `match!`, which fails
// on anything but a string (the vector filter then drops the event), NotRegex lets every non-string pass,
// In/NotIn compare the whole value with `includes` (converting only floats and booleans to strings).
const NUMBER_FIELDS = new Set(['responseStatus.code']);
const LIST_FIELDS = new Set(['user.groups', 'impersonatedUser.groups', 'sourceIPs']);

function unusableComparison(filter: LogFilter): Pick<PropProblem, 'expected' | 'fix'> | undefined {
  const { field, operator } = filter;
  if (NUMBER_FIELDS.has(field) && (operator === 'Regex' || operator === 'NotRegex')) {
    return {
      expected:
        `a string field for ${operator}: ${field} is a number in the audit event, and log-shipper's Regex ` +
        'fails on a number (the event is dropped) while NotRegex lets every event pass',
      fix: `compare with In and integer values, e.g. { field: '${field}', operator: 'In', values: [401, 403] }`,
    };
  }
  // user.extra values are lists of strings (authentication/v1 ExtraValue), most with one entry.
  if (isExtraValueList(field)) {
    return {
      expected:
        `a field with one value for ${operator}: ${field} is a list in the audit event (user.extra values are ` +
        'lists of strings), and log-shipper compares one value (In and Regex never match a list, NotIn and ' +
        'NotRegex let every event pass)',
      fix: `compare its first entry, "${field}[0]"`,
    };
  }
  if (LIST_FIELDS.has(field)) {
    return {
      expected:
        `a field with one value for ${operator}: ${field} is a list in the audit event, and log-shipper ` +
        'compares one value (In and Regex never match a list, NotIn and NotRegex let every event pass)',
      fix:
        'filter on a single-valued field (user.username), or record the group in the audit policy (userGroups) ' +
        'and select what that rule records; Exists and DoesNotExist work on a list',
    };
  }
  return undefined;
}

/**
 * Checks filter items against the CRD's rules (operator enum, values present/absent, regex syntax) and, for
 * filters on the audit event (logFilter), its field paths and what log-shipper can compare there (no Regex on a
 * number, no value comparison on a list).
 */
export function checkLogFilters(
  filters: readonly LogFilter[] | undefined,
  field: string,
  /** The filters compare the log record's own fields (rateLimit.excludes), not the audit event's. */
  recordFields = false,
): PropProblem[] {
  if (filters === undefined) return [];
  if (!Array.isArray(filters)) {
    return [
      {
        field,
        received: filters,
        expected: 'an array of { field, operator, values? }',
        fix: 'use exact(...) etc.',
      },
    ];
  }
  const problems: PropProblem[] = [];
  filters.forEach((filter: LogFilter, i) => {
    const at = `${field}[${i}]`;
    if (typeof filter !== 'object' || filter === null) {
      problems.push({
        field: at,
        received: filter,
        expected: 'a filter object',
        fix: 'use exact(field, ...values)',
      });
      return;
    }
    // A key log-shipper's filter item does not have (`value`, `caseInsensitive`) would be dropped.
    for (const key of Object.keys(filter)) {
      if (FILTER_ITEM_KEYS.includes(key)) continue;
      const guess = closestMatch(key, FILTER_ITEM_KEYS);
      problems.push({
        field: `${at}.${key}`,
        received: key,
        expected: `a key of a log-shipper filter item (${FILTER_ITEM_KEYS.join(', ')})`,
        fix: guess ? `did you mean "${guess}"?` : 'remove it: log-shipper would not see it',
      });
    }
    const badPath =
      typeof filter.field === 'string' && filter.field.length > 0
        ? filterFieldPathProblem(filter.field, recordFields)
        : undefined;
    if (typeof filter.field !== 'string' || filter.field.length === 0) {
      problems.push({
        field: `${at}.field`,
        received: filter.field,
        expected: 'a non-empty field path',
        fix: 'name an audit event field, e.g. "verb" or "objectRef.resource"',
      });
    } else if (badPath !== undefined) {
      problems.push({ field: `${at}.field`, received: filter.field, ...badPath });
    } else if (!recordFields) {
      const meant = auditFieldPathFix(filter.field);
      if (meant !== undefined) {
        problems.push({
          field: `${at}.field`,
          received: filter.field,
          expected:
            'a field of an audit.k8s.io/v1 Event (field names are case-sensitive; a path no event has never matches)',
          fix: auditFieldPathFixText(meant),
        });
      }
    }
    if (filter.values !== undefined && !Array.isArray(filter.values)) {
      problems.push({
        field: `${at}.values`,
        received: filter.values,
        expected: 'a list of values',
        fix: `write values: [${JSON.stringify(filter.values)}]`,
      });
      return;
    }
    if (!LOG_FILTER_OPERATORS.includes(filter.operator)) {
      problems.push({
        field: `${at}.operator`,
        received: filter.operator,
        expected: `one of ${LOG_FILTER_OPERATORS.join(', ')}`,
        fix: 'use the helpers exact(), matches(), contains(), exists() ...',
      });
      return;
    }
    const wantsValues = filter.operator !== 'Exists' && filter.operator !== 'DoesNotExist';
    const unusable = wantsValues && !recordFields ? unusableComparison(filter) : undefined;
    if (unusable) problems.push({ field: `${at}.field`, received: filter.field, ...unusable });
    const values = filter.values ?? [];
    if (wantsValues && values.length === 0) {
      problems.push({
        field: `${at}.values`,
        received: filter.values,
        expected: `at least one value for ${filter.operator}`,
        fix: 'give the values to compare with',
      });
    }
    if (!wantsValues && values.length > 0) {
      problems.push({
        field: `${at}.values`,
        received: filter.values,
        expected: `no values for ${filter.operator}`,
        fix: 'drop the values',
      });
    }
    values.forEach((value, j) => {
      if (typeof value !== 'string' && !(typeof value === 'number' && Number.isInteger(value))) {
        problems.push({
          field: `${at}.values[${j}]`,
          received: value,
          expected: 'a string or an integer',
          fix: 'quote the value',
        });
      } else if (
        (filter.operator === 'Regex' || filter.operator === 'NotRegex') &&
        typeof value === 'string'
      ) {
        try {
          // Rust's syntax, which the agent compiles, in JavaScript's words (vrl-regex.ts).
          new RegExp(javaScriptCheckable(value));
        } catch (error) {
          problems.push({
            field: `${at}.values[${j}]`,
            received: value,
            expected: `a valid regular expression (${(error as Error).message})`,
            fix: 'escape metacharacters, or use exact() for literal values',
          });
          return;
        }
        const agent = vrlRegexProblem(value) ?? anchoringProblem(value);
        if (agent !== undefined) problems.push({ field: `${at}.values[${j}]`, received: value, ...agent });
      }
    });
  });
  return problems;
}
