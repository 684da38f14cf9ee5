import { closestMatch } from './did-you-mean';
import {
  AUTHENTICATED_GROUP,
  NODES_GROUP,
  SERVICE_ACCOUNTS_GROUP,
  UNAUTHENTICATED_GROUP,
  serviceAccountNamespace,
} from './identity';
import { LintContext } from './lint-context';
import { PolicyRule } from './types';

// Users and groups that are near misses of the names kube-apiserver's authenticators give (identity.ts):
// rules compare them exactly, so `userGroups: [system:serviceaccount:kube-system]` matches no ServiceAccount.
// Sources: k8s.io/apiserver pkg/authentication/serviceaccount/util.go (MakeUsername, MakeNamespaceGroupName),
// pkg/authentication/user/user.go (the system: groups).

const SERVICE_ACCOUNT_USER = 'system:serviceaccount:';
// The well-known groups: system:masters is given by kubeadm's admin certificate, the rest by authenticators.
const WELL_KNOWN_GROUPS = [
  AUTHENTICATED_GROUP,
  UNAUTHENTICATED_GROUP,
  SERVICE_ACCOUNTS_GROUP,
  NODES_GROUP,
  'system:masters',
  'system:monitoring',
  'system:bootstrappers',
];

interface Typo {
  field: 'users' | 'userGroups';
  value: string;
  /** What the authenticators give instead; undefined when there is no one obvious name. */
  meant?: string;
  why: string;
}

function userTypo(user: string): Typo | undefined {
  if (user.startsWith(`${SERVICE_ACCOUNTS_GROUP}:`) && user.split(':').length === 4) {
    return {
      field: 'users',
      value: user,
      meant: `${SERVICE_ACCOUNT_USER}${user.slice(SERVICE_ACCOUNTS_GROUP.length + 1)}`,
      why: 'ServiceAccount users are system:serviceaccount:<namespace>:<name> (system:serviceaccounts:<namespace> is their group)',
    };
  }
  if (!user.startsWith(SERVICE_ACCOUNT_USER) || serviceAccountNamespace(user) !== undefined) return undefined;
  const parts = user.slice(SERVICE_ACCOUNT_USER.length).split(':');
  return {
    field: 'users',
    value: user,
    ...(parts.length === 1 ? { meant: `${user}:NAME` } : {}),
    why:
      'ServiceAccount users are exactly system:serviceaccount:<namespace>:<name> (a namespace and a name); ' +
      `for every ServiceAccount of a namespace use userGroups: ["${SERVICE_ACCOUNTS_GROUP}:<namespace>"]`,
  };
}

function groupTypo(group: string): Typo | undefined {
  if (group === 'system:serviceaccount' || group.startsWith(SERVICE_ACCOUNT_USER)) {
    const rest = group.slice(SERVICE_ACCOUNT_USER.length);
    if (rest.split(':').length <= 1) {
      return {
        field: 'userGroups',
        value: group,
        meant: rest === '' ? SERVICE_ACCOUNTS_GROUP : `${SERVICE_ACCOUNTS_GROUP}:${rest}`,
        why: 'ServiceAccount groups are system:serviceaccounts and system:serviceaccounts:<namespace> (plural)',
      };
    }
    return {
      field: 'userGroups',
      value: group,
      meant: group,
      why: 'that is a ServiceAccount user name, not a group: put it under users',
    };
  }
  if (!group.startsWith('system:') || WELL_KNOWN_GROUPS.includes(group)) return undefined;
  if (group.slice('system:'.length).includes(':')) return undefined;
  const meant = closestMatch(group, WELL_KNOWN_GROUPS);
  return meant === undefined
    ? undefined
    : { field: 'userGroups', value: group, meant, why: `kube-apiserver's group is ${meant}` };
}

/** identity-typo: users and userGroups that are near misses of the names requests carry. */
export function checkIdentityTypos(ctx: LintContext, i: number, rule: PolicyRule): void {
  const typos = [...(rule.users ?? []).map(userTypo), ...(rule.userGroups ?? []).map(groupTypo)].filter(
    (t): t is Typo => t !== undefined,
  );
  if (typos.length === 0) return;
  ctx.add({
    code: 'identity-typo',
    severity: 'warning',
    ruleIndex: i,
    message:
      `${ctx.label(i)}: ` +
      typos.map((t) => `${t.field} "${t.value}": ${t.why}`).join('; ') +
      `; no request carries ${typos.length > 1 ? 'these names' : 'this name'} unless a certificate or token names it literally, so the rule does not match what it names`,
    fix: typos
      .map((t) =>
        t.meant === undefined
          ? `fix ${t.field} "${t.value}"`
          : t.meant === t.value
            ? `move "${t.value}" to users`
            : `write "${t.meant}"`,
      )
      .join('; '),
  });
}
