import { RequestSpecError } from './request-spec-error';
import { refuseTypographic, withoutContinuationPrompts, withoutMarkdown, withoutOutput } from './pasted-text';
import { ShellToken, shellTokens } from './shell-words';
import { takesValue } from './kubectl-flags';

// A kubectl command line as people paste it from shell history, runbooks and chat: a prompt before it, a
// wrapper program (sudo, env, time, watch, ...), a pipe, a redirection, other commands joined by ; && || or
// a line break. The shell runs the wrappers and the other commands locally: only kubectl talks to
// kube-apiserver, so what is described is the one kubectl command of the line.

/** The kubectl command found in a shell command line. */
export interface KubectlCommandLine {
  /** Its words after the program name (kubectl, k, a path to kubectl, d8 k, ...), quotes removed. */
  words: ShellToken[];
  /** What the shell does around it that the answer should say (pipes, wrappers, other commands). */
  notes: string[];
  /** The line names no kubectl program: its words are taken as kubectl's own ("get pods -n prod"). */
  withoutProgram?: true;
}

// A shell prompt before the command, as copied from a terminal: "$ ", "# ", "% ", "> ", "user@host:~$ ",
// "[root@master ~]# ", "PS C:\> ", "(venv) $ ", the arrows of zsh themes (U+276F, U+279C) with the folder after them. Only removed when a program follows.
const PROMPT =
  /^[ \t]*(?:\([^)\n]*\)[ \t]*)?(?:PS [^>\n]*>|\[[^\]\n]*\][$#%]|[\w.@:~/\\-]*[$#%>]|[\u276f\u279c\u03bb\u00bb])[ \t]+/;

// A word some themes print after the arrow (the folder, the git branch), taken only when a program follows.
const PROMPT_FOLDER = /^[^\s$]+[ \t]+/;

// kubectl, its common alias k, kubecolor (a kubectl that colours its output), a path, kubectl.exe, a versioned
// binary (kubectl-1.31, kubectl1.30).
const KUBECTL_PROGRAM = /^(?:.*[/\\])?(?:kubectl(?:[-_]?v?[0-9][0-9.]*)?|kubecolor|k)(?:\.exe)?$/;

// Programs that embed kubectl as a subcommand: Deckhouse's d8 ("d8 k" and "d8 kubectl", as the Deckhouse
// docs write commands), microk8s, k3s, k0s, minikube ("minikube kubectl -- get pods").
const EMBEDDING_PROGRAM = /^(?:.*[/\\])?(d8|microk8s|k3s|k0s|minikube)(?:\.exe)?$/;

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

// Shell reserved words that may stand before a command ("if kubectl ...; then", "do kubectl ... done").
const RESERVED = new Set(['!', '{', 'if', 'then', 'else', 'elif', 'while', 'until', 'do']);

interface Wrapper {
  /** Options that take the next word as their value (short as "-u", long as "--user"). */
  valueOptions: readonly string[];
  /** Words that follow the options before the command (timeout's DURATION). */
  operands?: number;
}

// Programs that run the command given after their options; their own options are skipped, with the value of
// those that take one (sudo -u USER, env -u NAME, nice -n N, timeout -s SIG 30s, xargs -n 1 ...).
const WRAPPERS: Record<string, Wrapper> = {
  sudo: {
    valueOptions: ['-u', '-g', '-C', '-D', '-p', '-r', '-t', '-T', '-U', '-R'],
  },
  doas: { valueOptions: ['-u', '-C'] },
  env: { valueOptions: ['-u', '-C', '-S', '--unset', '--chdir', '--split-string'] },
  time: { valueOptions: ['-f', '-o', '--format', '--output'] },
  nice: { valueOptions: ['-n', '--adjustment'] },
  nohup: { valueOptions: [] },
  builtin: { valueOptions: [] },
  command: { valueOptions: [] },
  exec: { valueOptions: ['-a'] },
  stdbuf: { valueOptions: ['-i', '-o', '-e', '--input', '--output', '--error'] },
  timeout: { valueOptions: ['-s', '-k', '--signal', '--kill-after'], operands: 1 },
  xargs: {
    valueOptions: ['-a', '-E', '-I', '-L', '-n', '-P', '-s', '-d'].concat([
      '--arg-file',
      '--delimiter',
      '--max-args',
      '--max-procs',
      '--max-chars',
      '--max-lines',
    ]),
  },
  watch: { valueOptions: ['-n', '-q', '--interval', '--equexit'] },
  // ssh [options] DESTINATION COMMAND: the remote shell runs COMMAND (its words joined by spaces).
  ssh: {
    valueOptions: [
      '-B',
      '-b',
      '-c',
      '-D',
      '-E',
      '-e',
      '-F',
      '-I',
      '-i',
      '-J',
      '-L',
      '-l',
      '-m',
      '-O',
      '-o',
    ].concat(['-P', '-p', '-Q', '-R', '-S', '-W', '-w']),
    operands: 1,
  },
};

const SHELLS = /^(?:.*\/)?(?:sh|bash|zsh|dash|ksh)$/;

// su [-] [USER] -c COMMAND runs COMMAND with the user's shell.
const SWITCH_USER = /^(?:.*\/)?su$/;

/** Words as the user would write them again (quoted where the shell would split or expand them). */
export function displayWords(words: readonly string[]): string {
  return words.map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ');
}

const SWITCH_NOTE =
  'kubectl runs as another local user (sudo, doas, su: root unless one is named): the kubeconfig it reads (that ' +
  "user's, unless KUBECONFIG is passed on) decides the credentials, so kube-apiserver sees the user those " +
  'credentials name, not a local one';

type Found =
  | { kubectl: true; words: ShellToken[]; notes: string[]; via?: 'xargs'; text: string }
  | {
      kubectl: false;
      text: string;
      /** Why it sends nothing, when it names kubectl but does not run it. */ runsNothing?: string;
    };

/** Skips a wrapper's options from `i` (the word after its name); returns the index of its command. */
function skipOptions(words: readonly ShellToken[], i: number, wrapper: Wrapper, name: string): number {
  let j = i;
  while (j < words.length && words[j].text.startsWith('-') && words[j].text !== '-') {
    const w = words[j].text;
    j++;
    if (w === '--') break;
    if (w.startsWith('--')) {
      if (!w.includes('=') && wrapper.valueOptions.includes(w)) j++;
      continue;
    }
    if (name === 'nice' && /^-[0-9]+$/.test(w)) continue; // nice -10: the adjustment itself
    // A short bundle (-En, -un): the first letter that takes a value takes the rest or the next word.
    for (let k = 1; k < w.length; k++) {
      if (wrapper.valueOptions.includes(`-${w[k]}`)) {
        if (k === w.length - 1) j++;
        break;
      }
    }
  }
  return j + (wrapper.operands ?? 0);
}

/** The option value of watch's -n/--interval, when given. */
function watchInterval(words: readonly ShellToken[], from: number, to: number): string | undefined {
  let interval: string | undefined;
  for (let j = from; j < to; j++) {
    const w = words[j].text;
    const m = /^(?:-n|--interval=?)(.*)$/.exec(w);
    if (m) interval = m[1] !== '' ? m[1].replace(/^=/, '') : words[j + 1]?.text;
  }
  return interval;
}

/** What one simple command (no operators) runs: kubectl with its words, or some other program. */
function program(words: ShellToken[], notes: string[] = []): Found {
  const text = displayWords(words.map((w) => w.text));
  let i = 0;
  for (;;) {
    const w = words[i]?.text;
    if (w === undefined) return { kubectl: false, text };
    if (ASSIGNMENT.test(w)) {
      if (/^KUBECONFIG=/.test(w)) {
        notes.push(
          `${w.split('=')[0]} chooses the kubeconfig, whose credentials decide the user kube-apiserver sees: ` +
            'give that user as the caller',
        );
      }
      i++;
    } else if (RESERVED.has(w) || (w === 'time' && words[i + 1]?.text === '-p')) {
      i += w === 'time' ? 2 : 1;
    } else if (SWITCH_USER.test(w)) {
      const c = words.findIndex((t, j) => j > i && (t.text === '-c' || t.text === '--command'));
      const inline = words.find((t, j) => j > i && t.text.startsWith('--command='));
      const line = inline ? inline.text.slice('--command='.length) : c >= 0 ? words[c + 1]?.text : undefined;
      if (line === undefined) return { kubectl: false, text };
      notes.push(SWITCH_NOTE);
      return inner(line, notes, text);
    } else if (SHELLS.test(w)) {
      // sh -c 'kubectl ...' (and bash -lc, bash -ec): the string is a command line of its own.
      const c = words.findIndex((t, j) => j > i && /^-[a-z]*c[a-z]*$/.test(t.text));
      if (c < 0 || words[c + 1] === undefined) return { kubectl: false, text };
      return inner(words[c + 1].text, notes, text);
    } else if (Object.hasOwn(WRAPPERS, w.replace(/^.*\//, ''))) {
      const name = w.replace(/^.*\//, '');
      const next = skipOptions(words, i + 1, WRAPPERS[name], name);
      if (name === 'command' && words.slice(i + 1, next).some((t) => /^-[a-zA-Z]*[vV]/.test(t.text))) {
        // command -v kubectl (a script's "is it installed?" check) prints the path: a local command.
        return {
          kubectl: false,
          text,
          runsNothing: `"${text}" prints where the program is and runs nothing: no request; leave "${w} -v" out`,
        };
      }
      if (name === 'sudo' || name === 'doas') notes.push(SWITCH_NOTE);
      if (name === 'watch') {
        // watch joins its arguments with spaces and runs them with sh -c every interval (2 s by default).
        const interval = watchInterval(words, i + 1, next) ?? '2';
        notes.push(
          `watch runs the command again every ${interval} s: kube-apiserver receives this request (and audits ` +
            'it) once per run, not once',
        );
        return inner(wordsText(words.slice(next)), notes, text);
      }
      if (name === 'ssh') {
        notes.push(
          `ssh runs kubectl on ${words[next - 1]?.text ?? 'the remote host'}: the kubeconfig there decides the ` +
            'credentials, so kube-apiserver sees the user they name',
        );
        return inner(wordsText(words.slice(next)), notes, text);
      }
      if (name === 'xargs') {
        const found = program(words.slice(next), notes);
        return found.kubectl ? { ...found, via: 'xargs', text } : { kubectl: false, text };
      }
      i = next;
    } else if (KUBECTL_PROGRAM.test(w)) {
      return { kubectl: true, words: words.slice(i + 1), notes, text };
    } else if (EMBEDDING_PROGRAM.test(w) && /^(?:k|kubectl)$/.test(words[i + 1]?.text ?? '')) {
      let rest = words.slice(i + 2);
      // minikube kubectl passes what follows "--" to kubectl.
      if (/minikube/.test(w)) rest = rest.slice(rest.findIndex((t) => t.text === '--') + 1);
      return { kubectl: true, words: rest, notes, text };
    } else if (/^(?:.*[/\\])?microk8s\.kubectl$/.test(w)) {
      return { kubectl: true, words: words.slice(i + 1), notes, text };
    } else {
      return { kubectl: false, text };
    }
  }
}

/** A command line run by another program (watch, sh -c): the one kubectl command in it. */
function inner(line: string, notes: string[], text: string): Found {
  const found = commandsOf(line).filter((c) => c.found.kubectl);
  if (found.length > 1) throw severalCommands(found);
  if (found.length !== 1) return { kubectl: false, text };
  const f = found[0].found;
  return f.kubectl ? { ...f, notes: [...notes, ...f.notes], text } : { kubectl: false, text };
}

const REDIRECTION = /^[0-9]*(<|>|>>|<>|>&|<&|&>|&>>|>\||<<|<<-|<<<)$/;
const LIST_OPERATORS = new Set([';', '&&', '||', '&', '\n', ';;']);

interface SimpleCommand {
  found: Found;
  /** Its words, redirections removed. */
  words: ShellToken[];
  /** The operator before it: "" for the first, "|" when it reads the previous one's output, or a list operator. */
  after: string;
}

function startsWithProgram(rest: string): boolean {
  const next = /^\S+/.exec(rest)?.[0] ?? '';
  const name = next.replace(/^.*\//, '');
  return (
    KUBECTL_PROGRAM.test(next) ||
    EMBEDDING_PROGRAM.test(next) ||
    ASSIGNMENT.test(next) ||
    Object.hasOwn(WRAPPERS, name) ||
    SHELLS.test(next) ||
    SWITCH_USER.test(next)
  );
}

/** The text without the prompts at the start of its lines (only where a program follows them). */
function stripPrompts(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const prompt = PROMPT.exec(line)?.[0];
      if (prompt === undefined) return line;
      const rest = line.slice(prompt.length);
      if (startsWithProgram(rest)) return rest;
      // A theme's folder and git status after the arrow ("\u279c  app git:(main) \u2717 kubectl ...").
      let after = rest;
      for (let k = 0; k < 3 && /[\u276f\u279c\u03bb\u00bb]/.test(prompt); k++) {
        const word = PROMPT_FOLDER.exec(after)?.[0];
        if (word === undefined) break;
        after = after.slice(word.length);
        if (startsWithProgram(after)) return after;
      }
      return line;
    })
    .join('\n');
}

/** The simple commands of a command line, in order, with the operator that joins each to the one before. */
function commandsOf(text: string): SimpleCommand[] {
  return commandsOfTokens(shellTokens(stripPrompts(text)));
}

function commandsOfTokens(tokens: readonly ShellToken[]): SimpleCommand[] {
  const out: SimpleCommand[] = [];
  let words: ShellToken[] = [];
  let after = '';
  // Commands of process substitutions in the current command, which run beside it.
  let substituted: SimpleCommand[] = [];
  const end = (next: string) => {
    if (words.length > 0) out.push({ found: program(words), words, after });
    out.push(...substituted);
    words = [];
    substituted = [];
    after = next;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t.operator) {
      words.push(t);
      continue;
    }
    if ((t.text === '<' || t.text === '>') && tokens[i + 1]?.text === '(') {
      // A process substitution <(cmd) / >(cmd): bash runs cmd beside the command and gives the command
      // the name of a pipe to it (/dev/fd/63) as one word.
      const close = closingToken(tokens, i + 1);
      const inner = commandsOfTokens(tokens.slice(i + 2, close));
      substituted.push(...inner.map((c) => ({ ...c, after: c.after || `${t.text}(` })));
      // After a redirection ("> >(tee f)", "done < <(cmd)") the pipe is the redirection's file, not a word;
      // right after a word ("--from-file=key=<(cmd)") it is the end of that word.
      const before = words[words.length - 1];
      if (tokens[i - 1]?.runsOn === true && before === tokens[i - 1]) {
        words[words.length - 1] = { ...before, text: `${before.text}/dev/fd/63`, processSubstitution: true };
      } else if (!(i > 0 && tokens[i - 1].operator && REDIRECTION.test(tokens[i - 1].text))) {
        words.push({ text: '/dev/fd/63', operator: false, processSubstitution: true });
      }
      i = close;
      continue;
    }
    const op = t.text.replace(/[()]/g, ''); // ( and ) group commands: the same commands run
    if (op === '') continue;
    if (REDIRECTION.test(op)) {
      if (tokens[i + 1]?.operator === false) i++;
    } else if (op === '|' || op === '|&') end('|');
    else if (LIST_OPERATORS.has(op)) end(op);
    else
      throw new RequestSpecError(
        `"${t.text}" is not a shell operator this package reads; give one kubectl command`,
      );
  }
  end('');
  return out;
}

/** The index of the ")" token closing the "(" token at `open` (the last token when none does). */
function closingToken(tokens: readonly ShellToken[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (!tokens[i].operator) continue;
    depth += (tokens[i].text.match(/\(/g) ?? []).length - (tokens[i].text.match(/\)/g) ?? []).length;
    if (depth <= 0) return i;
  }
  return tokens.length;
}

/** The commands of a command substitution $(...) or `...` (none for another expansion). */
function substitutionCommands(expansion: string | undefined): SimpleCommand[] {
  if (expansion === undefined || expansion.startsWith('$((')) return [];
  let inner: string | undefined;
  if (expansion.startsWith('$(')) inner = expansion.slice(2, -1);
  else if (expansion.startsWith('`')) inner = expansion.slice(1, -1);
  const op = expansion.startsWith('`') ? '`' : '$(';
  return inner === undefined ? [] : commandsOf(inner).map((c) => ({ ...c, after: c.after || op }));
}

/** "d8 platform ...", "minikube start": the program that can embed kubectl runs a command of its own. */
function refuseOtherProgram(first: SimpleCommand | undefined): void {
  const name = first?.words[0]?.text ?? '';
  const m = EMBEDDING_PROGRAM.exec(name);
  if (m === null || first?.found.kubectl !== false) return;
  const sub = m[1] === 'd8' ? 'k' : 'kubectl';
  throw new RequestSpecError(
    `"${first.found.text}" is a command of ${m[1]} itself, not of its kubectl: only "${m[1]} ${sub} ..." ` +
      `runs kubectl; write the kubectl command, e.g. "${m[1]} ${sub} get pods -n prod"`,
  );
}

function severalCommands(kubectl: readonly SimpleCommand[]): RequestSpecError {
  return new RequestSpecError(
    `the line runs ${kubectl.length} kubectl commands (${kubectl.map((c) => `"${c.found.text}"`).join(', ')}), ` +
      'each sending its own requests: give them one at a time',
  );
}

// Words that only close or continue a compound command ("{ ...; }", "if ...; fi", "do ...; done").
const CLOSING = new Set(['}', 'fi', 'done', 'esac', 'then', 'else', 'do', '{', '!']);

function joinedBy(op: string, outer: boolean): string {
  const substitution =
    op === '`'
      ? 'command substitution `...`'
      : `${op === '$(' ? 'command' : 'process'} substitution ${op}...)`;
  if (op === '<(' || op === '>(' || op === '$(' || op === '`')
    return outer ? `whose ${substitution} runs kubectl` : `in a ${substitution}`;
  return op === '\n' ? 'on another line' : `joined by "${op}"`;
}

/**
 * The kubectl command of a shell command line and what the shell does around it. A line with no program
 * known to run kubectl is taken as kubectl's own words ("get pods -n prod"). Throws `RequestSpecError` when
 * the line runs several kubectl commands, or kubectl with words that xargs reads from its input.
 * `subcommands` are kubectl's commands, by which a line without the program name is recognised.
 */
export function kubectlCommandLine(written: string, subcommands: readonly string[]): KubectlCommandLine {
  const pasted = withoutMarkdown(written, startsWithProgram);
  refuseTypographic(pasted);
  const { text, droppedOutput } = withoutOutput(withoutContinuationPrompts(pasted), startsWithProgram);
  const commands = commandsOf(text);
  // The first command written without the program ("get cm x -o yaml | d8 k apply -f -") is kubectl's too.
  const first = commands[0];
  const bare = first?.words.find((w) => !ASSIGNMENT.test(w.text) && w.text !== '$')?.text ?? '';
  // A program given a process substitution ("diff <(kubectl get ...) b.yaml") is not kubectl's diff.
  const fed = first?.words.some((w) => w.processSubstitution === true) ?? false;
  if (first && !first.found.kubectl && !fed && (subcommands.includes(bare) || bare.startsWith('-'))) {
    const k = first.words.findIndex((w) => w.text === bare);
    first.found = { kubectl: true, words: first.words.slice(k), notes: [], text: first.found.text };
  }
  if (!commands.some((c) => c.found.kubectl)) {
    // "echo $(kubectl get pods -o name)": the only kubectl command is in another program's substitution.
    for (let j = commands.length - 1; j >= 0; j--) {
      const inner = commands[j].words.flatMap((w) => substitutionCommands(w.expansion));
      commands.splice(j + 1, 0, ...inner);
    }
    refuseOtherProgram(commands[0]);
  }
  let kubectl = commands.filter((c) => c.found.kubectl);
  // "kubectl get pod web -o yaml | kubectl neat": kubectl runs an unknown command NAME as the plugin program
  // kubectl-NAME, a program of its own; the line's one kubectl command is the other.
  const plugins = kubectl.filter((c) => pluginName(c, subcommands) !== undefined);
  if (kubectl.length > 1 && kubectl.length - plugins.length === 1)
    kubectl = kubectl.filter((c) => !plugins.includes(c));
  if (kubectl.length > 1) throw severalCommands(kubectl);
  const chosen = kubectl[0] ?? commands[0];
  const nothing = chosen?.found.kubectl === false ? chosen.found.runsNothing : undefined;
  if (nothing !== undefined) throw new RequestSpecError(nothing);
  if (chosen === undefined) {
    throw new RequestSpecError(
      'give a kubectl command, e.g. "get pods -n prod" or "exec web-0 -n prod -- sh"',
    );
  }
  const found = chosen.found;
  if (found.kubectl && found.via === 'xargs') {
    throw new RequestSpecError(
      `"${found.text}" runs kubectl with words xargs reads from its input (what the command before the pipe ` +
        'prints), not known here: give the kubectl command with those words written in, e.g. ' +
        `"kubectl ${displayWords(found.words.map((w) => w.text))} NAME"`,
    );
  }
  const notes = found.kubectl ? [...found.notes] : [];
  if (droppedOutput)
    notes.push('the lines after the prompt line are taken as what the command printed, and left out');
  const at = commands.indexOf(chosen);
  commands.forEach((c, j) => {
    const name = c.words.find((w) => !CLOSING.has(w.text) && !ASSIGNMENT.test(w.text))?.text;
    if (c === chosen || name === undefined) return;
    const plugin = plugins.includes(c) ? pluginName(c, subcommands) : undefined;
    if (plugin !== undefined) {
      notes.push(
        `"kubectl ${plugin}" runs the plugin program kubectl-${plugin}: any request it sends is its own, not known here`,
      );
      return;
    }
    const program = JSON.stringify(name);
    if (j === at + 1 && c.after === '|') {
      notes.push(`the output is piped to ${program}, which runs locally: no request of its own`);
    } else if (j === at - 1 && chosen.after === '|') {
      notes.push(
        `kubectl reads the output of ${program} (before the pipe), which runs locally: no request of its own`,
      );
    } else {
      const op = j > at ? c.after : commands[j + 1].after;
      notes.push(`${program} (${joinedBy(op, j < at)}) runs locally: no request of its own`);
    }
  });
  if (found.kubectl) return { words: found.words, notes };
  // A line without a kubectl program is kubectl's own words ("get pods -n prod"), after a bare "$ " prompt.
  let k = chosen.words[0]?.text === '$' ? 1 : 0;
  while (k < chosen.words.length && ASSIGNMENT.test(chosen.words[k].text)) k++;
  return { words: chosen.words.slice(k), notes, withoutProgram: true };
}

/** NAME of "kubectl NAME ...", when NAME is no kubectl command: the plugin program kubectl-NAME runs. */
function pluginName(c: SimpleCommand, subcommands: readonly string[]): string | undefined {
  if (!c.found.kubectl) return undefined;
  const words = c.found.words.map((w) => w.text);
  let name: string | undefined;
  for (let i = 0; i < words.length && name === undefined && words[i] !== '--'; i++) {
    if (!words[i].startsWith('-')) name = words[i];
    else if (takesValue(words[i])) i++; // "-n prod neat": prod is the value of -n
  }
  const plugin = name !== undefined && /^[a-z][a-z0-9_-]*$/.test(name) && !subcommands.includes(name);
  return plugin ? name : undefined;
}

/** The words as one line again (watch and ssh hand their arguments to a shell as one string). */
function wordsText(words: ReadonlyArray<{ text: string }>): string {
  return words.map((t) => t.text).join(' ');
}
