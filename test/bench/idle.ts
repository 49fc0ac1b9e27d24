import { BenchApp, settle } from './support/bench-app';
import { cpuMsOf, type Figure } from './support/figures';
import { SimProcess } from './support/sim-process';

const ENTITIES = 2000;
const IDLE_MS = 10_000;

/** The main process's CPU while connected to a 2,000-entity home with one change a second. */
export async function idleBench(): Promise<Figure[]> {
  const sim = await SimProcess.start(ENTITIES);
  const app = new BenchApp();
  try {
    app.configure(sim.ids.slice(0, 10), sim.ids.slice(10, 20));
    await app.connect(sim.url, sim.token, ENTITIES);
    await settle(2000);
    app.resetCounts();
    const cpuMs = await cpuMsOf(() =>
      sim.load({ ids: sim.ids.slice(20), perSecond: 1, durationMs: IDLE_MS }),
    );
    const bytes = app.pageEvents.reduce((sum, e) => sum + e.bytes, 0);
    return [
      {
        key: 'idle.cpuPercent',
        value: (cpuMs / IDLE_MS) * 100,
        unit: '%',
        samples: IDLE_MS / 1000,
        note: 'seconds',
      },
      {
        key: 'idle.pageEventBytesPerSec',
        value: bytes / (IDLE_MS / 1000),
        unit: 'B/s',
        samples: app.pageEvents.length,
        note: 'page events',
      },
    ];
  } finally {
    app.dispose();
    await sim.close();
  }
}
