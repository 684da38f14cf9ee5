/**
 * A linear count of the list items and mapping entries in raw YAML text, before the `yaml` package reads it:
 * its parser holds the whole syntax tree of a document at once, about 700 bytes an entry, so 1 MiB of
 * `[a,b,c,…]` (200,000 items) took 2.3 s and 366 MB to validate. Past a limit the text is refused instead.
 *
 * Counted outside quoted scalars and comments: in flow context each `[` or `{` (its first item) and each `,`;
 * in block context each `-` that starts a list item and each `:` that ends a key. Block and multi-line plain
 * scalars are not told apart, so a `- ` or `: ` inside them counts too: the count may only be higher.
 */
import { isBlank, skippedText } from './flow-depth';

/**
 * The most list items and mapping entries a policy text may hold: 25 times Deckhouse's basic and tail rules
 * together, and under what keeps a parse of it within 200 MB.
 */
export const MAX_YAML_ENTRIES = 50_000;

function blankOrEnd(text: string, at: number): boolean {
  return at >= text.length || isBlank(text.charCodeAt(at));
}

/** How many entries the text holds, stopping at `limit + 1`; `at` is where that entry starts (-1 if none). */
export function countYamlEntries(text: string, limit: number): { count: number; at: number } {
  let count = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let entry = false;
    if (c === 91 /* [ */ || c === 123 /* { */) {
      depth++;
      entry = true;
    } else if (c === 93 /* ] */ || c === 125 /* } */) {
      if (depth > 0) depth--;
    } else if (c === 44 /* , */) {
      entry = depth > 0;
    } else if (c === 45 /* - */) {
      entry = depth === 0 && blankOrEnd(text, i + 1) && (i === 0 || isBlank(text.charCodeAt(i - 1)));
    } else if (c === 58 /* : */) {
      entry = depth === 0 && blankOrEnd(text, i + 1);
    } else {
      const end = skippedText(text, i, c);
      if (end === -1) break;
      i = end;
    }
    if (entry && ++count > limit) return { count, at: i };
  }
  return { count, at: -1 };
}
