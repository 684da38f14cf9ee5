import { Document, LineCounter, Node, isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import { LocateInManifest, ManifestPosition } from '../deckhouse/secret-key';

/** One object of a manifest file: a YAML document, or an item of a `kind: ...List` document. */
export interface ManifestObject {
  /** The object as plain data (YAML 1.2 core types, as kubectl's YAML→JSON step gives them). */
  value: unknown;
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

/** A manifest file read as YAML documents; `undefined` from readManifest when YAML cannot read it. */
export interface Manifest {
  /** Documents that hold something (a `---` with nothing after it is not counted). */
  documents: number;
  objects: ManifestObject[];
  /** 1-based line of a character offset in the file. */
  lineOf(offset: number): number;
}

/**
 * Reads every document of a YAML (or JSON) file as plain objects with positions, expanding `List` documents
 * into their items. Text that YAML cannot read cleanly (syntax errors, duplicate keys, an alias bomb) gives
 * undefined: the caller leaves it to the policy loader, which reports such problems with their positions.
 */
export function readManifest(text: string): Manifest | undefined {
  const lineCounter = new LineCounter();
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { lineCounter }) as Document.Parsed[];
  } catch {
    return undefined;
  }
  if (!Array.isArray(docs) || docs.some((d) => d.errors.length > 0)) return undefined;
  const position = (node: Node | null | undefined): ManifestPosition | undefined => {
    if (!node?.range) return undefined;
    const p = lineCounter.linePos(node.range[0]);
    return { line: p.line, column: p.col };
  };
  const objects: ManifestObject[] = [];
  let documents = 0;
  try {
    docs.forEach((doc, index) => {
      // `---` with nothing (or only a null) after it: kubectl skips it; a policy file's loader does not.
      if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) return;
      documents++;
      const root = doc.contents;
      const locateFrom =
        (base: Array<string | number>): LocateInManifest =>
        (path) =>
          position(
            path.length === 0 && base.length === 0 ? root : (doc.getIn([...base, ...path], true) as Node),
          );
      const add = (node: Node, base: Array<string | number>, range?: [number, number]) => {
        const value: unknown = node.toJS(doc);
        const record = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
        objects.push({
          value,
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
    });
  } catch {
    // toJS refuses excessive aliasing; the loader reports it with a position.
    return undefined;
  }
  return { documents, objects, lineOf: (offset) => lineCounter.linePos(offset).line };
}
