import { AuditEvent, objectRefAttributes, UrlAttributes, urlAttributes } from './event';
import { EventLine, skippedMember } from './event-line';
import type { RequestAttributes } from '../policy/types';

// Request lines repeat (every stage of a request, controllers polling the same URL): their attributes are
// cached, up to this many entries of at most URL_CACHE_KEY characters, then the cache starts over.
const URL_CACHE_ENTRIES = 8192;
const URL_CACHE_KEY = 1024;

// A cached URI that gave no URL reading for `verb` (another verb may give one: the method follows the verb).
const noUrl = (verb: string) =>
  ({ verb, resourceRequest: false, noUrl: true }) as UrlAttributes & { noUrl?: true };

/**
 * An event's request attributes, read from its requestURI (cached: request lines repeat) or, when the URI gives
 * none, from its objectRef (counted in `fromObjectRef`).
 */
export class RequestAttributesReader {
  /** Events whose attributes came from objectRef. */
  fromObjectRef = 0;
  private urlCache = new Map<string, UrlAttributes & { noUrl?: true }>();

  attributes(line: EventLine, verb: string): UrlAttributes {
    const ev = line.event;
    const uri = typeof ev.requestURI === 'string' ? ev.requestURI : '';
    if (uri !== '') {
      const cacheable = uri.length <= URL_CACHE_KEY;
      let attrs: (UrlAttributes & { noUrl?: true }) | undefined = cacheable
        ? this.urlCache.get(uri)
        : undefined;
      // Keyed by the URI alone (no string to build); a different verb on the same URI is worked out anew,
      // also after a verb that gave no reading (an event's decision never depends on the events before it).
      if (attrs === undefined || attrs.verb !== verb) {
        attrs = urlAttributes(verb, uri) ?? noUrl(verb);
        if (cacheable) {
          if (this.urlCache.size >= URL_CACHE_ENTRIES) this.urlCache = new Map();
          this.urlCache.set(uri, attrs);
        }
      }
      if (attrs.noUrl !== true) return attrs;
    }
    this.fromObjectRef++;
    return objectRefAttributes(
      verb,
      uri.split('?')[0],
      skippedMember(line, 'objectRef') as AuditEvent['objectRef'],
    );
  }
}

/**
 * The one request object a replay refills per event (fillRequest): every field present from the start, in
 * one order, so that the evaluator's reads of it always meet one object shape.
 */
export function emptyRequest(): RequestAttributes {
  return {
    user: undefined,
    groups: undefined,
    verb: '',
    resourceRequest: false,
    path: undefined,
    apiGroup: undefined,
    apiVersion: undefined,
    resource: undefined,
    subresource: undefined,
    namespace: undefined,
    name: undefined,
  };
}

/** Sets every field of `req` (made by emptyRequest) from an event's user and request attributes. */
export function fillRequest(
  req: RequestAttributes,
  who: Pick<RequestAttributes, 'user' | 'groups'>,
  attrs: UrlAttributes,
): void {
  req.user = who.user;
  req.groups = who.groups;
  req.verb = attrs.verb;
  req.resourceRequest = attrs.resourceRequest;
  req.path = attrs.path;
  req.apiGroup = attrs.apiGroup;
  req.apiVersion = attrs.apiVersion;
  req.resource = attrs.resource;
  req.subresource = attrs.subresource;
  req.namespace = attrs.namespace;
  req.name = attrs.name;
}
