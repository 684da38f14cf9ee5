// What a Regex/NotRegex filter value must be for log-shipper's agent to load it. log-shipper writes each value
// verbatim into a VRL regex literal, `match!(.field, r'<value>')` (deckhouse modules/460-log-shipper/hooks/internal/
// vrl/filter.go, FilterRegexRule and FilterNotRegexRule; transform/testdata/filters.json shows the output). VRL's
// lexer ends that literal at the first `'` (vectordotdev/vrl src/parser/lex.rs, regex literals), and compiles the
// rest with Rust's regex crate, which has neither look-around nor backreferences. Either way the agent's
// configuration does not compile, and the new pipeline of the whole cluster, not only this one, is not applied.
// `new RegExp` (JavaScript) accepts all three, so they need a check of their own.

/** A single quote in a form both VRL's regex literal and the Rust, Go and JavaScript engines read as `'`. */
export const REGEX_SINGLE_QUOTE = '\\x27';

/** Why a regular expression cannot go into log-shipper's VRL, as `expected` and `fix` texts; undefined if it can. */
export function vrlRegexProblem(regex: string): { expected: string; fix: string } | undefined {
  if (regex.includes("'")) {
    return {
      expected:
        "no single quote: log-shipper writes the value into a VRL regex literal r'…', which the quote ends, " +
        "and the agent's configuration then does not compile",
      fix: `write the quote as ${REGEX_SINGLE_QUOTE} (exact(), contains() and their negations do this for you)`,
    };
  }
  const unsupported = unsupportedSyntax(regex);
  if (unsupported === undefined) return undefined;
  return {
    expected:
      `a regular expression the agent's engine (Rust regex) compiles: it has no ${unsupported.feature} ` +
      `(received ${unsupported.text}), so the agent's configuration does not compile`,
    fix: unsupported.fix,
  };
}

interface UnsupportedSyntax {
  readonly feature: string;
  readonly text: string;
  readonly fix: string;
}

const LOOK_AROUND = ['(?<=', '(?<!', '(?=', '(?!'];

// The escapes of a letter (or a character outside ASCII) that Rust's regex parser knows (regex-syntax
// ast/parse.rs, parse_escape): hex and Unicode code points, Unicode and Perl classes, the special literals
// \a \f \t \n \r \v, and the assertions \A \z \b \B (not inside a class, where an assertion is refused).
// Any other letter is an "unrecognized escape" error there, while JavaScript reads `\Q` as Q: PCRE habits such as
// \Q…\E, \h, \R, \Z, \G or \e compile in Node and stop the agent's configuration.
const RUST_LETTER_ESCAPES = new Set([...'xuUpPdsDSWwaftnrv']);
const RUST_ASSERTION_ESCAPES = new Set([...'AzbB']);

function unknownEscape(c: string, inClass: boolean): boolean {
  if (/[0-9]/.test(c)) return false; // backreferences, reported as such
  if (c.charCodeAt(0) < 128 && !/[A-Za-z]/.test(c)) return false; // escaped punctuation or space
  return !RUST_LETTER_ESCAPES.has(c) && (inClass || !RUST_ASSERTION_ESCAPES.has(c));
}

/**
 * The regex with Rust's own group syntax in JavaScript's words, for a syntax check with `new RegExp`: inline flags
 * `(?i)` are dropped and `(?i:…)` becomes `(?:…)` (Rust's flags i, m, s, R, U, u, x; JavaScript before ES2025 has
 * neither), and `(?P<name>…)` becomes `(?<name>…)`. Escapes and character classes are copied as they are.
 */
export function javaScriptCheckable(regex: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < regex.length; i++) {
    const c = regex[i];
    if (c === '\\') {
      out += regex.slice(i, i + 2);
      i++;
    } else if (inClass) {
      out += c;
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
      out += c;
      if (regex[i + 1] === '^') out += regex[++i];
      if (regex[i + 1] === ']') out += regex[++i];
    } else if (c === '(' && regex.startsWith('(?P<', i)) {
      out += '(?<';
      i += 3;
    } else if (c === '(') {
      const flags = /^\(\?[imsRUux-]+([):])/.exec(regex.slice(i, i + 16));
      if (flags === null) out += c;
      else {
        out += flags[1] === ':' ? '(?:' : '';
        i += flags[0].length - 1;
      }
    } else out += c;
  }
  return out;
}

