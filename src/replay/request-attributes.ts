import { AuditEvent, objectRefAttributes, UrlAttributes, urlAttributes } from './event';
import { EventLine, skippedMember } from './event-line';

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
