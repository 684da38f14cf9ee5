// The API path the agent appends to an HTTP destination's endpoint: an endpoint that already ends with it makes the
// agent send to the path twice (`.../loki/api/v1/push/loki/api/v1/push`), and every request fails.
import { PropProblem } from './messages';

interface AppendedPath {
  /** The path the agent's sink appends to the endpoint. */
  readonly path: string;
  /** Where that is stated. */
  readonly source: string;
}

/**
 * Per type: Loki, from Deckhouse's docs (modules/460-log-shipper/docs/EXAMPLES.md, "Migration from Promtail":
 * the path has to be removed, the agent adds it); Splunk, from the same page ("Splunk integration": the endpoint is
 * the instance with port 8088 and no path) and the agent's splunk_hec_logs sink, which appends the HEC event path;
 * Elasticsearch, from the agent's elasticsearch sink, which appends `/_bulk` to the endpoint.
 */
const APPENDED_PATHS: Readonly<Record<string, AppendedPath>> = {
  Loki: { path: '/loki/api/v1/push', source: 'log-shipper appends it' },
  Splunk: { path: '/services/collector', source: 'log-shipper appends the HEC path itself' },
  Elasticsearch: { path: '/_bulk', source: 'log-shipper appends it' },
};

/** A problem when an HTTP destination's endpoint (an absolute URL) already holds the API path the agent appends. */
export function appendedPathProblems(type: string, endpoint: unknown, field: string): PropProblem[] {
  const appended = APPENDED_PATHS[type];
  if (appended === undefined || typeof endpoint !== 'string') return [];
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return []; // the URL check says what is wrong with it
  }
  const path = url.pathname.replace(/\/+$/, '');
  const at = path.toLowerCase().indexOf(appended.path.toLowerCase());
  if (at < 0) return [];
  const base = `${url.protocol}//${url.host}${path.slice(0, at)}`;
  return [
    {
      field,
      received: endpoint,
      expected: `the base URL, without ${appended.path} (${appended.source}: the path would be sent twice)`,
      fix: `use "${base}"`,
    },
  ];
}
