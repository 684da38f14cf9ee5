import { RequestSpecError } from './request-spec-error';

// What a command line copied from a terminal session, a chat or a document carries besides the command: the
// command's printed output under a prompt line, and the typographic characters chat apps and word processors
// put in place of the shell's quotes, dashes and spaces.

// The characters such tools substitute, with what was typed.
const TYPOGRAPHIC: ReadonlyArray<[RegExp, string, string]> = [
  [/[\u201c\u201d\u201e]/, 'curly double quotes', '"'],
  [/[\u2018\u2019\u201a]/, 'curly single quotes', "'"],
  // At the start of a word only: a dash inside a value ("a \u2013 b" in an annotation) is the value's own.
  [/(^|\s)[\u2013\u2014\u2212]/, 'a long dash', '- or --'],
  [/[\u00a0\u2007\u202f]/, 'a non-breaking space', 'a plain space'],
];

/**
 * Refuses typographic stand-ins for shell characters: the shell reads none of them as a quote, a space or a
 * flag's dashes, so kubectl would get them inside its words ("\u2014all-namespaces" names an object, it is not
 * the flag). The message names each one and the character to write instead.
 */
export function refuseTypographic(text: string): void {
  // Inside straight quotes they are part of a value the user quoted on purpose.
  const unquoted = text.replace(/'[^']*'|"(?:[^"\\]|\\.)*"/g, "''");
  const found = TYPOGRAPHIC.filter(([re]) => re.test(unquoted));
  if (found.length === 0) return;
  throw new RequestSpecError(
    `the command has ${found.map(([, what, typed]) => `${what} (write ${typed})`).join(', ')}: a chat app or ` +
      'word processor replaced what was typed, and neither the shell nor kubectl reads them as quotes, spaces or ' +
      'flag dashes; paste the command as plain text',
  );
}

// A prompt as terminals print it: the line is a command typed at it.
const PROMPT_LINE =
  /^[ \t]*(?:\([^)\n]*\)[ \t]*)?(?:PS [^>\n]*>|\[[^\]\n]*\][$#%]|[\w.@:~/\\-]*[$#%]|[\u276f\u279c])[ \t]/;

/**
 * A terminal session pasted whole ("$ kubectl get pods" and the table it printed): when the first line has a
 * prompt and the lines after the command (the prompt line and those its backslashes continue it onto) have
 * none, those lines are output. `startsWithProgram` tells a prompt from a comment by what follows it.
 * Returns the command line and whether output was dropped.
 */
export function withoutOutput(
  text: string,
  startsWithProgram: (rest: string) => boolean,
): { text: string; droppedOutput: boolean } {
  const lines = text.split('\n');
  // "# list the pods" over the command in a runbook is a comment, not a root prompt: a program must follow.
  const prompt = PROMPT_LINE.exec(lines[0])?.[0];
  if (prompt === undefined || !startsWithProgram(lines[0].slice(prompt.length)))
    return { text, droppedOutput: false };
  // The command is the prompt line and the lines its backslashes continue it onto.
  let end = 1;
  while (end < lines.length && /\\[ \t]*\r?$/.test(lines[end - 1])) end++;
  const rest = lines.slice(end).filter((l) => l.trim() !== '');
  if (rest.length === 0 || rest.some((l) => PROMPT_LINE.test(l))) return { text, droppedOutput: false };
  return { text: lines.slice(0, end).join('\n'), droppedOutput: true };
}

/**
 * The text without the shell's continuation prompt (PS2, "> ") at the start of a line that continues one
 * ending in a backslash, as a terminal prints a command typed over several lines: left in, the shell would
 * read it as a redirection of the next word.
 */
export function withoutContinuationPrompts(text: string): string {
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    if (/\\[ \t]*\r?$/.test(lines[i - 1])) lines[i] = lines[i].replace(/^[ \t]*>[ \t]/, '');
  }
  return lines.join('\n');
}

/**
 * The command out of Markdown, as chat and runbooks show it: a fenced block ("```bash" ... "```") or one inline
 * code span around the whole text, or a list item ("1. kubectl ...", "- `kubectl ...`"). To the shell a
 * backtick pair is a command substitution, and "1." or "-" a program, which is not what was meant. The list
 * marker is only dropped before a code span or a program (`startsWithProgram`).
 */
export function withoutMarkdown(written: string, startsWithProgram: (rest: string) => boolean): string {
  const item = /^\s*(?:[-*+]|[0-9]{1,3}[.)])[ \t]+/.exec(written);
  const rest = item ? written.slice(item[0].length) : '';
  const text = item && (rest.startsWith('`') || startsWithProgram(rest)) ? rest : written;
  const fenced = /^\s*(```|~~~)[\w+-]*[ \t]*\r?\n([\s\S]*?)\r?\n[ \t]*\1\s*$/.exec(text);
  if (fenced) return fenced[2];
  const inline = /^\s*`([^`]+)`\s*$/.exec(text);
  return inline ? inline[1] : text;
}
