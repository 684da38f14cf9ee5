/**
 * Policy text to the one YAML document the cluster reads: JSON syntax checked first (JSON is YAML, but
 * JSON.parse gives the clearer message), nesting depth bounded before anything recursive runs, `%YAML`
 * directives as go-yaml accepts them, syntax errors with line and column, and the document rules: only the
 * first document counts, so an empty first document or a second policy is an error.
 */
import { Composer, CST, Document, isMap, isScalar, LineCounter, parseAllDocuments, Parser } from 'yaml';
import { echo } from './echo';
import { countYamlEntries, MAX_YAML_ENTRIES } from './yaml-entries';
import { laterDocumentsStart } from './document-markers';
import { deepFlowCandidate } from './flow-depth';
import { reindentContinuations } from './flow-continuation';
import { goYamlLexicalProblem, lineSeparatorInValue } from './go-yaml-lexical';
import { jsonErrorOffset } from './json-error-offset';
import { resolveGoYamlPlain } from './go-yaml-scalar';
import { LineSeparator, positionIn, yamlLineBreaks } from './policy-text';
import { ProblemList } from './problem-list';
import { ReaderFacts } from './policy-target';
import { Problem } from './types';

/** The only apiVersion kube-apiserver loads since Kubernetes 1.24. */
export const AUDIT_API_VERSION = 'audit.k8s.io/v1';

/**
 * The deepest nesting of mappings and lists accepted. A policy needs 7 levels (policy, rules, a rule, resources,
 * an entry, its lists); the limit keeps every recursive step that follows (the `yaml` package's composer, the
 * decoder) far from the call stack's end, so 10^5 `[` is a clear error instead of a stack overflow.
 */
export const MAX_NESTING_DEPTH = 100;

/**
 * The most YAML documents read from a policy text. go-yaml reads the first only; the later ones are read for
 * their warnings and errors (a second policy, an empty document), and the yaml package takes seconds and
 * hundreds of MB over the 10^5 `---` lines a Secret-sized file can hold.
 */
export const MAX_POLICY_DOCUMENTS = 100;

/** The document a policy text holds, or the problems that stop it from being read. */
export interface PolicyDocument {
  /** The first document's root node (undefined when there is none to decode). */
  root?: unknown;
  lines: LineCounter;
  errors: Problem[];
  warnings: Problem[];
  /**
   * Spaces put before lines (line number → count) to read continuation lines go-yaml reads at any column
   * (flow-continuation.ts): positions on those lines are that much to the right of the file's.
   */
  shifts?: ReadonlyMap<number, number>;
}

/** The fix that tells how a policy starts. */
/** The error for a policy with nothing in it, with what the reader does with one when it accepts it. */
export function emptyDocumentMessage(facts: ReaderFacts): string {
  return `the policy document is empty${facts.emptyDocument ? `: ${facts.emptyDocument}` : ''}`;
}

export const EMPTY_DOCUMENT_FIX = `start with "apiVersion: ${AUDIT_API_VERSION}", "kind: Policy" and a "rules:" list`;

function at(lines: LineCounter, offset: number): { line: number; column: number } {
  const pos = lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}

function jsonSyntaxProblem(text: string): Problem | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return {
        message: 'the JSON document is not an object',
        line: 1,
        column: 1,
        fix: `a policy is a JSON object: {"apiVersion": "${AUDIT_API_VERSION}", "kind": "Policy", "rules": [...]}`,
      };
    }
    return undefined;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // V8 names a position for some errors only ("Unexpected token ']', ... is not valid JSON" has none).
    const m = /position (\d+)/.exec(message);
    const offset = m ? Number(m[1]) : jsonErrorOffset(text);
    return {
      message: `invalid JSON: ${echo(message.replace(/^JSON\.parse: /, ''), 200)}`,
      ...(offset >= 0 ? positionIn(text, offset) : {}),
      fix: 'fix the JSON syntax (no trailing commas or comments; keys in double quotes)',
    };
  }
}

// Whether YAML 1.1 reads the text as one mapping without errors (JSON-like text is tab-free flow syntax).
function isYaml(text: string): boolean {
  // Nested past the limit it is refused anyway, and the yaml package would take seconds to say so.
  if (deepFlowCandidate(text, MAX_NESTING_DEPTH) !== -1) return false;
  try {
    const docs = parseAllDocuments(text, { version: '1.1', uniqueKeys: false });
    return Array.isArray(docs) && docs.length === 1 && docs[0].errors.length === 0 && isMap(docs[0].contents);
  } catch {
    return false;
  }
}

