/**
 * The strict decoder behind parsePolicy: policy text or bytes to a Policy object, with line:column for every
 * problem and a map from field paths to source positions (used to place validation errors). The steps, each
 * in its own module: checkPolicyText (size, encoding, characters), readPolicyDocument (the one YAML document,
 * nesting, syntax), PolicyDecoder (the Policy schema, typed as go-yaml does, aliases within budget).
 */
import { LineCounter } from 'yaml';
import { PolicyDecoder } from './policy-decoder';
import { READER_FACTS, PolicyTarget } from './policy-target';
import { checkPolicyText, PolicyTextOptions } from './policy-text';
import { Policy, Problem } from './types';
import { AnchorIndex } from './yaml-anchors';
import { readPolicyDocument } from './yaml-document';

export { AUDIT_API_VERSION } from './yaml-document';

/** A 1-based source position. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** Options of decodePolicyText. */
export interface DecodeOptions extends PolicyTextOptions {
  /**
   * Who reads the policy; decides what the messages say the cluster would do.
   * @default 'kube-apiserver'
   */
  target?: PolicyTarget;
}

/** What the decoder found: the policy (when there were no errors), problems, and field positions. */
export interface DecodeResult {
  policy?: Policy;
  /** At most MAX_LISTED_PROBLEMS of each, then one entry counting the rest. */
  errors: Problem[];
  warnings: Problem[];
  /** Indexed field path (`rules[0].resources[1].group`, `rules[2]`) to the source offset of its value. */
  offsets: Map<string, number>;
  /** Line and column of a source offset. */
  locate(offset: number): SourcePosition;
  /** YAML nodes decoded, aliases expanded included: the work done, bounded by go-yaml's alias rule. */
  decodedNodes: number;
}

function locator(lines: LineCounter): (offset: number) => SourcePosition {
  return (offset) => {
    const pos = lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
}

/** Moves a position on a line with spaces put before it back by that many columns. */
function unshift(shifts: ReadonlyMap<number, number> | undefined) {
  return <T extends { line?: number; column?: number }>(p: T): T => {
    const spaces = p.line === undefined ? undefined : shifts?.get(p.line);
    if (spaces === undefined || p.column === undefined) return p;
    return { ...p, column: Math.max(1, p.column - spaces) };
  };
}

function failed(errors: Problem[], warnings: Problem[] = [], lines = new LineCounter()): DecodeResult {
  return { errors, warnings, offsets: new Map(), locate: locator(lines), decodedNodes: 0 };
}

/** Strictly decodes YAML or JSON policy text (a string or UTF-8 bytes); never throws. */
export function decodePolicyText(input: unknown, options: DecodeOptions = {}): DecodeResult {
  try {
    const checked = checkPolicyText(input, options);
    if (checked.text === undefined) return failed(checked.errors, checked.warnings);
    const facts = READER_FACTS[options.target ?? 'kube-apiserver'];
    const document = readPolicyDocument(checked.text, facts, {
      json: checked.json,
      byteOrderMark: checked.byteOrderMark,
      lineSeparators: checked.lineSeparators,
    });
    const textWarnings = checked.warnings ?? [];
    // Positions on lines read with spaces put before them (document.shifts) move back to the file's columns.
    const back = unshift(document.shifts);
    if (document.root === undefined)
      return failed(
        document.errors.map(back),
        [...textWarnings, ...document.warnings].map(back),
        document.lines,
      );
    const decoder = new PolicyDecoder(document.lines, new AnchorIndex(document.root), facts);
    const policy = decoder.policy(document.root);
    for (const error of document.errors) decoder.errors.add(error);
    for (const warning of [...textWarnings, ...document.warnings]) decoder.warnings.add(warning);
    const errors = decoder.errors.toArray().map(back);
    const warnings = decoder.warnings.toArray().map(back);
    const locate = locator(document.lines);
    return {
      ...(errors.length === 0 && policy !== undefined ? { policy } : {}),
      errors,
      warnings,
      offsets: decoder.offsets,
      locate: document.shifts === undefined ? locate : (offset) => back(locate(offset)),
      decodedNodes: decoder.budget.decodeCount,
    };
  } catch (e) {
    // Nothing above throws on any input the tests and fuzzers found; this keeps a library bug a message.
    const message = e instanceof Error ? e.message : String(e);
    return failed([
      {
        message: `could not read the policy: ${message.split('\n')[0]}`,
        fix: 'check that the file is a YAML or JSON audit policy',
      },
    ]);
  }
}
