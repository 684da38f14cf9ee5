// Props read from JSON/YAML or built in JavaScript can hold what no manifest can: a value that contains
// itself (the destination checks walked it for ever), a getter or Proxy that throws, a function, symbol,
// bigint, Date or class instance (structuredClone or cdk8s then failed deep inside with a DOMException or
// "can't render non-simple object"), NaN/Infinity (JSON writes them as null: a silently different manifest),
// and own keys `__proto__` (JSON.parse makes them; most code ignores them) or `constructor` (cdk8s cannot
// render it). checkPlainData refuses these at once, naming the construct path and the field.
import { quote } from '../policy/echo';
import { ConstructPropsError } from './prop-keys';

/** Nodes a prop may hold: far beyond any real configuration, small enough to keep the walk quick. */
export const PLAIN_DATA_MAX_NODES = 1_000_000;

/**
 * The longest string a prop may hold, in UTF-16 code units: kube-apiserver refuses a request body over 3 MiB
 * (k8s.io/apiserver pkg/server/config.go, MaxRequestBodyBytes: 3 * 1024 * 1024, twice etcd's default 1.5 MiB
 * request limit), and a longer string is longer still in UTF-8, so no object holding it can be applied. Past it,
 * the checks would spend their time (and the regular expression engine its stack) on a value nobody can use.
 */
export const PLAIN_DATA_MAX_STRING_LENGTH = 3 * 1024 * 1024;

/** `value` as a short JSON-ish text with control characters escaped (for messages). */
export function describeReceived(value: unknown, max = 60): string {
  // Strings go through the engine's quote(): shortened, and every character that could drive a terminal escaped.
  if (typeof value === 'string') return quote(value, max);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (value === undefined) return 'nothing';
  if (typeof value === 'bigint') return `the bigint ${value}n`;
  if (typeof value === 'symbol') return 'a symbol';
  if (typeof value === 'function') return 'a function';
  return 'an object';
}

function isPlainPrototype(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  // Any realm's Object.prototype (its own prototype is null), or none.
  return proto === null || Object.getPrototypeOf(proto) === null;
}

