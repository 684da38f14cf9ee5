import type { GroupResources, PolicyRule } from '../policy/types';

function list(values: readonly string[] | undefined, max = 3): string {
  if (values === undefined || values.length === 0) return '';
  const shown = values.slice(0, max).map((v) => (v === '' ? '""' : v));
  if (values.length > max) shown.push(`+${values.length - max} more`);
  return shown.join(',');
}

function groupResources(gr: GroupResources): string {
  const group = gr.group === undefined || gr.group === '' ? 'core' : gr.group;
  const resources = list(gr.resources, 4);
  const names = gr.resourceNames && gr.resourceNames.length > 0 ? `(${list(gr.resourceNames, 2)})` : '';
  return `${group}:${resources === '' ? '*' : resources}${names}`;
}

/** A one-line description of a rule for tables, e.g. `Metadata verbs=get,list resources=core:secrets`. */
export function summarizeRule(rule: PolicyRule): string {
  const parts: string[] = [rule.level];
  if (rule.users?.length) parts.push(`users=${list(rule.users)}`);
  if (rule.userGroups?.length) parts.push(`groups=${list(rule.userGroups)}`);
  if (rule.verbs?.length) parts.push(`verbs=${list(rule.verbs, 5)}`);
  if (rule.namespaces?.length) parts.push(`namespaces=${list(rule.namespaces)}`);
  if (rule.resources?.length)
    parts.push(`resources=${rule.resources.slice(0, 3).map(groupResources).join(';')}`);
  if (rule.resources && rule.resources.length > 3) parts.push(`+${rule.resources.length - 3} groups`);
  if (rule.nonResourceURLs?.length) parts.push(`urls=${list(rule.nonResourceURLs)}`);
  if (rule.omitStages?.length) parts.push(`omitStages=${list(rule.omitStages, 4)}`);
  if (rule.omitManagedFields !== undefined) parts.push(`omitManagedFields=${String(rule.omitManagedFields)}`);
  if (parts.length === 1) parts.push('(every request)');
  return parts.join(' ');
}
