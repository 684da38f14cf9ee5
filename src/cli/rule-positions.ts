import { Document, LineCounter, Node, isMap, isSeq, parseAllDocuments } from 'yaml';

/** Line and column of each rule in a policy's text (undefined where the text does not show it). */
export function rulePositions(text: string): Array<{ line: number; column: number } | undefined> {
  const lineCounter = new LineCounter();
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { lineCounter }) as Document.Parsed[];
  } catch {
    return [];
  }
  if (!Array.isArray(docs)) return [];
  for (const doc of docs) {
    if (!isMap(doc.contents)) continue;
    const rules = doc.contents.get('rules', true);
    if (!isSeq(rules)) continue;
    return rules.items.map((item) => {
      const range = (item as Node | null)?.range;
      if (!range) return undefined;
      const p = lineCounter.linePos(range[0]);
      return { line: p.line, column: p.col };
    });
  }
  return [];
}
