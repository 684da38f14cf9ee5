import { Construct, IConstruct } from 'constructs';

/** Metadata type under which the constructs record warnings for synth to print. */
export const WARNING_METADATA_TYPE = 'cdk8s-deckhouse-audit:warning';

/** Records a warning on a construct; `synthesizeApp` prints it with the construct path. */
export function addWarning(scope: Construct, message: string): void {
  scope.node.addMetadata(WARNING_METADATA_TYPE, message);
}

/** Every warning under a scope, as "[path] message", in construct-tree order. */
export function collectWarnings(scope: IConstruct): string[] {
  const out: string[] = [];
  for (const child of scope.node.findAll()) {
    for (const entry of child.node.metadata) {
      if (entry.type === WARNING_METADATA_TYPE) out.push(`[${child.node.path}] ${String(entry.data)}`);
    }
  }
  return out;
}
