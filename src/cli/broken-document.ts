/**
 * A document of a manifest file that YAML cannot read, and the error that names it: by its number and by what
 * it seems to be, so that in a file of many objects the error is found, and not taken for one of the policy.
 */
import { echo } from '../policy/echo';
import { Problem } from '../policy/types';

/**
 * A document of a manifest that YAML cannot read (a syntax error, a duplicate key, an alias bomb): where its
 * first problem is, and what object it seems to be, read from its top-level `kind:` and `name:` lines.
 */
export interface BrokenDocument {
  /** 1-based index of the YAML document. */
  document: number;
  kind?: string;
  /** `namespace/name` as manifestName writes it, when the document shows a name. */
  name?: string;
  message: string;
  line: number;
  column: number;
  /** The yaml package's error code (e.g. TAB_AS_INDENT), for the fix. */
  code?: string;
}

// What a document that YAML cannot read seems to be: its top-level `kind:` and the `name:`/`namespace:` right
// under its top-level `metadata:` (block or flow style; JSON's "kind": "..." too). A guess for the message only.
export function identify(source: string): { kind?: string; name?: string } {
  const clean = (v: string | undefined) => {
    const value = v
      ?.replace(/\s+#.*$/, '')
      .trim()
      // A quote that never closes is what broke the document: it is not part of the name.
      .replace(/^["']|["']$/g, '');
    return value ? value : undefined;
  };
  const lines = source.split(/\r?\n/);
  const kind = clean(
    lines.map((l) => /^kind:(.*)$/.exec(l)?.[1]).find((v) => v !== undefined) ??
      /"kind"\s*:\s*"([^"\n]*)"/.exec(source)?.[1],
  );
  const meta: Record<string, string | undefined> = {};
  const start = lines.findIndex((l) => /^metadata:/.test(l));
  const flow = start >= 0 ? /^metadata:\s*\{(.*)\}/.exec(lines[start])?.[1] : undefined;
  const json = /"metadata"\s*:\s*\{([^{}]*)/.exec(source)?.[1];
  for (const key of ['name', 'namespace']) {
    if (flow !== undefined) {
      meta[key] = clean(new RegExp(`(?:^|,)\\s*${key}\\s*:([^,]*)`).exec(flow)?.[1]);
    } else if (start >= 0) {
      const body = lines.slice(start + 1);
      const end = body.findIndex((l) => /^\S/.test(l));
      const block = end < 0 ? body : body.slice(0, end);
      const indent = /^[ \t]+/.exec(block.find((l) => l.trim() !== '') ?? '')?.[0];
      const line = indent && block.find((l) => l.startsWith(`${indent}${key}:`));
      if (line) meta[key] = clean(line.slice(indent.length + key.length + 1));
    } else if (json !== undefined) {
      meta[key] = new RegExp(`"${key}"\\s*:\\s*"([^"\\n]*)"`).exec(json)?.[1];
    }
  }
  // A List's own metadata has no name: a name found is one of its items'.
  const named = meta.name && !kind?.endsWith('List');
  const name = named && (meta.namespace ? `${meta.namespace}/${meta.name}` : meta.name);
  return { ...(kind ? { kind } : {}), ...(name ? { name } : {}) };
}

// A document kubectl and Argo CD cannot read: named by number and by what it seems to be, so that the error is
// found in a file of many objects and is not taken for a problem of the policy.
export function brokenDocumentProblem(broken: BrokenDocument): Problem {
  if (broken.code === 'JSON') {
    return {
      message: `document ${broken.document}${describe(broken)} is not valid JSON: ${echo(broken.message, 200)}; kubectl and Argo CD cannot read it`,
      line: broken.line,
      column: broken.column,
      fix: 'fix the JSON syntax (no trailing commas or comments, keys in double quotes), or save the complete output again',
    };
  }
  const what = describe(broken);
  const fix =
    broken.code === 'DEEP'
      ? 'remove the extra "[" / "{" or indentation levels'
      : broken.code === 'ALIAS'
        ? 'write the values out instead of aliases (*name) of aliases: go-yaml, behind kubectl, refuses excessive aliasing too'
        : broken.code === 'TAB_AS_INDENT'
          ? 'indent with spaces, not tabs'
          : broken.code === 'DUPLICATE_KEY'
            ? 'remove one of the duplicate keys'
            : 'fix the YAML at this position (indentation, ":" after keys, "-" before list items, closing quotes and brackets)';
  return {
    message:
      broken.code === 'DEEP'
        ? `document ${broken.document}${what}: ${broken.message}; no Kubernetes object needs that many, and this tool reads no deeper`
        : broken.code === 'DUPLICATE_KEY'
          ? `document ${broken.document}${what} has a key twice (${echo(broken.message, 200)}): kubectl refuses it (strict field validation, its default) and lenient readers keep one of the values`
          : `document ${broken.document}${what} is not valid YAML: ${echo(broken.message, 200)}; kubectl and Argo CD cannot read it`,
    line: broken.line,
    column: broken.column,
    fix,
  };
}

function describe(broken: BrokenDocument): string {
  return broken.kind ? ` (${broken.kind}${broken.name ? ` ${broken.name}` : ''})` : '';
}
