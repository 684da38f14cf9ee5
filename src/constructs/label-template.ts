// The `{{ path }}` template of an extraLabels value as log-shipper reads it. It takes a value for a template only
// when it matches `^\{\{ ([a-zA-Z0-9][a-zA-Z0-9\[\]_\\\-\.]+) \}\}$` (deckhouse modules/460-log-shipper/hooks/
// internal/vector/transform/extra_fields.go and vector/destination/loki.go, validMustacheTemplate), and reads the
// path below the JSON-parsed message: `.parsed_data.<path>` in the extra_fields VRL, `{{ parsed_data.<path> }}` as a
// Loki label. The CRD's pattern also lets the path start with "\" or "-": log-shipper then writes the label as the
// text itself. A path that itself starts with `parsed_data.` is stripped of it by extra_fields.go
// (generateDataField) but not by loki.go, which looks up `parsed_data.parsed_data.…`, a field no event has.

/** Why log-shipper would not fill the label from the event; undefined when it reads the template as meant. */
export function labelTemplateProblem(value: string): { expected: string; fix: string } | undefined {
  const path = /^\{\{ (.+) \}\}$/.exec(value)?.[1];
  if (path === undefined) return undefined;
  if (!/^[a-zA-Z0-9]/.test(path)) {
    const trimmed = path.replace(/^[^a-zA-Z0-9]+/, '');
    return {
      expected:
        'a template path that starts with a letter or digit: log-shipper reads "{{ … }}" as a template only then, ' +
        'and otherwise sends this text itself as the label',
      fix:
        trimmed.length > 0
          ? `write "{{ ${trimmed} }}"`
          : 'name a field of the audit event, e.g. "{{ verb }}"',
    };
  }
  if (path === 'parsed_data' || path.startsWith('parsed_data.')) {
    const below = path.slice('parsed_data.'.length);
    return {
      expected:
        'a path below the audit event without "parsed_data": log-shipper puts it in front of the path itself, ' +
        (below.length > 0
          ? 'and a Loki destination would look up parsed_data.parsed_data.…, which no event has'
          : 'and "{{ parsed_data }}" is the whole event (a Loki destination looks up parsed_data.parsed_data)'),
      fix:
        below.length > 0
          ? `write "{{ ${below} }}"`
          : 'name one field of the event, e.g. "{{ objectRef.resource }}"',
    };
  }
  return undefined;
}
