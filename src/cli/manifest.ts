import {
  Document,
  LineCounter,
  Node,
  Parser,
  Scalar,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseAllDocuments,
  visit,
} from 'yaml';
import { countYamlEntries, MAX_YAML_ENTRIES } from '../policy/yaml-entries';
import { LocateInManifest, ManifestPosition } from '../deckhouse/secret-key';
import { resolveGoYamlPlain } from '../policy/go-yaml-scalar';
import { jsonErrorOffset } from '../policy/json-error-offset';
import type { Problem } from '../policy/types';
import { laterDocumentsStart } from '../policy/document-markers';
import { withoutDeepFlow } from '../policy/flow-depth';
import { MAX_NESTING_DEPTH, tooDeep } from '../policy/yaml-document';
import { BrokenDocument, identify } from './broken-document';

export type { BrokenDocument } from './broken-document';

/**
 * An unquoted value that YAML 1.2 tools read as a string but go-yaml v2 (kubectl, Argo CD) as a boolean, a
 * number or null, e.g. `auditPolicyEnabled: yes`. The object's value holds go-yaml's reading.
 */
export interface Yaml11Scalar {
  /** The key of the mapping entry whose value it is (undefined for a list item). */
  key?: string;
  /** The scalar as written. */
  source: string;
  /** What go-yaml reads. */
  value: boolean | number | null;
  position: ManifestPosition;
}

/** One object of a manifest file: a YAML document, or an item of a `kind: ...List` document. */
export interface ManifestObject {
  /**
   * The object as plain data, its unquoted values typed as kubectl's and Argo CD's YAML→JSON step types them
   * (sigs.k8s.io/yaml, go-yaml v2: YAML 1.1 booleans such as `yes`/`off`, strconv numbers).
   */
  value: unknown;
  /** Its unquoted values that go-yaml types differently from YAML 1.2 (the value holds go-yaml's reading). */
  yaml11Scalars: Yaml11Scalar[];
  kind?: string;
  apiVersion?: string;
  /** 1-based index of the YAML document that holds it. */
  document: number;
  /** Where the object starts in the file. */
  position: ManifestPosition;
  /** Where a path of keys inside the object is in the file. */
  locate: LocateInManifest;
  /** For a whole document: the byte range of its text, so a Policy can be cut out of a bundle. */
  range?: [number, number];
}

/** A manifest file read as YAML documents; `undefined` from readManifest when YAML cannot read it at all. */
export interface Manifest {
  /** Documents that hold something (a `---` with nothing after it is not counted), readable or not. */
  documents: number;
  objects: ManifestObject[];
  /** Documents that cannot be read, each with its first problem; the other documents are still read. */
  broken: BrokenDocument[];
  /** 1-based line of a character offset in the file. */
  lineOf(offset: number): number;
  /** Where the documents past MAX_MANIFEST_DOCUMENTS start: they are not read. */
  notReadFrom?: ManifestPosition;
}

/** The most YAML documents read from a manifest (the yaml package takes seconds over 10^5 `---` lines). */
export const MAX_MANIFEST_DOCUMENTS = 10_000;

/** The warning for a manifest's documents past MAX_MANIFEST_DOCUMENTS (which are not read), if it has any. */
export function manifestNotReadWarnings(manifest: Manifest): Problem[] {
  if (manifest.notReadFrom === undefined) return [];
  return [
    {
      message: `more than ${MAX_MANIFEST_DOCUMENTS} YAML documents: those from here on are not read`,
      ...manifest.notReadFrom,
      fix: 'split the file, or pass only the documents that hold the policy (its Secret, Policy or ModuleConfig)',
    },
  ];
}

/**
 * Reads every document of a YAML (or JSON) file as plain objects with positions, expanding `List` documents
 * into their items. A document YAML cannot read cleanly (a syntax error, a duplicate key, an alias bomb) is
 * listed in `broken` with its first problem, and the others are still read: kubectl reads a file document by
 * document, so one bad object must neither hide nor take the name of the others.
 */
