import { isUtf8 } from 'node:buffer';
import type { MergedAuditPolicy } from '../deckhouse/merged-policy';
import { checkPolicyText } from '../policy/policy-text';
import { ParsedArgs } from './args';
import { CliError, EXIT_FINDINGS } from './errors';
import { CliIo } from './io';
import { readInputBytes } from './read-input';
import { refuseLogAsPolicy } from './swapped-input';
import { decodeUtf16Input } from './utf16-input';

/**
 * Reading `--built-in-rules MERGED`: the merged policy file of a master (or the dump of the Secret holding it),
 * as bytes within its size limit, refused when it is an audit log, decoded from UTF-16 or checked as UTF-8,
 * then read by the merged-policy reader. Throws a CliError (exit 1) naming the file for a file that cannot be
 * read as such, and for one with errors unless it holds no built-in rules at all.
 */

// diff chooses two policies from one command line: the --built-in-rules file is read (stdin included) once.
const mergedFiles = new WeakMap<ParsedArgs, Promise<MergedAuditPolicy>>();

export async function readBuiltInRulesFile(
  args: ParsedArgs,
  file: string,
  io: CliIo,
  kubernetesVersion: string,
): Promise<MergedAuditPolicy> {
  let pending = mergedFiles.get(args);
  if (!pending) {
    pending = (async () => {
      // The merged-policy reader (and the YAML library under it) is loaded only for --built-in-rules.
      const [{ readMergedAuditPolicy }, { MAX_MERGED_POLICY_TEXT }] = await Promise.all([
        import('../deckhouse/merged-policy'),
        import('../deckhouse/merged-policy-text'),
      ]);
      // Read as bytes and refused past the size of a Secret dump before anything is parsed (two bytes a
      // character: a dump PowerShell saved is UTF-16); readMergedAuditPolicy checks the text's own limits.
      const bytes = await readInputBytes(file, io, {
        bytes: 2 * MAX_MERGED_POLICY_TEXT + 2,
        reason: 'a merged policy, or the dump of the Secret holding it, is at most that large even in UTF-16',
        fix: 'pass the merged policy file of a master, or the Secret dump',
        what: 'the merged policy file of a master, or the Secret dump',
      });
      refuseLogAsPolicy(file, bytes.subarray(0, 4096));
      const utf16 = decodeUtf16Input(bytes, 'merged policy file');
      if (utf16 && 'problem' in utf16) {
        throw new CliError(
          `--built-in-rules ${file}: ${utf16.problem.message}`,
          EXIT_FINDINGS,
          utf16.problem.fix,
        );
      }
      // Invalid UTF-8 (a Latin-1 comment) would become U+FFFD unnoticed: go-yaml refuses such a file.
      const invalid = utf16 || isUtf8(bytes) ? undefined : checkPolicyText(bytes, { maxBytes: Infinity });
      if (invalid && invalid.errors.length > 0) {
        const problems = invalid.errors.map((p) => ({ label: file, ...p }));
        throw new CliError(`--built-in-rules ${file} is not UTF-8 text:`, EXIT_FINDINGS, undefined, problems);
      }
      const text = utf16 ? utf16.text : Buffer.from(bytes).toString('utf8');
      const merged = readMergedAuditPolicy(text, { source: file, kubernetesVersion });
      if (utf16) merged.warnings.unshift(utf16.warning);
      return merged;
    })();
    mergedFiles.set(args, pending);
  }
  const merged = await pending;
  // A file without built-in rules is still what kube-apiserver runs: choosePolicy reads it as such a cluster's.
  if (merged.errors.length > 0 && !merged.noBuiltInRules) {
    const what = merged.errors.length === 1 ? 'an error' : `${merged.errors.length} errors`;
    throw new CliError(
      `--built-in-rules ${file === '-' ? 'on stdin' : file} has ${what}:`,
      EXIT_FINDINGS,
      undefined,
      merged.errors.map((p) => ({ label: merged.label, ...p })),
    );
  }
  return merged;
}