function keyPath(field: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${field}.${key}` : `${field}[${quote(key)}]`;
}

function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return describeReceived(message, 120);
}

/**
 * Throws a ConstructPropsError `[<path>] <field>...: received ..., expected ... Fix: ...` unless `value` is
 * JSON data (plain objects, arrays, strings, finite numbers, booleans, null, undefined) without cycles,
 * throwing getters or keys `__proto__`/`constructor`. Iterative and bounded by {@link PLAIN_DATA_MAX_NODES}.
 */
export function checkPlainData(path: string, field: string, value: unknown): void {
  const fail = (at: string, received: string, expected: string, fix: string): never => {
    throw new ConstructPropsError(path, `${at}: received ${received}, expected ${expected}. Fix: ${fix}`);
  };
  const onPath = new Set<object>();
  const stack: Array<{ value: unknown; field: string; leave?: object }> = [{ value, field }];
  let nodes = 0;
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (top.leave !== undefined) {
      onPath.delete(top.leave);
      continue;
    }
    const v = top.value;
    const at = top.field;
    if (++nodes > PLAIN_DATA_MAX_NODES) {
      fail(field, `more than ${PLAIN_DATA_MAX_NODES} values`, 'a configuration of a sane size', 'split it');
    }
    if (typeof v === 'number' && !Number.isFinite(v)) {
      fail(at, String(v), 'a finite number (JSON writes NaN and Infinity as null)', 'give a finite number');
    }
    if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') {
      fail(
        at,
        describeReceived(v),
        'JSON data (a string, number, boolean, list or object)',
        'pass plain data',
      );
    }
    if (typeof v === 'string' && v.length > PLAIN_DATA_MAX_STRING_LENGTH) {
      fail(
        at,
        `a string of ${v.length} characters`,
        `at most ${PLAIN_DATA_MAX_STRING_LENGTH} (kube-apiserver refuses a request over 3 MiB, so no object can hold it)`,
        'pass the value itself, not a file or a bundle by mistake; large certificate material belongs in the ' +
          'Secret of tls.secretRef',
      );
    }
    if (typeof v !== 'object' || v === null) continue;
    if (onPath.has(v)) {
      fail(
        at,
        'an object that contains itself',
        'plain data without cycles',
        'build each value from its own objects',
      );
    }
    let keys: string[];
    try {
      if (!Array.isArray(v) && !isPlainPrototype(v)) {
        const name = (v as { constructor?: { name?: unknown } }).constructor?.name;
        fail(
          at,
          `a ${typeof name === 'string' && name ? name : 'non-plain object'}`,
          'a plain object, list or value',
          'convert it to plain data (a string for a date)',
        );
      }
      keys = Object.keys(v);
    } catch (error) {
      if (error instanceof ConstructPropsError) throw error;
      return fail(
        at,
        `an object whose keys cannot be read (${errorText(error)})`,
        'plain data',
        'pass plain data',
      );
    }
    onPath.add(v);
    stack.push({ value: undefined, field: at, leave: v });
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      const child = Array.isArray(v) ? `${at}[${key}]` : keyPath(at, key);
      if (!Array.isArray(v) && (key === '__proto__' || key === 'constructor')) {
        fail(
          child,
          'a key named ' + JSON.stringify(key),
          'no such key (JSON.parse keeps "__proto__" as data, cdk8s cannot render "constructor")',
          'remove or rename the key',
        );
      }
      let childValue: unknown;
      try {
        childValue = (v as Record<string, unknown>)[key];
      } catch (error) {
        return fail(child, `a getter that throws (${errorText(error)})`, 'a plain value', 'pass plain data');
      }
      stack.push({ value: childValue, field: child });
    }
  }
}

/**
 * `<field>...: received an object whose keys cannot be read (...), expected plain data. Fix: ...` when reading
 * `value` throws anywhere (a Proxy trap, a getter, a revoked Proxy), else undefined. Whatever else it holds is
 * left to the reader of that value (the policy loader reports a cycle, a type or a size as the policy's problem).
 * Each object is read once (so a cycle ends the walk); bounded by {@link PLAIN_DATA_MAX_NODES}.
 */
export function unreadableProblem(field: string, value: unknown): string | undefined {
  const problem = (at: string, what: string, error: unknown): string =>
    `${at}: received ${what} (${errorText(error)}), expected plain data. Fix: pass plain data (not a Proxy or ` +
    'getter that throws)';
  const seen = new Set<object>();
  const stack: Array<{ value: unknown; field: string }> = [{ value, field }];
  let nodes = 0;
  while (stack.length > 0 && ++nodes <= PLAIN_DATA_MAX_NODES) {
    const { value: v, field: at } = stack.pop()!;
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    seen.add(v);
    let keys: string[];
    let isArray: boolean;
    try {
      // Every step JSON.stringify, the loader and cdk8s take: a trap on any of them throws here instead.
      isArray = Array.isArray(v);
      Object.getPrototypeOf(v);
      void (v as { toJSON?: unknown }).toJSON;
      keys = Object.keys(v);
    } catch (error) {
      return problem(at, 'an object whose keys cannot be read', error);
    }
    for (const key of keys) {
      const child = isArray ? `${at}[${key}]` : keyPath(at, key);
      try {
        stack.push({ value: (v as Record<string, unknown>)[key], field: child });
      } catch (error) {
        return problem(child, 'a getter that throws', error);
      }
    }
  }
  return undefined;
}

/** Throws a ConstructPropsError `[<path>] <field>...` with {@link unreadableProblem}'s message, if any. */
export function checkReadable(path: string, field: string, value: unknown): void {
  const problem = unreadableProblem(field, value);
  if (problem !== undefined) throw new ConstructPropsError(path, problem);
}

/**
 * Reads every prop once (a Proxy or getter that throws is reported as the prop, not as its raw error) and
 * checks the props named in `dataProps` (or all of them when omitted) with {@link checkPlainData}.
 */
export function checkPropsData(path: string, props: unknown, dataProps?: readonly string[]): void {
  if (typeof props !== 'object' || props === null) return; // checkPropKeys reports the type
  let keys: string[];
  try {
    keys = Object.keys(props);
  } catch (error) {
    throw new ConstructPropsError(
      path,
      `props: received an object whose keys cannot be read (${errorText(error)}), expected plain ` +
        'props. Fix: pass a plain object (not a Proxy that throws)',
    );
  }
  for (const key of keys) {
    let value: unknown;
    try {
      value = (props as Record<string, unknown>)[key];
    } catch (error) {
      throw new ConstructPropsError(
        path,
        `${key}: received a getter that throws (${errorText(error)}), expected a plain value. ` +
          'Fix: pass plain data',
      );
    }
    if (dataProps === undefined || dataProps.includes(key)) checkPlainData(path, key, value);
  }
}