export function readManifest(whole: string): Manifest | undefined {
  const lineCounter = new LineCounter();
  let docs: Document.Parsed[];
  const cut = laterDocumentsStart(whole, MAX_MANIFEST_DOCUMENTS);
  const text = cut === -1 ? whole : whole.slice(0, cut);
  // More entries than the policy loader reads (brackets nested too deep left out: those documents are
  // reported apart): the loader refuses the file with their position, in milliseconds, where the yaml package would hold the whole syntax tree (hundreds of MB) first.
  if (countYamlEntries(withoutDeepFlow(text, MAX_NESTING_DEPTH), MAX_YAML_ENTRIES).at !== -1)
    return undefined;
  const deep = tooDeepDocuments(text);
  try {
    // logLevel 'error': the yaml package would otherwise print Node warnings (a mapping used as a key) on stderr.
    docs = parseAllDocuments(deep.text, { lineCounter, logLevel: 'error' }) as Document.Parsed[];
  } catch {
    return undefined;
  }
  if (!Array.isArray(docs)) return undefined;
  const position = (node: Node | null | undefined): ManifestPosition | undefined => {
    if (!node?.range) return undefined;
    const p = lineCounter.linePos(node.range[0]);
    return { line: p.line, column: p.col };
  };
  const objects: ManifestObject[] = [];
  const broken: BrokenDocument[] = [];
  let documents = 0;
  docs.forEach((doc, index) => {
    const tooDeep = deep.offsets.get(index);
    const brokenAt = (offset: number, message: string, code?: string) => {
      const p = lineCounter.linePos(Math.min(offset, text.length));
      broken.push({
        document: index + 1,
        ...identify(tooDeep?.source ?? text.slice(doc.range[0], doc.range[2])),
        message,
        line: p.line,
        column: p.col,
        ...(code ? { code } : {}),
      });
    };
    if (tooDeep !== undefined) {
      documents++;
      brokenAt(
        tooDeep.offset,
        `it nests lists and mappings more than ${MAX_NESTING_DEPTH} levels deep`,
        'DEEP',
      );
      return;
    }
    if (doc.errors.length > 0) {
      documents++;
      // `kubectl get -o json` output cut short or edited: JSON's own message and position say more.
      const source = text.slice(doc.range[0], doc.range[2]);
      const json = jsonProblem(source);
      if (json) {
        brokenAt(doc.range[0] + json.offset, json.message, 'JSON');
        return;
      }
      // The first error only: the yaml package reports every later line of a broken block again.
      const [first] = doc.errors;
      // The message ends with " at line L, column C:" and a snippet: the position is given apart.
      brokenAt(
        first.pos[0],
        first.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''),
        first.code,
      );
      return;
    }
    // `---` with nothing (or only a null) after it: kubectl skips it; a policy file's loader does not.
    if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) return;
    documents++;
    try {
      const root = doc.contents;
      const locateFrom =
        (base: Array<string | number>): LocateInManifest =>
        (path) =>
          position(
            path.length === 0 && base.length === 0 ? root : (doc.getIn([...base, ...path], true) as Node),
          );
      const add = (node: Node, base: Array<string | number>, range?: [number, number]) => {
        const yaml11Scalars = typeAsGoYaml(node, position);
        const value: unknown = node.toJS(doc);
        const record = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
        objects.push({
          value,
          yaml11Scalars,
          ...(typeof record.kind === 'string' ? { kind: record.kind } : {}),
          ...(typeof record.apiVersion === 'string' ? { apiVersion: record.apiVersion } : {}),
          document: index + 1,
          position: position(node) ?? { line: 1, column: 1 },
          locate: locateFrom(base),
          ...(range ? { range } : {}),
        });
      };
      const items = isMap(root) ? root.get('items', true) : undefined;
      if (isMap(root) && String(root.get('kind') ?? '').endsWith('List') && isSeq(items)) {
        items.items.forEach((item, i) => {
          if (isMap(item)) add(item, ['items', i]);
        });
      } else {
        add(root as Node, [], [root.range![0], doc.range[1]]);
      }
    } catch (err) {
      // toJS refuses excessive aliasing (a "billion laughs" document).
      const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
      brokenAt(doc.contents?.range?.[0] ?? doc.range[0], message, 'ALIAS');
    }
  });
  const notReadFrom = cut === -1 ? undefined : { line: text.split('\n').length, column: 1 };
  return {
    documents,
    objects,
    broken,
    lineOf: (offset) => lineCounter.linePos(offset).line,
    ...(notReadFrom ? { notReadFrom } : {}),
  };
}

