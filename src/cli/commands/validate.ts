import type { AuditSettings } from '../../deckhouse/audit-settings';
import { DEFAULT_KUBERNETES_VERSION, SUPPORTED_KUBERNETES_VERSIONS } from '../../policy/kubernetes-version';
import { CommandSpec, stringOption } from '../args';
import { CliError, EXIT_FINDINGS, EXIT_OK, LocatedProblem, UsageError } from '../errors';
import { cappedList, formatProblem, plural, printable } from '../format';
import { write } from '../io';
import { loadPolicyFile } from '../policy-input';
import { SECRET_SIZE_LIMIT } from '../read-input';
import { MAX_POLICY_BYTES_OPTION, kubernetesVersionOption, maxPolicyBytesOption, printJson } from '../shared';

interface FileResult {
  file: string;
  valid: boolean;
  /** `unused`: why the cluster never uses the policy (it is valid, but not what the cluster runs). */
  policies: Array<{ label: string; container: 'policy' | 'secret'; rules: number | null; unused?: string }>;
  /** False when the file's ModuleConfig control-plane-manager sets auditPolicyEnabled: false. */
  readByDeckhouse?: boolean;
  /** The audit settings of the file's ModuleConfig control-plane-manager (schema defaults applied). */
  settings?: Omit<AuditSettings, 'positions'>;
  errors: LocatedProblem[];
  warnings: LocatedProblem[];
}