type CstNode = CST.Token | CST.CollectionItem['value'] | CST.CollectionItem['key'];

/** The first collection nested deeper than MAX_NESTING_DEPTH, found without recursion. */
export function tooDeep(tokens: readonly CST.Token[]): CST.Token | undefined {
  const stack: Array<[CstNode, number]> = tokens.map((t) => [t, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (!token) continue;
    if (token.type === 'document') {
      stack.push([token.value, depth]);
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth + 1 > MAX_NESTING_DEPTH) return token;
      for (const item of token.items) {
        if ('key' in item) stack.push([item.key, depth + 1]);
        stack.push([item.value, depth + 1]);
      }
    }
  }
  return undefined;
}

function syntaxFix(code: string): string {
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'indent with spaces, not tabs';
    case 'DUPLICATE_KEY':
      return 'remove one of the duplicate keys';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
      return 'check the indentation and the ":" / "-" markers on this line';
    default:
      return 'fix the YAML syntax at this position';
  }
}

/** A document with no content, or only a null (`~`, `null`): what go-yaml decodes to nothing. */
function isEmptyDocument(doc: Document.Parsed): boolean {
  const root = doc.contents;
  if (root === null) return true;
  return (
    isScalar(root) &&
    root.type === 'PLAIN' &&
    root.tag === undefined &&
    root.anchor === undefined &&
    resolveGoYamlPlain(String(root.source ?? '')).type === 'null'
  );
}

/** How the text arrived, from checkPolicyText. */
export interface TextOrigin {
  /** kube-apiserver's JSON sniffing recognizes the text as JSON ("{" first, no byte order mark). */
  json?: boolean;
  /** The text started with a byte order mark (dropped from `text`). */
  byteOrderMark?: boolean;
  /** Where U+2028/U+2029 stood, now "\n" (checkPolicyText's lineSeparators). */
  lineSeparators?: readonly LineSeparator[];
}

/**
 * Reads `text` (already checked by checkPolicyText) into its first YAML document, typed later; never throws
 * for any input. `facts` words what the cluster does with extra documents; `origin` says whether the cluster
 * reads the text as JSON.
 */
