import type { Clock } from '../ha/clock';

export interface OrderlyQuitOptions {
  /** Stops the services; resolves once every pending write is on disk. */
  dispose: () => Promise<void>;
  /** Asks the app to quit again; this time the handler lets it through. */
  quit: () => void;
  clock: Clock;
  /** A write that hangs (a full disk, a network folder) must not keep the app from quitting. */
  limitMs: number;
  onError: (error: unknown) => void;
}

/**
 * The handler for Electron's `before-quit`: the first quit is held back while the services are
 * disposed (at most `limitMs`), then the app quits for real. Quit events that come meanwhile are
 * held back too; the one after disposal passes.
 */
export function orderlyQuit(
  options: OrderlyQuitOptions,
): (event: { preventDefault(): void }) => void {
  let phase: 'running' | 'disposing' | 'disposed' = 'running';
  return (event) => {
    if (phase === 'disposed') return;
    event.preventDefault();
    if (phase === 'disposing') return;
    phase = 'disposing';
    let timer: unknown;
    const limit = new Promise<void>((resolve) => {
      timer = options.clock.setTimeout(resolve, options.limitMs);
    });
    const disposed = options.dispose().catch(options.onError);
    Promise.race([disposed, limit])
      .then(() => {
        options.clock.clearTimeout(timer);
        phase = 'disposed';
        options.quit();
      })
      .catch(options.onError);
  };
}
