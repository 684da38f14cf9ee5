// Field selectors as kube-apiserver reads them when it names a list or watch (k8s.io/apimachinery
// pkg/fields/selector.go; k8s-audit-semantics.md §5.2 step 7).

/** One `field<op>value` term of a field selector. */
export interface SelectorTerm {
  field: string;
  op: '=' | '==' | '!=';
  value: string;
}

/** Parses a field selector like apimachinery's fields.ParseSelector; undefined when it is invalid. */
export function parseFieldSelector(selector: string): SelectorTerm[] | undefined {
  const parts: string[] = [];
  let start = 0;
  let escaped = false;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (escaped) escaped = false;
    else if (c === '\\') escaped = true;
    else if (c === ',') {
      parts.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  if (selector.length > 0) parts.push(selector.slice(start));
  // Go sorts the terms bytewise (UTF-8); UTF-16 order differs above U+FFFF, so compare encoded bytes.
  parts.sort((a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
  const terms: SelectorTerm[] = [];
  for (const part of parts) {
    if (part === '') continue;
    let term: SelectorTerm | undefined;
    for (let i = 0; i < part.length && !term; i++) {
      for (const op of ['!=', '==', '='] as const) {
        if (part.startsWith(op, i)) {
          term = { field: part.slice(0, i), op, value: part.slice(i + op.length) };
          break;
        }
      }
    }
    if (!term) return undefined;
    // Values: "\\", "\," and "\=" are escapes; a bare "," or "=" or another escape is an error.
    let value = '';
    let inEscape = false;
    for (const c of term.value) {
      if (inEscape) {
        if (c !== '\\' && c !== ',' && c !== '=') return undefined;
        value += c;
        inEscape = false;
      } else if (c === '\\') inEscape = true;
      else if (c === ',' || c === '=') return undefined;
      else value += c;
    }
    if (inEscape) return undefined;
    terms.push({ ...term, value });
  }
  return terms;
}

/** The value of the first `field=value`/`field==value` term, like Selector.RequiresExactMatch. */
export function exactMatch(terms: readonly SelectorTerm[], field: string): string | undefined {
  return terms.find((t) => t.field === field && t.op !== '!=')?.value;
}

/** Whether a name may stand as one URL path segment (apimachinery path.IsValidPathSegmentName). */
export function isValidPathSegmentName(name: string): boolean {
  return name !== '.' && name !== '..' && !name.includes('/') && !name.includes('%');
}

/**
 * The object name a list or watch is narrowed to by its field selector (`metadata.name=<n>`), as
 * RequestInfoFactory sets it; undefined when the selector names none (or is invalid).
 */
export function selectedName(terms: readonly SelectorTerm[] | undefined): string | undefined {
  const name = terms && exactMatch(terms, 'metadata.name');
  return name !== undefined && isValidPathSegmentName(name) ? name : undefined;
}