export function readPolicyDocument(
  text: string,
  facts: ReaderFacts,
  origin: TextOrigin = {},
): PolicyDocument {
  let lines = new LineCounter();
  let shifts: Map<number, number> | undefined;
  const failed = (...errors: Problem[]): PolicyDocument => ({ lines, errors, warnings: [], shifts });
  const cut = laterDocumentsStart(text, MAX_POLICY_DOCUMENTS);
  const notRead: Problem | undefined =
    cut === -1
      ? undefined
      : {
          message: `more than ${MAX_POLICY_DOCUMENTS} YAML documents: those from here on are not read (go-yaml, the cluster's reader, reads the first one only)`,
          ...positionIn(text, cut),
          fix: 'remove the documents after the policy (a policy file holds one document)',
        };
  let source = cut === -1 ? text : text.slice(0, cut);
  // What kube-apiserver sniffs as JSON must be JSON (for Deckhouse too: kube-apiserver and kubectl read such
  // a file as JSON, so this loader is stricter than the hook's YAML reading).
  if (origin.json) {
    const problem = jsonSyntaxProblem(source);
    if (problem)
      return failed({ ...problem, message: `${problem.message}: ${facts.invalidJson(isYaml(source))}` });
  }
  // JSON may indent with tabs; outside strings (where JSON forbids raw tabs) a tab is plain whitespace.
  const readAsJson = origin.json === true && facts.readsJson;
  if (readAsJson) source = source.replace(/\t/g, ' ');
  let separators = origin.lineSeparators ?? [];
  if (origin.json && !readAsJson) {
    // Valid JSON read as YAML (Deckhouse's hook): NEL, LS and PS in its strings are go-yaml's line breaks.
    const broken = yamlLineBreaks(source);
    [source, separators] = [broken.text, broken.lineSeparators];
  }
  // Brackets nested past the limit are refused from the text up to the first of them: the yaml package takes
  // seconds and hundreds of MB over 10^5 of them, and the text after that bracket changes nothing before it.
  // So is text with more entries than MAX_YAML_ENTRIES, from the text up to the first entry past it (where
  // block lists nested too deep are still told as such: `- - - …` is both).
  const candidate = deepFlowCandidate(source, MAX_NESTING_DEPTH);
  const entries = candidate === -1 ? countYamlEntries(source, MAX_YAML_ENTRIES).at : -1;
  const upTo = candidate !== -1 ? candidate + 1 : entries;
  const early =
    upTo === -1 ? undefined : tooDeep(Array.from(new Parser(lines.addNewLine).parse(source.slice(0, upTo))));
  if (entries !== -1 && early === undefined) return failed(tooManyEntries(source, entries));
  if (candidate !== -1 && early === undefined) lines = new LineCounter();
  const tokens = early ? [] : Array.from(new Parser(lines.addNewLine).parse(source));
  const deep = early ?? tooDeep(tokens);
  if (deep) {
    return failed({
      message: `the document nests lists and mappings more than ${MAX_NESTING_DEPTH} levels deep; a policy needs 7`,
      ...at(lines, deep.offset),
      fix: 'remove the extra "[" / "{" or indentation levels; an audit policy is policy → rules → rule → resources → entry',
    });
  }
  for (const token of tokens) {
    const version = token.type === 'directive' ? /^%YAML[ \t]+(\S+)/.exec(token.source)?.[1] : undefined;
    if (version !== undefined && version !== '1.1') {
      return failed({
        message: `%YAML ${echo(version)}: go-yaml, the reader behind kube-apiserver and Deckhouse's hook, accepts only %YAML 1.1 ("found incompatible YAML document")`,
        ...at(lines, token.offset),
        fix: 'remove the %YAML line (the policy is read as YAML 1.1 anyway)',
      });
    }
  }
  let docs = compose(tokens, source.length);
  let syntax = syntaxProblems(docs, lines);
  if (syntax.count > 0 && !readAsJson) {
    // Continuation lines go-yaml reads at any column (flow collections, quoted values): read them indented.
    const reindented = reindentContinuations(source);
    if (reindented) {
      const againLines = new LineCounter();
      const againTokens = Array.from(new Parser(againLines.addNewLine).parse(reindented.text));
      const againDocs = compose(againTokens, reindented.text.length);
      const againSyntax = syntaxProblems(againDocs, againLines);
      if (againSyntax.count === 0) {
        separators = separators.map((s) => ({
          ...s,
          offset: shiftedOffset(source, s.offset, reindented.shifts),
        }));
        [source, lines, docs, syntax, shifts] = [
          reindented.text,
          againLines,
          againDocs,
          againSyntax,
          reindented.shifts,
        ];
      }
    }
  }
  // go-yaml v2 (kube-apiserver's and the hook's reader) parses one document and stops at the "---" after it: what
  // is wrong in a later document it never reads. Such a document is refused for being there at all (below), and
  // what YAML cannot read in it is named in that error instead of being reported as if it broke the policy.
  const [firstDoc] = docs;
  const laterStart =
    docs.length > 1 && firstDoc.errors.length === 0 && !isEmptyDocument(firstDoc)
      ? docs[1].range[0]
      : undefined;
  const unread: Array<{ offset: number; message: string }> = [];
  if (syntax.count > 0) {
    if (laterStart === undefined) return failed(...syntax.toArray());
    for (const doc of docs.slice(1)) {
      for (const err of doc.errors)
        unread.push({ offset: err.pos[0], message: `a YAML syntax error (${err.message.split('\n')[0]})` });
    }
  }
  if (!readAsJson) {
    // go-yaml reads it: refuse what go-yaml's scanner refuses and the yaml package reads.
    const found = goYamlLexicalProblem(source);
    // Its message says what go-yaml would do with the policy; in a document go-yaml never reads, only what it is.
    if (found && laterStart !== undefined && found.offset >= laterStart)
      unread.push({ offset: found.offset, message: found.message.split(': ')[0] });
    const refused = found && (laterStart === undefined || found.offset < laterStart) ? found : undefined;
    if (refused) {
      const asYaml =
        origin.byteOrderMark && /^\s*\{/.test(source)
          ? ' (the file starts with a byte order mark, so kube-apiserver does not see the "{" it takes for JSON and reads the file as YAML)'
          : '';
      return failed({
        message: `${refused.message}${asYaml}: ${facts.goYamlRefuses}`,
        ...positionIn(source, refused.offset),
        fix: asYaml ? `${refused.fix}, or save the file without the byte order mark` : refused.fix,
      });
    }
  }
  const separator = lineSeparatorInValue(source, separators);
  if (separator !== undefined && laterStart !== undefined && separator.offset >= laterStart) {
    unread.push({ offset: separator.offset, message: `the character ${separator.character} inside a value` });
  } else if (separator !== undefined) {
    const code = separator.character;
    return failed({
      message:
        `the character ${code} inside a value: go-yaml (YAML 1.1, the reader behind kube-apiserver and Deckhouse's hook) reads it as a ` +
        'line break that it keeps in the value as the character itself, which YAML 1.2 tools such as this one ' +
        'read differently',
      ...positionIn(source, separator.offset),
      fix: `end the line with a plain line break, or write it as an escape ("\\u${code.slice(2).toLowerCase()}") inside a double-quoted string`,
    });
  }
  if (docs.length === 0) {
    return failed({ message: emptyDocumentMessage(facts), line: 1, column: 1, fix: EMPTY_DOCUMENT_FIX });
  }
  const [first, ...later] = docs;
  const errors = new ProblemList('error');
  const warnings = new ProblemList('warning');
  if (notRead) warnings.add(notRead);
  const firstIsEmpty = isEmptyDocument(first);
  for (const [k, doc] of later.entries()) {
    const where = at(lines, doc.range[0]);
    if (doc.errors.length === 0 && isEmptyDocument(doc)) {
      if (!firstIsEmpty) {
        warnings.add({
          message: 'an empty YAML document follows the policy',
          ...where,
          fix: 'remove the trailing "---"',
        });
      }
    } else if (firstIsEmpty) {
      return failed({
        message: `the first YAML document is empty: ${facts.emptyFirstDocument}`,
        ...where,
        fix: 'remove the "---" lines before the policy (at most one may start the file)',
      });
    } else {
      const end = later[k + 1]?.range[0] ?? Infinity;
      const [problem] = unread
        .filter((u) => u.offset >= doc.range[0] && u.offset < end)
        .sort((a, b) => a.offset - b.offset);
      const pos = problem ? at(lines, problem.offset) : undefined;
      const broken =
        problem && pos
          ? `, which itself has ${echo(problem.message, 200)} at line ${pos.line}, column ${pos.column}`
          : '';
      errors.add({
        message: `a second YAML document${broken}: ${facts.laterDocuments}`,
        ...where,
        fix: 'put all rules into the one Policy document and remove the "---" separator',
      });
    }
  }
  return { root: first.contents, lines, errors: errors.toArray(), warnings: warnings.toArray(), shifts };
}

function tooManyEntries(text: string, at: number): Problem {
  return {
    message:
      `the YAML holds more than ${MAX_YAML_ENTRIES} list items and mapping entries, more than this tool reads ` +
      '(a merged Deckhouse policy holds about 450): parsing it would take seconds and hundreds of MB, and ' +
      'kube-apiserver checks the rules one by one on every request',
    ...positionIn(text, at),
    fix:
      'match users, namespaces and resources through groups, wildcards and fewer rules instead of listing them ' +
      'one by one (e.g. userGroups: ["system:serviceaccounts:NS"], resources: [{group: "", resources: ["*"]}])',
  };
}

function compose(tokens: CST.Token[], length: number): Document.Parsed[] {
  const composer = new Composer({ version: '1.1', schema: 'failsafe', merge: false, uniqueKeys: false });
  return Array.from(composer.compose(tokens, false, length));
}

function syntaxProblems(docs: readonly Document.Parsed[], lines: LineCounter): ProblemList {
  const syntax = new ProblemList('error');
  for (const doc of docs) {
    for (const err of doc.errors) {
      syntax.add({
        message: `YAML syntax error: ${echo(err.message.split('\n')[0], 200)}`,
        ...at(lines, err.pos[0]),
        fix: syntaxFix(err.code),
      });
    }
  }
  return syntax;
}

// An offset of `text` in the text reindentContinuations made of it: moved by the spaces put before its line
// and the lines above.
function shiftedOffset(text: string, offset: number, shifts: ReadonlyMap<number, number>): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  let moved = offset;
  for (const [l, spaces] of shifts) if (l <= line) moved += spaces;
  return moved;
}
