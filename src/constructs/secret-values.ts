// Whether a value holds a credential, judged by the value and the name it sits under (no schema): the
// places a credential hides outside the CRD's own secret fields. Used by the scan of rendered objects
// (credential-scan.ts) and by every message that quotes a received value (messages.ts), so that what is kept
// out of dist/ is kept out of error messages and warnings too.
import { holdsPrivateKey } from './private-key';

// Every matcher below is linear in the value's length (anchored or bounded patterns, one pass): a CA bundle
// of hundreds of kilobytes, or a hostile value, is scanned in bounded time.

// Where the user information of an address ends on the left: a delimiter, or another "@".
const USERINFO_STOP = new Set([
  ' ',
  '\t',
  '\n',
  '\r',
  ',',
  ';',
  '/',
  '?',
  '#',
  '@',
  '=',
  '"',
  "'",
  '(',
  '<',
  '[',
]);
const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*$/;

// The user information before each "@" of the value, found by walking left to a delimiter: `user:password@host`
// inside a longer text (`key=user:pw@host`), and `scheme://token@host`.
function delimitedUserinfoSpans(value: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let at = value.indexOf('@'); at > 0; at = value.indexOf('@', at + 1)) {
    const next = value[at + 1];
    if (next === undefined || USERINFO_STOP.has(next) || next === ':') continue;
    let start = at;
    while (start > 0 && !USERINFO_STOP.has(value[start - 1])) start--;
    if (start === at) continue;
    if (value.slice(start, at).includes(':')) {
      spans.push([start, at]);
      continue;
    }
    // "scheme://" right before the user name.
    if (start >= 3 && value.slice(start - 3, start) === '://') {
      let schemeStart = start - 3;
      while (schemeStart > 0 && /[a-zA-Z0-9+.-]/.test(value[schemeStart - 1])) schemeStart--;
      if (SCHEME.test(value.slice(schemeStart, start - 3))) spans.push([start, at]);
    }
  }
  return spans;
}

// The characters that end the authority of a URL (`scheme://authority/path?query#fragment`): the WHATWG URL
// parser, which the agent's and our URL readers follow, also ends it at "\\" for http(s).
const AUTHORITY_END = new Set(['/', '\\', '?', '#', ' ', '\t', '\n', '\r']);

/**
 * The user information of every `scheme://user:password@host` in the value: all of the authority before its last
 * "@". RFC 3986 lets a user name and password hold the sub-delimiters `!$&'()*+,;=` unescaped, which the
 * delimiter walk of delimitedUserinfoSpans stops at (`https://admin:pa=ss@host` showed only "ss"). Linear: each "://" is
 * found once, and an authority ends at the next "/".
 */
function authorityUserinfoSpans(value: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let mark = value.indexOf('://'); mark >= 0; mark = value.indexOf('://', mark + 3)) {
    // A scheme right before "://" (letters, digits, "+", ".", "-", starting with a letter).
    let schemeStart = mark;
    while (schemeStart > 0 && /[a-zA-Z0-9+.-]/.test(value[schemeStart - 1])) schemeStart--;
    if (schemeStart === mark || !/[a-zA-Z]/.test(value[schemeStart])) continue;
    const start = mark + 3;
    let end = start;
    while (end < value.length && !AUTHORITY_END.has(value[end])) end++;
    const at = value.lastIndexOf('@', end - 1);
    if (at > start) spans.push([start, at]);
  }
  return spans;
}

/**
 * The user information of a word without a scheme that is an address with credentials, `user:password@host:port`
 * (Kafka's bootstrapServers, a Socket address, a Logstash or Vector endpoint): all of the word before its last
 * "@" when that holds a ":" and a host name follows, whatever characters the password has.
 */
function bareUserinfoSpans(value: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const match of value.matchAll(/\S+/g)) {
    const word = match[0];
    if (word.includes('://')) continue;
    const at = word.lastIndexOf('@');
    if (at <= 0 || !word.slice(0, at).includes(':')) continue;
    if (!/^[a-zA-Z0-9[](?:[a-zA-Z0-9.:[\]-]*)(?:$|\/)/.test(word.slice(at + 1))) continue;
    spans.push([match.index, match.index + at]);
  }
  return spans;
}

