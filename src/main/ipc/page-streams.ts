import type { ContractShape, Publish, StreamKey } from '../../shared/ipc/define';
import { streamChannel, streamSchema } from '../../shared/ipc/define';
import type { Logger } from '../log/logger';

/** One page (a window's web contents) as the streams see it: the port its adapter implements. */
export interface StreamPage {
  /** Stable for the page's lifetime: subscriptions are kept per page. */
  readonly id: number;
  send(channel: string, payload: unknown): void;
  /** The page is gone (its window closed); nothing is sent to it any more. */
  isGone(): boolean;
  /** Called once when the page goes away. */
  onGone(listener: () => void): void;
}

export interface PageStreams<C extends ContractShape> {
  /** A page asks for a stream (on) or no longer wants it (off). */
  subscribe(page: StreamPage, key: StreamKey, on: boolean): void;
  /**
   * Sends a payload to every page that subscribed to its stream, after checking it against the
   * contract: a payload that does not match is logged and sent to nobody.
   */
  publish: Publish<C>;
}

/**
 * Main's side of the page streams: which page follows which stream, kept per page and dropped
 * when the page goes away, so an event reaches only the pages that show it.
 */
export function createPageStreams<C extends ContractShape>(
  contract: C,
  logger: Logger,
): PageStreams<C> {
  const pages = new Map<number, { page: StreamPage; keys: Set<string> }>();

  function entryOf(page: StreamPage) {
    let entry = pages.get(page.id);
    if (!entry) {
      entry = { page, keys: new Set() };
      pages.set(page.id, entry);
      page.onGone(() => pages.delete(page.id));
    }
    return entry;
  }

  return {
    subscribe(page, key, on) {
      if (page.isGone()) return;
      const channel = streamChannel(key);
      if (on) entryOf(page).keys.add(channel);
      else pages.get(page.id)?.keys.delete(channel);
    },
    publish(stream, payload, instance) {
      const checked = streamSchema(contract, stream)?.safeParse(payload);
      if (!checked?.success) {
        const issue = checked?.error.issues[0];
        logger.error(`Event ${stream} not sent: it does not match the IPC contract`, {
          code: issue?.code,
          path: issue?.path.map(String).join('.'),
        });
        return;
      }
      const channel = streamChannel({ stream, ...(instance === undefined ? {} : { instance }) });
      for (const [id, { page, keys }] of pages) {
        if (page.isGone()) {
          pages.delete(id);
          continue;
        }
        if (!keys.has(channel)) continue;
        try {
          page.send(channel, checked.data);
        } catch (error) {
          logger.warn(`Event ${stream} could not reach a page`, error);
        }
      }
    },
  };
}
