import { Problem } from '../policy/types';

// Go template (Helm) and Jinja (Ansible, Kubespray) actions. YAML reads "{{ .Release.Namespace }}" as a
// mapping with a mapping for a key and refuses "{% if x %}", so an unrendered chart file would otherwise be
// reported as odd values or a syntax error instead of as what it is.
const ACTION = /\{\{|\{%/;

/**
 * The first template action outside a quoted string or a comment, as an error: the file must be rendered
 * before kubectl, the cluster or this tool can read it. Undefined for a file without one.
 */
export function unrenderedTemplate(text: string): Problem | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = ACTION.exec(lines[i]);
    if (!match) continue;
    const before = lines[i].slice(0, match.index);
    // Inside quotes or after a comment marker the braces are text.
    if (/["'#]/.test(before)) continue;
    return {
      message:
        `an unrendered Helm or Jinja template: "${match[0]}" starts a template action, which kubectl and the ` +
        'cluster cannot read (YAML takes it for a mapping or refuses it)',
      line: i + 1,
      column: match.index + 1,
      fix: 'render it first (helm template CHART, or the tool that owns the template) and validate the rendered output',
    };
  }
  return undefined;
}
