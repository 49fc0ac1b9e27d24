import { BenchApp, hrMs, settle } from './support/bench-app';
import { percentile, type Figure } from './support/figures';
import { SimProcess } from './support/sim-process';

const ENTITIES = 10_000;
const LOAD_MS = 5000;
const FAVOURITE_EVERY_MS = 250;

/**
 * From a change at the simulator (another process, over a real socket) to the entity store, the
 * tray menu and the page event, at 1,000 changes a second. Every state is its send time on
 * process.hrtime, which all processes of the machine share.
 */
export async function latencyBench(): Promise<Figure[]> {
  const sim = await SimProcess.start(ENTITIES);
  const app = new BenchApp();
  try {
    const favourite = sim.ids[0]!;
    app.configure(sim.ids.slice(0, 10), sim.ids.slice(10, 20));
    await app.connect(sim.url, sim.token, ENTITIES);
    await settle(1000);
    const toStore: number[] = [];
    const toTray: number[] = [];
    const favouriteStamps: number[] = [];
    const sentAt = (state: string | undefined) => Number(state) / 1e6;
    app.home.store.onUpdate(({ changes }) => {
      const now = hrMs();
      for (const change of changes) {
        if (!change.state) continue;
        toStore.push(now - sentAt(change.state.state));
        if (change.entityId === favourite) favouriteStamps.push(sentAt(change.state.state));
      }
    });
    let lastTrayStamp = 0;
    app.onTrayMenu = () => {
      const stamp = sentAt(app.home.store.get(favourite)?.state);
      if (stamp > lastTrayStamp) toTray.push(hrMs() - stamp);
      lastTrayStamp = stamp;
    };
    app.resetCounts();
    app.keepText = true;
    await sim.load({
      ids: sim.ids.slice(20),
      perSecond: 1000,
      durationMs: LOAD_MS,
      stamp: true,
      quietFavourite: { id: favourite, everyMs: FAVOURITE_EVERY_MS },
    });
    await settle();
    app.keepText = false;
    const toPage = favouriteStamps.flatMap((stamp) => {
      const text = String(Math.round(stamp * 1e6));
      const event = app.pageEvents.find((e) => e.at >= stamp && e.text?.includes(text));
      return event ? [event.at - stamp] : [];
    });
    return [
      {
        key: 'latency.p50Ms',
        value: percentile(toStore, 50),
        unit: 'ms',
        samples: toStore.length,
        note: 'to the store',
      },
      {
        key: 'latency.p99Ms',
        value: percentile(toStore, 99),
        unit: 'ms',
        samples: toStore.length,
        note: 'to the store',
      },
      {
        key: 'latency.trayP50Ms',
        value: percentile(toTray, 50),
        unit: 'ms',
        samples: toTray.length,
        note: 'a favourite, to the tray menu',
      },
      {
        key: 'latency.trayP99Ms',
        value: percentile(toTray, 99),
        unit: 'ms',
        samples: toTray.length,
        note: 'a favourite, to the tray menu',
      },
      {
        key: 'latency.pageEventP50Ms',
        value: percentile(toPage, 50),
        unit: 'ms',
        samples: toPage.length,
        note: 'a favourite, to its page event',
      },
      {
        key: 'latency.pageEventP99Ms',
        value: percentile(toPage, 99),
        unit: 'ms',
        samples: toPage.length,
        note: 'a favourite, to its page event',
      },
    ];
  } finally {
    app.dispose();
    await sim.close();
  }
}
