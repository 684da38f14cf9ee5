// Transformations of a ClusterLogDestination (`spec.transformations[]`), typed per action in the CRD's own
// shape, and the ones an audit pipeline wants ready-made. Facts: the CRD's `transformations` schema
// (imports/schemas/clusterlogdestination.v1alpha1.json); field paths use Vector's path syntax (leading ".").

/** `action` of a transformation (the CRD's enum). */
export type LogTransformationAction =
  'ReplaceKeys' | 'ParseMessage' | 'DropLabels' | 'AddLabels' | 'ReplaceValue';

/** Replaces matches of `source` with `target` in the keys under the listed paths, recursively. */
export interface ReplaceKeysTransformation {
  /** The CRD's `action` that selects the `replaceKeys` block. */
  readonly action: 'ReplaceKeys';
  /** The parameters of ReplaceKeys. */
  readonly replaceKeys: {
    /** A literal or a regular expression (the CRD limits its characters). */
    readonly source: string;
    /**
     * Literal replacement.
     * @default ""
     */
    readonly target?: string;
    /** Vector paths, each starting with ".", e.g. `.pod_labels`. */
    readonly labels: readonly string[];
  };
}

/** `parseMessage` of a ParseMessage transformation: one block per `sourceFormat`, as the CRD's oneOf says. */
export type ParseMessageOptions =
  | {
      readonly sourceFormat: 'String';
      /** @default ".message" (a lone "." merges into the event's root; never ".parsed_data") */
      readonly targetLabel?: string;
      /** A regex with named groups, and the labels built from them (`{{ group }}`). */
      readonly string: { readonly regex: string; readonly setLabels: Readonly<Record<string, string>> };
    }
  | {
      readonly sourceFormat: 'JSON';
      /** @default ".message" */
      readonly targetLabel?: string;
      /** @default - Vector's default depth */
      readonly json?: { readonly depth?: number };
    }
  | {
      readonly sourceFormat: 'Klog' | 'SysLog' | 'CLF' | 'Logfmt';
      /** @default ".message" */
      readonly targetLabel?: string;
    };

/** Parses the `message` field in `sourceFormat` into `targetLabel`; on a parse failure the message stays. */
export interface ParseMessageTransformation {
  /** The CRD's `action` that selects the `parseMessage` block. */
  readonly action: 'ParseMessage';
  /** The parameters of ParseMessage. */
  readonly parseMessage: ParseMessageOptions;
}

/**
 * Removes the listed paths. Only `labels` is modelled: `keepChildKeys` is not settled upstream (the CRD
 * and Deckhouse's Go type disagree), so it is refused.
 */
export interface DropLabelsTransformation {
  /** The CRD's `action` that selects the `dropLabels` block. */
  readonly action: 'DropLabels';
  /** The parameters of DropLabels. */
  readonly dropLabels: {
    /** Vector paths, each starting with ".", e.g. `.requestObject`. */
    readonly labels: readonly string[];
  };
}

/** Adds labels (literals or `{{ .path }}` templates), optionally only when every `when` condition holds. */
export interface AddLabelsTransformation {
  /** The CRD's `action` that selects the `addLabels` block. */
  readonly action: 'AddLabels';
  /** The parameters of AddLabels. */
  readonly addLabels: {
    /**
     * Conditions, ANDed: `.path == "value"`, `!=`, `=~ "regex"`, `!=~`, `.path` (exists), `!.path`.
     * @default - always
     */
    readonly when?: readonly string[];
    /** Target path (starting with ".") to a literal or a `{{ .path }}` template. */
    readonly setLabels: Readonly<Record<string, string>>;
  };
}

/** Replaces matches of the `source` regex in the listed string fields (`{{ group }}` in `target`). */
export interface ReplaceValueTransformation {
  /** The CRD's `action` that selects the `replaceValue` block. */
  readonly action: 'ReplaceValue';
  /** The parameters of ReplaceValue. */
  readonly replaceValue: {
    readonly source: string;
    readonly target: string;
    /** Vector paths of string fields, each starting with ".", e.g. `.message`. */
    readonly labels: readonly string[];
  };
}

/** One transformation of a destination, in the CRD's shape (`{ action, <action block> }`). */
export type LogTransformation =
  | ReplaceKeysTransformation
  | ParseMessageTransformation
  | DropLabelsTransformation
  | AddLabelsTransformation
  | ReplaceValueTransformation;

// Where an audit event is when a destination's transformations run. log-shipper reads the audit log line by line
// (a File source, or the kube-apiserver container's log for Stdout output): each event's audit.k8s.io/v1 Event is
// the JSON text in `.message`. Deckhouse's transformations are VRL on the log event itself (deckhouse
// modules/460-log-shipper/hooks/internal/vrl/transformation.go): DropLabels is `if exists(PATH) { del(PATH) }`,
// and ParseMessage with sourceFormat JSON is `if is_string(.message) { .message = parse_json(.message) ?? .message }`.
// So `.requestObject` names nothing at any point, and `.message.requestObject` exists only after that parse.
const MESSAGE = '.message';
const REQUEST_OBJECT = `${MESSAGE}.requestObject`;
const RESPONSE_OBJECT = `${MESSAGE}.responseObject`;

/** Ready-made transformations for audit events (`transformations` of a destination). */
export const AuditTransformations = {
  /**
   * Parses the audit Event in `.message` (the log line, a JSON string) into an object in place, so that later
   * transformations can name its fields (`.message.requestObject`). The destination then receives the Event
   * as structured data instead of a string. Put it first; once is enough for any number of later steps.
   */
  parseEvent(): ParseMessageTransformation {
    return { action: 'ParseMessage', parseMessage: { sourceFormat: 'JSON' } };
  },
  /**
   * Drops the request and response bodies (`requestObject`, `responseObject` of the audit Event): the
   * bulk of `Request`/`RequestResponse` events. For a destination priced per GB, or one that should see
   * who did what but not the objects. Runs after {@link AuditTransformations.parseEvent} (synth fails
   * otherwise: before it, `.message` is a string and the paths name nothing).
   */
  dropBodies(): DropLabelsTransformation {
    return { action: 'DropLabels', dropLabels: { labels: [REQUEST_OBJECT, RESPONSE_OBJECT] } };
  },
  /**
   * Drops `metadata.managedFields` from both bodies: server-side-apply bookkeeping that can be larger than
   * the object itself. (Deckhouse drops a custom policy's top-level `omitManagedFields`, and its built-in
   * rules do not set it, so events of built-in rules keep managedFields.) Runs after
   * {@link AuditTransformations.parseEvent}.
   */
  dropManagedFields(): DropLabelsTransformation {
    return {
      action: 'DropLabels',
      dropLabels: {
        labels: [`${REQUEST_OBJECT}.metadata.managedFields`, `${RESPONSE_OBJECT}.metadata.managedFields`],
      },
    };
  },
} as const;
