import { monitorEventLoopDelay } from 'node:perf_hooks';
import { BenchApp, frameMark, framesSince, settle } from './support/bench-app';
import { cpuMsOf, jsonParseMs, type Figure } from './support/figures';
import { SimProcess } from './support/sim-process';

const CHANGES_PER_SECOND = 2000;
const LOAD_MS = 5000;

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const heapUsed = (): number => (gc(), process.memoryUsage().heapUsed);

/**
 * A snapshot of `entities` through the real socket, library, store and every consumer: its CPU
 * cost against JSON.parse of the same frames, the longest event-loop block, and (for the first
 * size) the heap it retains and the cost of change events.
 */
async function ingestHome(entities: number, withChanges: boolean): Promise<Figure[]> {
  const sim = await SimProcess.start(entities);
  const app = new BenchApp();
  const figures: Figure[] = [];
  try {
    app.configure(sim.ids.slice(0, 10), sim.ids.slice(10, 20));
    const heapBefore = heapUsed();
    const blocks = monitorEventLoopDelay({ resolution: 1 });
    const mark = frameMark();
    blocks.enable();
    const snapshotMs = await cpuMsOf(() => app.connect(sim.url, sim.token, entities));
    await settle();
    blocks.disable();
    const frames = framesSince(mark);
    const snapshotBytes = frames.reduce((sum, f) => sum + Buffer.byteLength(f), 0);
    figures.push(
      {
        key: `ingest.snapshotCostVsJsonParse.${entities}`,
        value: snapshotMs / jsonParseMs(frames),
        unit: 'x',
        samples: 1,
        note: `${(snapshotBytes / 1e6).toFixed(1)} MB of frames, ${snapshotMs.toFixed(0)} ms CPU`,
      },
      {
        key: `ingest.longestBlockMs.${entities}`,
        value: blocks.max / 1e6,
        unit: 'ms',
        samples: blocks.count,
      },
    );
    if (!withChanges) return figures;
    figures.push({
      key: 'ingest.heapVsSnapshotJson',
      value: (heapUsed() - heapBefore) / snapshotBytes,
      unit: 'x',
      samples: 1,
      note: gc === undefined ? 'no --expose-gc' : `${entities} entities`,
    });
    const changes = (CHANGES_PER_SECOND * LOAD_MS) / 1000;
    const loadMark = frameMark();
    const loadMs = await cpuMsOf(async () => {
      await sim.load({ ids: sim.ids, perSecond: CHANGES_PER_SECOND, durationMs: LOAD_MS });
      await settle();
    });
    const loadFrames = framesSince(loadMark);
    figures.push(
      {
        key: 'ingest.eventsPerSec',
        value: changes / (loadMs / 1000),
        unit: '/s CPU',
        samples: changes,
        note: `${loadFrames.length} frames`,
      },
      {
        key: 'ingest.costVsJsonParse',
        value: loadMs / jsonParseMs(loadFrames),
        unit: 'x',
        samples: changes,
      },
    );
    return figures;
  } finally {
    app.dispose();
    await sim.close();
  }
}

export async function ingestBench(): Promise<Figure[]> {
  return [...(await ingestHome(10_000, true)), ...(await ingestHome(30_000, false))];
}
