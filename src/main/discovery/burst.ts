import type { Clock } from '../ha/clock';
import type { AnnouncedService, BrowseSession, ServiceBrowser } from './service-browser';

export interface BurstOptions {
  /** Queries sent, `intervalMs` apart, the first at once. */
  queries: number;
  intervalMs: number;
  /** How long it listens in all, from the first query. */
  listenMs: number;
}

/** Three queries a second apart, as RFC 6762 section 5.2 starts a browse, and a few seconds' answers. */
export const SHORT_BURST: BurstOptions = { queries: 3, intervalMs: 1_000, listenMs: 4_000 };

/**
 * One short burst of queries, then silence: the answers heard until `listenMs` (the last one of
 * each service), and the browse stopped. For a check that must not keep the network busy (a saved
 * address that stopped answering). Rejects when this computer cannot browse.
 */
export function burstQuery(
  browser: ServiceBrowser,
  clock: Clock,
  options: BurstOptions = SHORT_BURST,
): Promise<AnnouncedService[]> {
  return new Promise((resolve, reject) => {
    const heard = new Map<string, AnnouncedService>();
    const timers: unknown[] = [];
    let session: BrowseSession | null = null;
    let ended = false;
    const end = () => {
      ended = true;
      for (const timer of timers) clock.clearTimeout(timer);
      session?.stop();
    };
    session = browser.browse({
      found: (service) => void heard.set(service.name, service),
      gone: (name) => void heard.delete(name),
      failed: (error) => {
        end();
        reject(error);
      },
    });
    // A browser that failed at once has nothing more to ask or stop.
    if (ended) return session.stop();
    for (let i = 1; i < options.queries; i++)
      timers.push(clock.setTimeout(() => session.query(), i * options.intervalMs));
    timers.push(
      clock.setTimeout(() => {
        end();
        resolve([...heard.values()]);
      }, options.listenMs),
    );
  });
}