/**
 * Where the user information of each address in the value lies: `[start, at]` with `value[at] === '@'`, for
 * `user:password@host` (with or without a scheme, as in Kafka's bootstrapServers) and `scheme://user@host` (a
 * token as the user name). Spans do not overlap, in order.
 */
function userinfoSpans(value: string): Array<[number, number]> {
  if (!value.includes('@')) return [];
  const spans = [
    ...delimitedUserinfoSpans(value),
    ...authorityUserinfoSpans(value),
    ...bareUserinfoSpans(value),
  ];
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}

/**
 * True when the value holds an address with credentials: `user:password@host` (with or without a scheme,
 * as in Kafka's bootstrapServers) or `scheme://user@host` (a token as the user name).
 */
export function holdsUserinfo(value: string): boolean {
  return userinfoSpans(value).length > 0;
}

// Query parameter names that carry a secret (normalized: lower case, no "-", "_", "."): OAuth and API
// tokens, passwords, signatures (AWS SigV4 `X-Amz-Signature`, Azure SAS `sig`), API keys, a JWT or a bearer
// token passed as a parameter, a session id.
const SECRET_PARAMETER =
  /^(key|sig|code|auth|pass|pw|pwd|passwd|jwt|bearer|session|sessionid|credentials?|authorization|xamz(signature|credential|securitytoken)|.*(token|secret|password|passphrase|apikey|privatekey|signature|accesskey))$/;

/** A name as the name matchers compare it: lower case, without "-", "_" and ".". */
export function normalizedName(name: string): string {
  return name.toLowerCase().replace(/[-_.]/g, '');
}

