// The fields log-shipper itself gives a log event, as opposed to the audit Event it carries in `.message`.
import { celRules } from './schema-cel';
import { CLUSTER_LOG_DESTINATION_SCHEMA } from './schema-validation';
import { subschemaAt } from './schema-walk';

/** extraLabels keys log-shipper reserves (the CRD's CEL rule on `spec.extraLabels`): the pod fields and parsed_data. */
export const RESERVED_EXTRA_LABELS: readonly string[] = celRules(
  subschemaAt(CLUSTER_LOG_DESTINATION_SCHEMA, 'spec.extraLabels'),
).flatMap((r) => r.forbiddenKeys ?? []);

/**
 * Every field log-shipper gives a log event: the line (`message`), the File source's host fields, its own
 * bookkeeping, and the reserved extraLabels keys. A path there is no misspelt Event field, whatever it resembles.
 */
export const LOG_EVENT_FIELDS: readonly string[] = [
  'message',
  'timestamp',
  'timestamp_end',
  'host',
  'host_ip',
  'node_group',
  'file',
  'source_type',
  'stream',
  'pod_labels',
  ...RESERVED_EXTRA_LABELS,
];
