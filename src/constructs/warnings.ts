import { IConstruct } from 'constructs';
import { shapeOf } from '../policy/arguments';

/** Metadata type under which the constructs record warnings (visible in `node.metadata`). */
export const WARNING_METADATA_TYPE = 'cdk8s-deckhouse-audit:warning';

/** Receives each warning of a synth once, as `[construct path] message`. */
export type WarningHandler = (warning: string) => void;

// Per-app state, kept on the root construct under a global symbol so that it survives two copies of
// this package in one tree (the same reason cdk8s offers ApiObject.isApiObject over instanceof).
const STATE = Symbol.for('cdk8s-deckhouse-audit.warnings');

interface WarningState {
  handler: WarningHandler;
  readonly printed: Set<string>;
  readonly lazy: Array<{ scope: IConstruct; warnings: () => readonly string[] }>;
}

function printToStderr(warning: string): void {
  process.stderr.write(`warning: ${warning}\n`);
}

function stateOf(scope: IConstruct): WarningState {
  const root = scope.node.root as IConstruct & { [STATE]?: WarningState };
  let state = root[STATE];
  if (state === undefined) {
    const created: WarningState = { handler: printToStderr, printed: new Set(), lazy: [] };
    state = created;
    Object.defineProperty(root, STATE, { value: created, enumerable: false });
    // cdk8s runs every validation (the root's first) before it writes anything, in app.synth(), synthYaml()
    // and Testing.synth(): reporting from there makes a plain `app.synth()` print the warnings too.
    root.node.addValidation({
      validate: () => {
        for (const warning of collectWarnings(root)) {
          if (created.printed.has(warning)) continue;
          created.printed.add(warning);
          created.handler(warning);
        }
        return [];
      },
    });
  }
  return state;
}

/** Records a warning on a construct; synth prints it once on stderr with the construct path. */
export function addWarning(scope: IConstruct, message: string): void {
  scope.node.addMetadata(WARNING_METADATA_TYPE, message);
  stateOf(scope);
}

/**
 * Registers warnings that can only be computed once the whole app exists (e.g. "no Secret of that name
 * in the app"); they are evaluated when synth reports warnings.
 */
export function addLazyWarnings(scope: IConstruct, warnings: () => readonly string[]): void {
  stateOf(scope).lazy.push({ scope, warnings });
}

/**
 * Routes the warnings of the app that `scope` belongs to (default: `warning: …` lines on stderr). Each
 * distinct warning reaches the handler once per app, however often the app is synthesized.
 */
export function onWarnings(scope: IConstruct, handler: WarningHandler): void {
  if (typeof scope !== 'object' || scope === null || typeof scope.node !== 'object') {
    throw new TypeError(
      `onWarnings: scope must be a construct (the App or one in it), got ${shapeOf(scope)}`,
    );
  }
  if (typeof handler !== 'function') {
    throw new TypeError(
      `onWarnings: handler must be a function (warning: string) => void, got ${shapeOf(handler)}`,
    );
  }
  stateOf(scope).handler = handler;
}

/** Every warning under a scope, as `[path] message`, in construct-tree order. */
export function collectWarnings(scope: IConstruct): string[] {
  const out: string[] = [];
  const state = (scope.node.root as IConstruct & { [STATE]?: WarningState })[STATE];
  const lazy = new Map<IConstruct, Array<() => readonly string[]>>();
  for (const entry of state?.lazy ?? [])
    lazy.set(entry.scope, [...(lazy.get(entry.scope) ?? []), entry.warnings]);
  for (const child of scope.node.findAll()) {
    for (const entry of child.node.metadata) {
      if (entry.type === WARNING_METADATA_TYPE) out.push(`[${child.node.path}] ${String(entry.data)}`);
    }
    for (const warnings of lazy.get(child) ?? []) {
      for (const warning of warnings()) out.push(`[${child.node.path}] ${warning}`);
    }
  }
  return out;
}
