import { displayWords } from './kubectl-command-line';
import { flagSpec } from './kubectl-flags';
import { KubectlFlags } from './kubectl-flag-tables';
import { RequestSpecError } from './request-spec-error';
import { ShellToken } from './shell-words';

// What the shell puts in place of $NS, $(...) and `...` is not known here. An expansion in a word that
// decides the request (a type, a name, -n, -l, --as ...) cannot be answered; one in a value that changes
// nothing the policy sees (--context "$CTX", -o jsonpath=..., exec's command after --) can.

function kind(expansion: string): string {
  if (expansion.startsWith('$((')) return 'an arithmetic expansion: the shell computes it';
  if (expansion.startsWith('$(') || expansion.startsWith('`')) {
    const inner = /^(?:\$\(|`)\s*(?:\S*\/)?(kubectl|k|kubecolor|d8)\s/.test(expansion)
      ? ' (that inner kubectl command sends requests of its own: describe it on its own)'
      : '';
    return `a command substitution: the shell runs that command first and puts its output here${inner}`;
  }
  return 'a shell variable: the shell puts its value here';
}

/** The error for an expansion in a word that decides the request: what kind it is and the fix. */
export function expansionError(words: readonly ShellToken[], i: number): RequestSpecError {
  const expansion = words[i].expansion ?? '';
  const example = words.map((t, j) => (j === i ? t.text.replace(expansion, 'VALUE') : t.text));
  return new RequestSpecError(
    `${JSON.stringify(expansion)} is ${kind(expansion)}; its value is not known here, and it decides the ` +
      `request: write the value itself in its place, e.g. "kubectl ${displayWords(example)}"`,
  );
}

/** Whether of the flag `word` sets, if the word is a flag with a value (`-n x`, `-nx`, `--as=x`). */
function decides(flag: string, verb: string): boolean {
  return flag === '--dry-run' || flagSpec(flag, verb)?.set !== undefined;
}

/**
 * Refuses a command whose expansion decides the request, naming what kind it is and the fix; returns notes
 * for the expansions that change nothing the policy sees and for unquoted glob patterns in object names.
 * `words` are the kubectl words after the program name, `flags` what parseKubectlFlags made of them.
 */
export function expansionNotes(words: readonly ShellToken[], verb: string, flags: KubectlFlags): string[] {
  const notes: string[] = [];
  const dashAt = words.findIndex((w) => w.text === '--');
  const execCommand = flags.command.length > 0 && dashAt >= 0;
  words.forEach((w, i) => {
    if (w.expansion === undefined) return;
    if (execCommand && i > dashAt) return; // the command exec runs in the container: not in the request
    const valueOf = [...flags.values.entries()].find(([, v]) => v.includes(w.expansion ?? ''))?.[0];
    const positional =
      flags.positionals.includes(w.text) ||
      w.text === verb ||
      (valueOf !== undefined && decides(valueOf, verb));
    if (positional || valueOf === undefined) throw expansionError(words, i);
    notes.push(
      `${JSON.stringify(w.expansion)} (in the value of ${valueOf}) is expanded by the shell; that value changes ` +
        'nothing the policy sees',
    );
  });
  for (const w of words) {
    if (w.glob && flags.positionals.includes(w.text)) {
      notes.push(
        `unquoted ${JSON.stringify(w.text)} is a shell pattern: the shell replaces it with the names of matching ` +
          'files in the current directory, if there are any; otherwise kubectl gets it as written, and kubectl ' +
          `does not match object names by pattern: it asks for the object named ${JSON.stringify(w.text)}`,
      );
    }
  }
  return notes;
}
