import { createConnection, type Connection } from 'home-assistant-js-websocket';
import { ConnectionSupervisor } from '../../src/main/ha/connection-supervisor';
import { openHaSocket } from '../../src/main/ha/ha-socket';
import { normaliseInstanceUrl, type InstanceUrl } from '../../src/shared/instance-url';
import { startSimulator, type HaSimulator } from '../ha-sim';
import { FakeClock } from '../support/fake-clock';
import { FakeHaServer } from '../support/fake-ha-server';
import { recordingLogger } from '../support/test-logger';
import { libraryDefaultReconnectDelay } from './library-default-reconnect';
import { percentile, type BenchModule, type Figure } from './support/figures';

/** Outages short enough to wait for on real sockets against the simulator. */
const REAL_OUTAGES_S = [2, 10];
/** Longer ones on a fake clock, against a fake server that answers in `FAKE_LATENCY_MS`. */
const FAKE_OUTAGES_S = [30, 60, 120, 300];
const SAMPLES = 20;
/** Real outages run in rounds, each ending at its own moment, so the library's fixed schedule is not measured at one lucky phase. */
const ROUNDS = 4;
const FAKE_LATENCY_MS = 5;
/** Each outage ends at a random moment within this window after its nominal length. */
const PHASE_WINDOW_MS = 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function instanceOf(url: string): InstanceUrl {
  const instance = normaliseInstanceUrl(url);
  if (!instance.ok) throw new Error(instance.error);
  return instance.value;
}

/** Resolves with the time (performance.now) of the first `true` from `connected` after now. */
function whenConnected(subscribe: (done: () => void) => void): Promise<number> {
  return new Promise((resolve) => subscribe(() => resolve(performance.now())));
}

/** The app's supervisor and the library's default loop, side by side through one real outage. */
async function realOutage(sim: HaSimulator, outageMs: number, clients: number) {
  const instance = instanceOf(sim.url);
  const supervisors = Array.from(
    { length: clients },
    () => new ConnectionSupervisor({ logger: recordingLogger() }),
  );
  const libraries: Connection[] = [];
  try {
    await Promise.all(
      supervisors.map((supervisor) => {
        const up = new Promise<void>((resolve) =>
          supervisor.onStatus((s) => s.state === 'connected' && resolve()),
        );
        supervisor.setCredentials({ instance, token: sim.token });
        return up;
      }),
    );
    for (let i = 0; i < clients; i++)
      libraries.push(
        await createConnection({
          createSocket: () =>
            openHaSocket({ wsUrl: instance.wsUrl, token: sim.token, timeoutMs: 10_000 }),
        }),
      );
    const ours = supervisors.map((supervisor) =>
      whenConnected((done) => {
        let dropped = false;
        supervisor.onStatus((s) => {
          if (s.state !== 'connected') dropped = true;
          else if (dropped) done();
        });
      }),
    );
    const theirs = libraries.map((conn) =>
      whenConnected((done) => conn.addEventListener('ready', done)),
    );
    await sim.stop();
    await sleep(outageMs);
    await sim.start();
    const backAt = performance.now();
    const delays = async (times: Promise<number>[]) =>
      (await Promise.all(times)).map((t) => Math.max(0, t - backAt));
    return { ours: await delays(ours), library: await delays(theirs) };
  } finally {
    await Promise.all(supervisors.map((supervisor) => supervisor.dispose()));
    libraries.forEach((conn) => conn.close());
  }
}

/** One supervisor on a fake clock through one outage; the delay after the server is back. */
async function fakeOutage(outageMs: number): Promise<number> {
  const clock = new FakeClock(Date.parse('2026-12-01T10:00:00Z'));
  const server = new FakeHaServer(clock, FAKE_LATENCY_MS);
  const supervisor = new ConnectionSupervisor({
    logger: recordingLogger(),
    clock,
    transport: server.transport,
  });
  try {
    supervisor.setCredentials({ instance: instanceOf('http://127.0.0.1:8123'), token: 'token' });
    await clock.advanceAsync(100);
    server.stop();
    await clock.advanceAsync(outageMs);
    server.start();
    const backAt = clock.now();
    while (supervisor.getStatus().state !== 'connected') await clock.advanceAsync(1);
    return clock.now() - backAt;
  } finally {
    await supervisor.dispose();
  }
}

function figures(name: string, ours: number[], library: number[]): Figure[] {
  const figure = (metric: string, samples: number[], p: number): Figure => ({
    key: `reconnect.${name}.${metric}`,
    value: Math.round(percentile(samples, p)),
    unit: 'ms',
    samples: samples.length,
  });
  return [
    figure('p50Ms', ours, 50),
    figure('p95Ms', ours, 95),
    figure('libraryDefaultP95Ms', library, 95),
  ];
}

/**
 * How long after Home Assistant is back the app is connected again, per outage length, next to
 * home-assistant-js-websocket's default loop: real sockets against the simulator for short
 * outages, a fake clock for long ones.
 */
export const reconnectBench: BenchModule = async () => {
  const results: Figure[] = [];
  const sim = await startSimulator();
  try {
    for (const seconds of REAL_OUTAGES_S) {
      const ours: number[] = [];
      const library: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const outage = seconds * 1000 + Math.random() * PHASE_WINDOW_MS;
        const delays = await realOutage(sim, outage, SAMPLES / ROUNDS);
        ours.push(...delays.ours);
        library.push(...delays.library);
      }
      results.push(...figures(`outage${seconds}s`, ours, library));
    }
  } finally {
    await sim.close();
  }
  for (const seconds of FAKE_OUTAGES_S) {
    const outages = Array.from(
      { length: SAMPLES },
      () => seconds * 1000 + Math.random() * PHASE_WINDOW_MS,
    );
    const ours: number[] = [];
    for (const outage of outages) ours.push(await fakeOutage(outage));
    const library = outages.map((outage) =>
      libraryDefaultReconnectDelay(outage, FAKE_LATENCY_MS, 2 * FAKE_LATENCY_MS),
    );
    results.push(...figures(`outage${seconds}s`, ours, library));
  }
  return results;
};