// An address a query string or fragment can follow: one with a scheme (`https://...`), `host:port/path`, or a
// bare host name with an optional port and path (`es.example.com?...`: what a user writes who forgot the scheme).
function isAddressWithParameters(value: string): boolean {
  return (
    value.includes('://') ||
    /^[^\s/?#]+:\d+\//.test(value) ||
    /^[a-zA-Z0-9.-]+(?::\d{1,5})?(?:\/[^\s?#]*)?[?#]/.test(value)
  );
}

// Where the query string (after "?", up to "#" or a space) and the fragment (after "#", up to a space) of an
// address lie: both carry parameters (an OAuth implicit grant returns `#access_token=...`).
function parameterRanges(value: string): Array<[number, number]> {
  const question = value.search(/[?#]/);
  if (question < 0 || !isAddressWithParameters(value)) return [];
  const ranges: Array<[number, number]> = [];
  let start = question;
  while (start < value.length && (value[start] === '?' || value[start] === '#')) {
    const stop = value[start] === '?' ? /[#\s]/ : /\s/;
    const length = value.slice(start + 1).search(stop);
    const end = length < 0 ? value.length : start + 1 + length;
    ranges.push([start, end]);
    if (value[end] !== '#') break;
    start = end;
  }
  return ranges;
}

// The name of the first parameter of value[range] (after its "?" or "#") that carries a secret, or undefined.
// Parameters are separated by "&" or ";" (servers that follow the old HTML recommendation read both).
function secretParameterIn(value: string, range: readonly [number, number]): string | undefined {
  for (const pair of value.slice(range[0] + 1, range[1]).split(/[&;]/)) {
    const [rawName, ...rest] = pair.split('=');
    let name = rawName;
    try {
      name = decodeURIComponent(rawName);
    } catch {
      // a malformed escape: judge the raw name
    }
    if (rest.join('=') !== '' && SECRET_PARAMETER.test(normalizedName(name))) return name;
  }
  return undefined;
}

/**
 * The name of the parameter of a URL that carries a secret (`?token=...`, `#access_token=...`), or undefined.
 */
export function secretQueryParameter(value: string): string | undefined {
  for (const range of parameterRanges(value)) {
    const name = secretParameterIn(value, range);
    if (name !== undefined) return name;
  }
  return undefined;
}

// Shapes of issued tokens that are unambiguous on their own (vendor prefixes, a JWT), matched at the start
// of each word of a value.
const TOKEN_SHAPES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(AKIA|ASIA)[0-9A-Z]{16}$/, 'AWS access key ID'],
  [/^gh[pousr]_[A-Za-z0-9]{30,}$/, 'GitHub token'],
  [/^github_pat_[A-Za-z0-9_]{20,}$/, 'GitHub token'],
  [/^glpat-[A-Za-z0-9_-]{20,}$/, 'GitLab token'],
  [/^xox[abposr]-[A-Za-z0-9-]{10,}$/, 'Slack token'],
  [/^(sk|rk)_live_[A-Za-z0-9]{16,}$/, 'Stripe key'],
  [/^eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}$/, 'JSON Web Token'],
  // Grafana Cloud (the Loki service the CRD's tenantID names): access policy and service account tokens.
  [/^glc_[A-Za-z0-9_-]{20,}$/, 'Grafana Cloud token'],
  [/^glsa_[A-Za-z0-9]{32}_[0-9a-fA-F]{8}$/, 'Grafana Cloud token'],
];
// HTTP Authorization values with a credential: Bearer and Basic, Splunk HEC's "Splunk <token>", Elasticsearch's
// "ApiKey <base64>", and "Token <token>".
const AUTHORIZATION_VALUE = /^(Bearer|Basic|Splunk|ApiKey|Token)\s+\S{8,}$/i;

/** What kind of issued token the value is or holds (an Authorization value, a vendor token), or undefined. */
export function tokenShape(value: string): string | undefined {
  if (AUTHORIZATION_VALUE.test(value.trim())) return 'Authorization header value';
  for (const word of value.split(/[^A-Za-z0-9_.-]+/)) {
    if (word.length < 12) continue;
    for (const [shape, what] of TOKEN_SHAPES) if (shape.test(word)) return what;
  }
  return undefined;
}

// Map keys that name a secret; their value is one unless it is a `{{ field }}` template. A name ending in a
// secret word (`X-Auth-Token`), or one of the short names of a secret.
const SECRET_KEY_NAME =
  /^(.*(token|secret|password|passwd|passphrase|apikey|privatekey|accesskey|signature|credential|credentials)|auth|authorization|pwd|pw|pass|jwt|bearer|cookie|session|sessionid|key)$/;

// A secret word anywhere in a name names a secret too (`secret_value`, `db_password_prod`, `api_key_id`), unless
// the name's last word says the value is about the secret, not the secret (`secretRef`, `token_url`,
// `password_file`: a name, an address, a path).
const SECRET_WORDS = new Set([
  'token',
  'secret',
  'password',
  'passwd',
  'passphrase',
  'pwd',
  'credential',
  'credentials',
  'cookie',
  'jwt',
]);
const SECRET_WORD_PAIRS = /(apikey|privatekey|accesskey|secretkey|authtoken)/;
const ABOUT_A_SECRET = new Set([
  'ref',
  'name',
  'names',
  'field',
  'fields',
  'path',
  'file',
  'enabled',
  'type',
  'kind',
  'length',
  'url',
  'uri',
  'endpoint',
  'header',
  'ttl',
  'expiry',
  'expires',
  'expiration',
  'count',
]);

// The words of a name: split at "-", "_", ".", spaces and camelCase humps, lower case.
function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

function holdsSecretWord(name: string): boolean {
  const words = nameWords(name);
  if (words.length < 2 || ABOUT_A_SECRET.has(words[words.length - 1])) return false;
  return words.some((w) => SECRET_WORDS.has(w)) || SECRET_WORD_PAIRS.test(words.join(''));
}

// Prop and field names whose value is a secret, or a block of secrets (the CRD's secret fields and the
// blocks that hold them: a string there is a secret written in the wrong place).
const SECRET_FIELD_NAME = /^(password|token|keyFile|keyPass|awsAccessKey|awsSecretKey|auth|sasl)$/;

/** True when a map key names a secret (`api_key`, `X-Auth-Token`, `password`, ...). */
export function isSecretKeyName(name: string): boolean {
  // A switch about secrets (allowInlineCredentials, enableTokenAuth) holds a flag, not a secret.
  if (/^(allow|enable|disable|use|has|is|require|skip)([A-Z_-]|$)/.test(name)) return false;
  return SECRET_KEY_NAME.test(normalizedName(name)) || holdsSecretWord(name);
}

/**
 * True when a label name in extraLabels names a secret: as {@link isSecretKeyName}, except the bare word `key`,
 * which the CRD's own extraLabels example uses as a label (`key: value`); there it names a label, not a key.
 */
export function isSecretLabelName(name: string): boolean {
  return normalizedName(name) !== 'key' && isSecretKeyName(name);
}

/** True for a `{{ field }}` template (log-shipper fills it from the event: no secret of its own). */
export function isTemplate(value: string): boolean {
  return /^\{\{.*\}\}$/.test(value.trim());
}

/**
 * What credential a single string shows by itself (a private key, an address with user:password@, a secret
 * query parameter, an issued token), in words, or undefined.
 */
export function credentialInString(value: string): string | undefined {
  if (holdsPrivateKey(value)) return 'a PEM private key';
  if (holdsUserinfo(value)) return 'credentials in the address (user:password@)';
  const parameter = secretQueryParameter(value);
  if (parameter !== undefined) return `a secret in the URL's query parameter "${parameter}"`;
  const shape = tokenShape(value);
  return shape === undefined ? undefined : `a ${shape}`;
}

/** What a message writes in place of a credential it does not quote. */
export const NOT_SHOWN = '(not shown)';

/**
 * The text with every credential {@link credentialInString} would find taken out, the rest kept, and the parts
 * taken out: the user information of an address is dropped (`tcp://admin:pw@siem:514` -> `tcp://siem:514`), so
 * is a query string with a secret parameter, and an issued token or Authorization value becomes
 * {@link NOT_SHOWN}; a text holding a private key, or anything still found after that, is {@link NOT_SHOWN} as a
 * whole.
 */
function splitCredentials(text: string): { readonly kept: string; readonly removed: string[] } {
  // The PEM armor lines ("-----BEGIN PRIVATE KEY-----") are no secret: only the key's body is searched for.
  if (holdsPrivateKey(text))
    return { kept: NOT_SHOWN, removed: [text.replace(/-----[A-Z0-9 ]{0,60}-----/g, ' ')] };
  const removed: string[] = [];
  let kept = text;
  // One pass over the spans (in order, not overlapping): cutting them out one by one copied the text once per
  // span, quadratic in a value with hundreds of thousands of them.
  const parts: string[] = [];
  let from = 0;
  for (const [start, at] of userinfoSpans(kept)) {
    removed.push(kept.slice(start, at));
    parts.push(kept.slice(from, start));
    from = at + 1;
  }
  kept = parts.join('') + kept.slice(from);
  const ranges = parameterRanges(kept).filter((range) => secretParameterIn(kept, range) !== undefined);
  for (let i = ranges.length - 1; i >= 0; i--) {
    removed.push(kept.slice(ranges[i][0] + 1, ranges[i][1]));
    kept = kept.slice(0, ranges[i][0]) + kept.slice(ranges[i][1]);
  }
  if (AUTHORIZATION_VALUE.test(kept.trim())) return { kept: NOT_SHOWN, removed: [...removed, kept] };
  kept = kept.replace(/[A-Za-z0-9_.-]{12,}/g, (word) => {
    if (!TOKEN_SHAPES.some(([shape]) => shape.test(word))) return word;
    removed.push(word);
    return NOT_SHOWN;
  });
  if (credentialInString(kept) !== undefined) return { kept: NOT_SHOWN, removed: [...removed, kept] };
  return { kept, removed };
}

/**
 * The text with every credential it shows by itself taken out, the rest kept (see splitCredentials): for a fix
 * or an example a message derives from a value it does not quote (the address without its scheme), which
 * must not carry the credential the value was hidden for.
 */
export function withoutCredentials(text: string): string {
  return splitCredentials(text).kept;
}

// The shortest run of letters and digits of a hidden value that a message is searched for: shorter runs
// ("pw", a port) occur in any text.
const FRAGMENT_MIN = 4;
// At most this many runs are kept per value: enough for any password or token, bounded for a CA bundle.
const FRAGMENTS_MAX = 256;

function fragmentsOf(parts: readonly string[], out: Set<string>): void {
  for (const part of parts) {
    for (const run of part.toLowerCase().split(/[^a-z0-9]+/)) {
      if (out.size >= FRAGMENTS_MAX) return;
      if (run.length >= FRAGMENT_MIN) out.add(run);
    }
  }
}

// How many values a message's received value is searched through: more is treated as holding a credential
// (a message has no use for a value that large anyway).
const SEARCH_BUDGET = 10_000;

// Walks a value as credentialInValue judges it, calling `hit` for each string or number that holds a credential
// (with what it holds, and whether it was found by its name only); stops when `hit` returns true. False when the
// value has more parts than the budget.
function walkCredentials(
  value: unknown,
  name: string | undefined,
  label: boolean,
  hit: (item: string | number | bigint, what: string, byName: boolean) => boolean,
): boolean {
  // The third element: the name is a label name (a key of extraLabels), judged by isSecretLabelName.
  const stack: Array<[unknown, string | undefined, boolean]> = [[value, name, label]];
  for (let seen = 0; stack.length > 0; seen++) {
    if (seen >= SEARCH_BUDGET) return false;
    const [item, key, label] = stack.pop() as [unknown, string | undefined, boolean];
    const secretName =
      key === undefined
        ? undefined
        : label
          ? isSecretLabelName(key)
            ? key
            : undefined
          : SECRET_FIELD_NAME.test(key) || isSecretKeyName(key)
            ? key
            : undefined;
    if (typeof item === 'string') {
      const found = credentialInString(item);
      if (found !== undefined) {
        if (hit(item, found, false)) return true;
      } else if (secretName !== undefined && item !== '' && !isTemplate(item)) {
        if (hit(item, `a value under "${secretName}"`, true)) return true;
      }
    } else if (Array.isArray(item)) {
      for (const element of item) stack.push([element, key, label]);
    } else if (item !== null && typeof item === 'object') {
      const labels = key === 'extraLabels';
      for (const [k, v] of Object.entries(item as Record<string, unknown>)) stack.push([v, k, labels]);
    } else if (secretName !== undefined && (typeof item === 'number' || typeof item === 'bigint')) {
      if (hit(item, `a value under "${secretName}"`, true)) return true;
    }
  }
  return true;
}

/**
 * What credential a value holds, in words, or undefined: any string in it that shows one by itself, or a
 * non-empty value under a name that says it is a secret (`password`, `keyFile`, `api_key`, `auth`, ...).
 * `name` is the name the value itself sits under (a prop, a field, a map key); `label` says that name is a
 * key of extraLabels. For messages: a value for which this says something is not quoted.
 */
export function credentialInValue(value: unknown, name?: string, label = false): string | undefined {
  let what: string | undefined;
  const complete = walkCredentials(value, name, label, (_item, found) => {
    what = found;
    return true;
  });
  return complete ? what : 'more values than a message shows';
}

/**
 * The runs of letters and digits (lower case, at least 4 long) of the credentials a value holds, as
 * {@link credentialInValue} finds them: what a message that does not quote the value must not quote elsewhere
 * either, even changed (lowercased, or with its other characters replaced, as a suggested index or topic is).
 */
export function credentialFragments(value: unknown, name?: string, label = false): ReadonlySet<string> {
  const out = new Set<string>();
  walkCredentials(value, name, label, (item, _what, byName) => {
    const text = String(item);
    fragmentsOf(byName ? [text] : splitCredentials(text).removed, out);
    return out.size >= FRAGMENTS_MAX;
  });
  return out;
}
