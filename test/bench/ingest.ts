import { monitorEventLoopDelay } from 'node:perf_hooks';
import {
  BenchApp,
  frameMark,
  framesSince,
  handlerMs,
  longestHandlerCpuMs,
  settle,
} from './support/bench-app';
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
    longestHandlerCpuMs();
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
        note: 'event-loop delay: includes time other processes took the CPU',
      },
      {
        key: `ingest.longestFrameCpuMs.${entities}`,
        value: longestHandlerCpuMs(),
        unit: 'ms',
        samples: frames.length,
        note: 'CPU of the costliest frame handler (the snapshot)',
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
    const handlerBefore = handlerMs();
    const processMs = await cpuMsOf(async () => {
      await sim.load({ ids: sim.ids, perSecond: CHANGES_PER_SECOND, durationMs: LOAD_MS });
      await settle();
    });
    const inHandlers = handlerMs() - handlerBefore;
    const loadFrames = framesSince(loadMark);
    const floorMs = jsonParseMs(loadFrames);
    figures.push(
      {
        key: 'ingest.eventsPerSec',
        value: changes / (inHandlers / 1000),
        unit: '/s',
        samples: changes,
        note: `${loadFrames.length} frames`,
      },
      {
        key: 'ingest.costVsJsonParse',
        value: inHandlers / floorMs,
        unit: 'x',
        samples: changes,
        note: 'time in the socket handler and all it runs',
      },
      {
        key: 'ingest.processCostVsJsonParse',
        value: processMs / floorMs,
        unit: 'x',
        samples: changes,
        note: 'all CPU of the process: ws, timers, GC threads',
      },
    );
    return figures;
  } finally {
    app.dispose();
    await sim.close();
  }
}

/** First connections pay for loading and compiling code: not part of any figure. */
async function warmUp(): Promise<void> {
  const sim = await SimProcess.start(500);
  const app = new BenchApp();
  try {
    await app.connect(sim.url, sim.token, 500);
    await sim.load({ ids: sim.ids, perSecond: 1000, durationMs: 500 });
  } finally {
    app.dispose();
    await sim.close();
  }
}

export async function ingestBench(): Promise<Figure[]> {
  await warmUp();
  return [...(await ingestHome(10_000, true)), ...(await ingestHome(30_000, false))];
}
