import { BenchApp, settle } from './support/bench-app';
import type { Figure } from './support/figures';
import { SimProcess } from './support/sim-process';

const ENTITIES = 10_000;
const LOAD_MS = 5000;

/** The most rebuilds in any one second of the storm, counted from its start. */
function maxPerSecond(times: number[], start: number): number {
  const perSecond = new Map<number, number>();
  for (const t of times) {
    const second = Math.floor((t - start) / 1000);
    perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
  }
  return Math.max(0, ...perSecond.values());
}

/**
 * Tray rebuilds and page-event bytes with 10 favourites in a 10,000-entity home: first 5 s of
 * 1,000 non-favourite changes a second, then 5 s of favourites changing 200 times a second.
 */
export async function trayAndIpcBench(): Promise<Figure[]> {
  const sim = await SimProcess.start(ENTITIES);
  const app = new BenchApp();
  try {
    const favourites = sim.ids.slice(0, 10);
    const others = sim.ids.slice(10);
    app.configure(favourites, sim.ids.slice(10, 20));
    await app.connect(sim.url, sim.token, ENTITIES);
    await settle(1000);

    app.resetCounts();
    await sim.load({ ids: others, perSecond: 1000, durationMs: LOAD_MS });
    await settle();
    const quietRebuilds = app.trayRebuilds.length;
    const bytes = app.pageEvents.reduce((sum, e) => sum + e.bytes, 0);
    const pageEvents = app.pageEvents.length;

    app.resetCounts();
    const stormStart = Date.now();
    await sim.load({ ids: favourites, perSecond: 200, durationMs: LOAD_MS });
    await settle();
    return [
      {
        key: 'tray.rebuildsUnderNonFavouriteLoad',
        value: quietRebuilds,
        unit: 'rebuilds',
        samples: (1000 * LOAD_MS) / 1000,
        note: 'changes in 5 s',
      },
      {
        key: 'tray.maxRebuildsPerSecUnderFavouriteStorm',
        value: maxPerSecond(app.trayRebuildsAppClock, stormStart),
        unit: '/s',
        samples: app.trayRebuilds.length,
        note: 'rebuilds in 5 s, app clock',
      },
      {
        key: 'ipc.bytesPerSecToPanel',
        value: bytes / (LOAD_MS / 1000),
        unit: 'B/s',
        samples: pageEvents,
        note: 'page events',
      },
    ];
  } finally {
    app.dispose();
    await sim.close();
  }
}