// One pass over the pattern: escapes are skipped as a pair and a character class is literal text, so `\(?=` and
// `[(?=]` are not look-ahead.
function unsupportedSyntax(regex: string): UnsupportedSyntax | undefined {
  let inClass = false;
  for (let i = 0; i < regex.length; i++) {
    const c = regex[i];
    if (c === '\\') {
      const next = regex[i + 1] ?? '';
      // Rust reads every escaped digit, \0 included, as a backreference it does not support.
      if (/[0-9]/.test(next) || (!inClass && next === 'k' && regex[i + 2] === '<')) {
        return {
          feature: 'backreferences',
          text: next === 'k' ? regex.slice(i, regex.indexOf('>', i) + 1 || undefined) : `\\${next}`,
          fix: 'list the values the group can take instead of referring back to it',
        };
      }
      if (next !== '' && unknownEscape(next, inClass)) {
        return {
          feature: `escape \\${next}${inClass && RUST_ASSERTION_ESCAPES.has(next) ? ' inside a character class' : ''}`,
          text: `\\${next}`,
          fix:
            'escape only punctuation, and write a letter as itself (\\Q…\\E, \\h, \\R, \\Z, \\G and \\e are PCRE, ' +
            'not Rust regex; \\z ends the text, \\s matches white space)',
        };
      }
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
      // A `]` right after `[` or `[^` is a literal member, not the end of the class.
      if (regex[i + 1] === '^') i++;
      if (regex[i + 1] === ']') i++;
    } else if (c === '(') {
      const look = LOOK_AROUND.find((prefix) => regex.startsWith(prefix, i));
      if (look !== undefined) {
        return {
          feature: 'look-around',
          text: look,
          fix:
            'match the text itself and add another filter item for the condition (items are ANDed), ' +
            'e.g. notMatches() for what must not appear',
        };
      }
    }
  }
  return undefined;
}

// log-shipper anchors each Regex/NotRegex value itself (hooks/internal/vector/transform/filter.go matchFullRegexp):
// "^" before it unless it starts with "^", "$" after it unless it ends with "$", with no group around it. An
// alternation at the top level then binds the anchors to its first and last branch only: `create|update` becomes
// `^create|update$`, which takes any value that starts with "create" or ends with "update". And a value ending in
// an escaped `\$` counts as anchored, so it gets no "$" and matches a prefix.

/** Why log-shipper's anchoring changes what a Regex/NotRegex value matches; undefined if it does not. */
export function anchoringProblem(regex: string): { expected: string; fix: string } | undefined {
  const starts = regex.startsWith('^');
  const trailing = /(\\*)\$$/.exec(regex);
  const escapedEnd = trailing !== null && trailing[1].length % 2 === 1;
  const ends = trailing !== null && !escapedEnd;
  if (escapedEnd) {
    return {
      expected:
        'a value that does not end in an escaped \\$: log-shipper adds its end anchor "$" only to a value that ' +
        'does not end with "$", so this one would match any value that starts with it',
      fix: `write "${starts ? '' : '^'}${regex}$" (the anchors yourself)`,
    };
  }
  if (starts && ends) return undefined; // log-shipper adds nothing: the expression is the user's as written
  if (!hasTopLevelAlternation(regex)) return undefined;
  const core = regex.slice(starts ? 1 : 0, ends ? -1 : undefined);
  return {
    expected:
      `an alternation inside a group: log-shipper anchors the value as ^…$ without a group, which binds ` +
      `the anchors to the first and last alternative only (it would run "${starts ? '' : '^'}${regex}${ends ? '' : '$'}")`,
    fix: `write "(${core})", which log-shipper runs as "^(${core})$"`,
  };
}

// A "|" outside every group and character class (escapes skipped).
function hasTopLevelAlternation(regex: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < regex.length; i++) {
    const c = regex[i];
    if (c === '\\') i++;
    else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
      if (regex[i + 1] === '^') i++;
      if (regex[i + 1] === ']') i++;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}
