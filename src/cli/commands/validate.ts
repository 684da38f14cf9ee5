import { DEFAULT_KUBERNETES_VERSION } from '../../policy/kubernetes-version';
import { CommandSpec, stringOption } from '../args';
import { CliError, EXIT_FINDINGS, EXIT_OK, LocatedProblem, UsageError } from '../errors';
import { formatProblem } from '../format';
import { write } from '../io';
import { loadPolicyFile } from '../policy-input';
import { kubernetesVersionOption, printJson } from '../shared';

interface FileResult {
  file: string;
  valid: boolean;
  policies: Array<{ label: string; container: 'policy' | 'secret'; rules: number | null }>;
  errors: LocatedProblem[];
  warnings: LocatedProblem[];
}

/** `validate FILE...`: strict load and validation, as kube-apiserver (and Deckhouse) would. */
export const validateCommand: CommandSpec = {
  name: 'validate',
  summary: 'strictly load and validate audit policies (policy YAML or Secret manifest)',
  usage: ['validate [--kubernetes-version X.Y] [--json] FILE...'],
  description:
    'Loads each FILE the way kube-apiserver does, stricter: unknown or duplicate fields, wrong types, bad levels, ' +
    'stages, groups and empty policies are errors, printed as file:line:column: message with the fix on the ' +
    'next line. FILE is an audit.k8s.io/v1 Policy, or a Secret manifest holding the policy under ' +
    `data."audit-policy.yaml" (base64) or stringData; for a Secret the positions count inside the decoded ` +
    'policy, shown as file[data.audit-policy.yaml]:line:column. "-" reads standard input. Exit status 1 when ' +
    'any file has an error.',
  options: {
    'kubernetes-version': {
      type: 'string',
      value: 'X.Y',
      description: `validate for this Kubernetes version (default ${DEFAULT_KUBERNETES_VERSION})`,
    },
  },
  examples: [
    'deckhouse-audit validate policy.yaml',
    'deckhouse-audit validate --kubernetes-version 1.36 dist/audit-policy.yaml',
    'kubectl -n kube-system get secret audit-policy -o yaml | deckhouse-audit validate -',
  ],
  positionals: true,
  async run({ args, io, json }) {
    if (args.positionals.length === 0) throw new UsageError('needs at least one FILE');
    if (args.positionals.filter((f) => f === '-').length > 1)
      throw new UsageError('"-" (stdin) can be given once');
    const kubernetesVersion = kubernetesVersionOption(stringOption(args, 'kubernetes-version'));

    const results: FileResult[] = [];
    for (const file of args.positionals) {
      const result: FileResult = { file, valid: true, policies: [], errors: [], warnings: [] };
      results.push(result);
      try {
        const { file: found, loaded } = await loadPolicyFile(file, io, kubernetesVersion);
        result.errors.push(...found.errors.map((p) => ({ label: file, ...p })));
        for (const l of loaded) {
          result.policies.push({
            label: l.source.label,
            container: l.source.container,
            rules: l.policy ? l.policy.rules.length : null,
          });
          result.warnings.push(...l.source.warnings.map((p) => ({ label: file, ...p })));
          result.errors.push(...l.errors.map((p) => ({ label: l.source.label, ...p })));
          result.warnings.push(...l.warnings.map((p) => ({ label: l.source.label, ...p })));
        }
      } catch (err) {
        if (!(err instanceof CliError)) throw err;
        result.errors.push({ label: file, message: err.message.replace(`${file}: `, '') });
      }
      result.valid = result.errors.length === 0;
    }
    const valid = results.every((r) => r.valid);

    if (json) {
      await printJson(io, { valid, kubernetesVersion, files: results });
    } else {
      const out: string[] = [];
      for (const r of results) {
        for (const e of r.errors) out.push(formatProblem(e.label, e));
        for (const w of r.warnings) out.push(formatProblem(w.label, w, 'warning'));
        if (r.valid) {
          for (const p of r.policies) {
            out.push(
              `${p.label}: OK (${p.rules} rule${p.rules === 1 ? '' : 's'}, Kubernetes ${kubernetesVersion})`,
            );
          }
        }
      }
      if (results.length > 1) {
        const bad = results.filter((r) => !r.valid).length;
        out.push(`${results.length} files checked, ${bad === 0 ? 'all valid' : `${bad} with errors`}`);
      }
      await write(io.stdout, out.join('\n') + '\n');
    }
    return valid ? EXIT_OK : EXIT_FINDINGS;
  },
};