/** `validate FILE...`: strict load and validation, as kube-apiserver (and Deckhouse) would. */
export const validateCommand: CommandSpec = {
  name: 'validate',
  summary: 'strictly load and validate audit policies (policy YAML or Secret manifest)',
  usage: ['validate [--kubernetes-version X.Y] [--max-policy-bytes N] [--json] FILE...'],
  description:
    'Loads each FILE the way kube-apiserver does, stricter: unknown or duplicate fields, wrong types, bad levels, ' +
    'stages, groups and empty policies are errors, printed as file:line:column: message with the fix on the ' +
    'next line. FILE is an audit.k8s.io/v1 Policy (one document: a second document of any kind after it, or a ' +
    'Policy after an empty first one, is an error, as kube-apiserver reads only the first), or a manifest holding Secret kube-system/audit-policy ' +
    `with the policy under data."audit-policy.yaml" (base64) or stringData - not both: the API server merges ` +
    'stringData over data, so the cluster would run another policy than the one checked. For a Secret the ' +
    'positions count inside the decoded policy, shown as file[data.audit-policy.yaml]:line:column. A ' +
    'ModuleConfig control-plane-manager in the file is checked too. A valid policy the cluster never uses ' +
    '(auditPolicyEnabled: false in that ModuleConfig, or a Secret of another name or namespace) is reported as ' +
    '"valid, but not used", never "OK". A file with neither a Policy nor a policy Secret is an error. ' +
    `Input is read as bytes and refused past the size limit (${SECRET_SIZE_LIMIT} bytes of policy, the API ` +
    `server's Secret limit) before parsing. "-" reads standard input. Exit status 1 when any file has an error ` +
    'or holds a policy the cluster does not use (a check that the cluster runs the policy has failed).',
  options: {
    'kubernetes-version': {
      type: 'string',
      value: 'X.Y',
      description: `validate for this Kubernetes version, ${SUPPORTED_KUBERNETES_VERSIONS[0]} to ${SUPPORTED_KUBERNETES_VERSIONS[SUPPORTED_KUBERNETES_VERSIONS.length - 1]} (default ${DEFAULT_KUBERNETES_VERSION})`,
    },
    'max-policy-bytes': MAX_POLICY_BYTES_OPTION,
  },
  examples: [
    'deckhouse-audit validate policy.yaml',
    'deckhouse-audit validate --kubernetes-version 1.36 dist/deckhouse-audit.k8s.yaml',
    'kubectl -n kube-system get secret audit-policy -o yaml | deckhouse-audit validate -',
  ],
  positionals: true,
  async run({ args, io, json }) {
    if (args.positionals.length === 0) throw new UsageError('needs at least one FILE');
    if (args.positionals.filter((f) => f === '-').length > 1)
      throw new UsageError('"-" (stdin) can be used once');
    const kubernetesVersion = kubernetesVersionOption(stringOption(args, 'kubernetes-version'));
    const maxPolicyBytes = maxPolicyBytesOption(args);

    const results: FileResult[] = [];
    for (const file of args.positionals) {
      const result: FileResult = { file, valid: true, policies: [], errors: [], warnings: [] };
      results.push(result);
      try {
        const { file: found, loaded } = await loadPolicyFile(file, io, { kubernetesVersion, maxPolicyBytes });
        result.errors.push(...found.errors.map((p) => ({ label: file, ...p })));
        result.warnings.push(...found.warnings.map((p) => ({ label: file, ...p })));
        if (found.settings) {
          const { auditPolicyEnabled, basicAuditPolicyEnabled, auditLog } = found.settings;
          result.settings = { auditPolicyEnabled, basicAuditPolicyEnabled, auditLog };
          result.readByDeckhouse = found.settings.auditPolicyEnabled;
        }
        for (const l of loaded) {
          result.policies.push({
            label: l.source.label,
            container: l.source.container,
            rules: l.policy ? l.policy.rules.length : null,
            ...(l.source.unread ? { unused: l.source.unread } : {}),
          });
          result.warnings.push(...l.source.warnings.map((p) => ({ label: file, ...p })));
          result.errors.push(...l.errors.map((p) => ({ label: l.source.label, ...p })));
          result.warnings.push(...l.warnings.map((p) => ({ label: l.source.label, ...p })));
          // Deckhouse's hook keeps only the rules and omitStages of the Secret's policy: a policy-wide
          // omitManagedFields: true that loads fine is still not applied (effective.ts says so too).
          if (l.source.container === 'secret' && l.policy?.omitManagedFields === true) {
            // Loaded only then: validate does not otherwise load the built-in rules.
            const { deckhouseEffectivePolicy } = await import('../../deckhouse/effective');
            const dropped = deckhouseEffectivePolicy({ customPolicy: l.policy }).warnings.filter(
              (w) => w.field === 'omitManagedFields',
            );
            result.warnings.push(...dropped.map((p) => ({ label: l.source.label, ...p })));
          }
        }
      } catch (err) {
        // A wrong command line (an audit log given as FILE) is the command's error, not one file's finding.
        if (!(err instanceof CliError) || err instanceof UsageError) throw err;
        result.errors.push({
          label: file,
          message: err.message.replace(`${file}: `, ''),
          ...(err.fix ? { fix: err.fix } : {}),
        });
      }
      result.valid = result.errors.length === 0;
    }
    const valid = results.every((r) => r.valid);
    // An assurance check: a policy that loads but that Deckhouse never reads protects nothing, so it fails too.
    const unused = results.filter((r) => r.valid && r.policies.some((p) => p.unused !== undefined)).length;

    if (json) {
      await printJson(io, { valid, used: unused === 0, kubernetesVersion, files: results });
    } else {
      const out: string[] = [];
      for (const r of results) {
        out.push(...cappedList(r.errors, (e) => formatProblem(e.label, e), 'error'));
        out.push(...cappedList(r.warnings, (w) => formatProblem(w.label, w, 'warning'), 'warning'));
        if (!r.valid) continue;
        for (const p of r.policies) {
          const what = `${plural(p.rules ?? 0, 'rule')}, Kubernetes ${kubernetesVersion}`;
          // "OK" is kept for a policy the cluster runs: a valid policy that Deckhouse never reads is not OK.
          out.push(
            p.unused
              ? `${printable(p.label)}: valid (${what}), but not used: ${printable(p.unused)}`
              : `${printable(p.label)}: OK (${what})`,
          );
        }
      }
      if (results.length > 1) {
        const bad = results.filter((r) => !r.valid).length;
        const parts = [bad === 0 ? 'all valid' : `${bad} with errors`];
        if (unused > 0) parts.push(`${unused} valid but not used`);
        out.push(`${results.length} files checked, ${parts.join(', ')}`);
      }
      await write(io.stdout, out.join('\n') + '\n');
    }
    return valid && unused === 0 ? EXIT_OK : EXIT_FINDINGS;
  },
};
