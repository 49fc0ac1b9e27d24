import { Emitter } from '../../shared/emitter';
import type { ContractShape, Publish, StreamKey } from '../../shared/ipc/define';
import { streamChannel, streamSchema } from '../../shared/ipc/define';
import { logListenerError } from '../log/listener-errors';
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
  /**
   * A page asks for a stream (on) or no longer wants it (off), from one loaded `document`: the
   * first request from a new document (the window reloaded) drops what the old one followed.
   */
  subscribe(page: StreamPage, key: StreamKey, on: boolean, document: string): void;
  /**
   * Sends a payload to every page that subscribed to its stream, after checking it against the
   * contract: a payload that does not match is logged and sent to nobody.
   */
  publish: Publish<C>;
  /** How many pages follow `key` now. */
  followers(key: StreamKey): number;
  /**
   * Called whenever the pages that follow streams may have changed (a subscription, a page gone,
   * a page reloaded): what runs only while a page follows it (discovery) asks `followers` again.
   */
  onFollowersChange(listener: () => void): () => void;
}

/**
 * Main's side of the page streams: which page follows which stream, kept per page and dropped
 * when the page goes away, so an event reaches only the pages that show it.
 */
export function createPageStreams<C extends ContractShape>(
  contract: C,
  logger: Logger,
): PageStreams<C> {
  const pages = new Map<number, { page: StreamPage; document: string; keys: Set<string> }>();
  const followersChanged = new Emitter<void>(logListenerError(logger, 'the stream followers'));

  function drop(id: number) {
    if (pages.delete(id)) followersChanged.emit();
  }

  function entryOf(page: StreamPage, document: string) {
    let entry = pages.get(page.id);
    if (!entry) {
      entry = { page, document, keys: new Set() };
      pages.set(page.id, entry);
      page.onGone(() => drop(page.id));
    } else if (entry.document !== document) {
      entry.document = document;
      entry.keys.clear();
    }
    return entry;
  }

  function livePages() {
    for (const [id, { page }] of pages) if (page.isGone()) drop(id);
    return pages.values();
  }

  return {
    subscribe(page, key, on, document) {
      if (page.isGone()) return;
      const { keys } = entryOf(page, document);
      const channel = streamChannel(key);
      if (on) keys.add(channel);
      else keys.delete(channel);
      followersChanged.emit();
    },
    followers(key) {
      const channel = streamChannel(key);
      let count = 0;
      for (const { keys } of livePages()) if (keys.has(channel)) count++;
      return count;
    },
    onFollowersChange: (listener) => followersChanged.on(listener),
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
          drop(id);
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