interface TooDeep {
  /** Where the collection that is too deep starts. */
  offset: number;
  /** The document's text as written (the parsed one is blanked). */
  source: string;
}

// The yaml package composes nested collections recursively: a document nested deeper than the policy loader
// accepts (10^5 "[") would exhaust the call stack. Such documents are blanked (line breaks kept, so positions
// stay true) before parsing, and reported at the collection that is too deep; the index is the document's.
function tooDeepDocuments(text: string): { text: string; offsets: Map<number, TooDeep> } {
  const offsets = new Map<number, TooDeep>();
  // Brackets past the limit's next level are spaces for this parse only: the yaml package takes seconds and
  // hundreds of MB over 10^5 of them, and the collection that is too deep is still found where it starts.
  const parsed = withoutDeepFlow(text, MAX_NESTING_DEPTH);
  const documents = Array.from(new Parser().parse(parsed)).filter((t) => t.type === 'document');
  let blanked = text;
  documents.forEach((doc, index) => {
    const deep = tooDeep([doc]);
    if (!deep || doc.value === undefined) return;
    const start = doc.value.offset;
    const end = documents[index + 1]?.offset ?? text.length;
    offsets.set(index, { offset: deep.offset, source: text.slice(doc.offset, end) });
    // A "~" keeps a document there (a null one), so that documents keep their numbers.
    const body = blanked.slice(start, end).replace(/[^\n]/g, ' ').replace(' ', '~');
    blanked = blanked.slice(0, start) + body + blanked.slice(end);
  });
  return { text: blanked, offsets };
}

function jsonProblem(source: string): { offset: number; message: string } | undefined {
  const start = /^\s*/.exec(source)![0].length;
  if (source[start] !== '{') return undefined;
  try {
    JSON.parse(source);
    return undefined;
  } catch (err) {
    const offset = jsonErrorOffset(source);
    const message = err instanceof Error ? err.message : String(err);
    return {
      offset: offset < 0 ? start : offset,
      message: message.replace(/ in JSON at position \d+.*$/, ''),
    };
  }
}

// kubectl and Argo CD turn YAML into JSON with sigs.k8s.io/yaml (go-yaml v2): an unquoted `yes` or `off` is a
// boolean there, `0o17` a number. Gives every untagged plain scalar of `node` go-yaml's reading (a list or map
// shared through an alias is typed once), and returns the ones whose type that changed.
function typeAsGoYaml(node: Node, position: (node: Node) => ManifestPosition | undefined): Yaml11Scalar[] {
  const changed: Yaml11Scalar[] = [];
  visit(node, {
    Scalar(_key, scalar: Scalar, path) {
      if (scalar.type !== 'PLAIN' || scalar.tag !== undefined || typeof scalar.source !== 'string') return;
      const go = resolveGoYamlPlain(scalar.source);
      if (Object.is(scalar.value, go.value)) return;
      const parent = path[path.length - 1];
      const isValue = isPair(parent) && parent.value === scalar;
      const key = isValue && isScalar(parent.key) ? String(parent.key.value) : undefined;
      if (go.type !== 'string' && typeof scalar.value === 'string')
        changed.push({
          ...(key !== undefined ? { key } : {}),
          source: scalar.source,
          value: go.value,
          position: position(scalar) ?? { line: 1, column: 1 },
        });
      scalar.value = go.value;
    },
  });
  return changed;
}
