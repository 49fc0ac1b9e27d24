// One scenario of the several-instances bench (test/bench/instances.ts) in a process of its own,
// so that its heap and RSS are its own: `cost <instances> <entities>`, or `delay <entities of the
// faulty one> open|closed` (the entity list, see connectedApp). Prints one JSON line of results.
import { mkdtempSync, rmSync } from 'node:fs';
import './electron-alias';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createAppServices, type AppServices } from '../../../src/main/app-services';
import type { InstanceServices } from '../../../src/main/instances/instance-services';
import { requestChannel } from '../../../src/shared/ipc/define';
import { testPlatform } from '../../support/app-platform';
import { nextSnapshot } from '../../support/supervised-store';
import { waitFor } from '../../support/wait-for';
import { benchChoices } from './bench-home';
import { cpuMsOf, percentile } from './figures';
import { SimProcess } from './sim-process';

const SETTINGS_PAGE = { url: 'ha-tray://app/settings.html', isMainFrame: true };
const hrMs = () => Number(process.hrtime.bigint()) / 1e6;
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const gc = () => (globalThis as { gc?: () => void }).gc?.();

/** The app with one instance per simulator, each with 10 favourites and 10 rules, all connected. */
async function connectedApp(
  sims: SimProcess[],
  dir: string,
  { listOpen }: { listOpen: boolean },
): Promise<AppServices> {
  const app = createAppServices(testPlatform(dir));
  await app.start();
  // Open: the whole home subscribed, as in the other figures (test/bench/support/bench-app.ts).
  // Closed: only what the app watches, as every day while no settings page lists all entities.
  await app.table.handle(requestChannel('setEntityListOpen'), SETTINGS_PAGE, [listOpen]);
  for (const [index, sim] of sims.entries()) {
    const instance = index === 0 ? app.instances.list()[0]! : app.instances.add();
    instance.settings.update(benchChoices(sim.ids.slice(0, 10), sim.ids.slice(10, 20)));
    await instance.vault.save(sim.token);
    instance.settings.setOrigin(sim.url);
    instance.setup.connectIfReady();
  }
  const instances = app.instances.list();
  await waitFor(
    () =>
      instances.every((instance, i) =>
        listOpen ? instance.store.size === sims[i]!.ids.length : instance.entities.hasSnapshot(),
      ),
    'every snapshot',
    120_000,
  );
  return app;
}

/** CPU, heap and RSS of the app following `count` homes of `entities` each, `perSecond` changes in all. */
async function cost(count: number, entities: number): Promise<Record<string, number>> {
  const perSecond = 30;
  const loadMs = 10_000;
  const sims = await Promise.all(Array.from({ length: count }, () => SimProcess.start(entities)));
  const dir = mkdtempSync(join(tmpdir(), 'ha-tray-bench-instances-'));
  const app = await connectedApp(sims, dir, { listOpen: true });
  try {
    await settle(2000);
    gc();
    const cpuMs = await cpuMsOf(() =>
      Promise.all(
        sims.map((sim) =>
          sim.load({ ids: sim.ids.slice(20), perSecond: perSecond / count, durationMs: loadMs }),
        ),
      ).then(() => undefined),
    );
    await settle(500);
    gc();
    const memory = process.memoryUsage();
    return {
      cpuPercent: (cpuMs / loadMs) * 100,
      heapMb: memory.heapUsed / 2 ** 20,
      rssMb: memory.rss / 2 ** 20,
      seconds: loadMs / 1000,
    };
  } finally {
    await app.dispose();
    await Promise.all(sims.map((sim) => sim.close()));
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * How late a healthy instance's changes arrive while another instance restarts over and over
 * with a home of `faultyEntities` (each reconnect a full snapshot) and sends malformed frames,
 * against the same load with the other instance quiet.
 */
async function delay(faultyEntities: number, listOpen: boolean): Promise<Record<string, number>> {
  const healthy = await SimProcess.start(2000);
  const faulty = await SimProcess.start(faultyEntities);
  const dir = mkdtempSync(join(tmpdir(), 'ha-tray-bench-instances-'));
  const app = await connectedApp([healthy, faulty], dir, { listOpen });
  const [home, other] = app.instances.list() as [InstanceServices, InstanceServices];
  const latencies: number[] = [];
  home.store.onUpdate(({ changes }) => {
    const now = hrMs();
    for (const change of changes)
      if (change.state) latencies.push(now - Number(change.state.state) / 1e6);
  });
  const stampedLoad = () =>
    // The favourites and the rules' entities: watched whether or not every entity is listed.
    healthy.load({ ids: healthy.ids.slice(0, 20), perSecond: 50, durationMs: 10_000, stamp: true });
  try {
    await settle(2000);
    await stampedLoad();
    const quiet = latencies.splice(0);
    let faulting = true;
    const faults = (async () => {
      while (faulting) {
        await faulty.fault('malformed');
        const again = nextSnapshot(other.entities);
        await faulty.fault('restart');
        await again;
      }
    })();
    const loop = monitorEventLoopDelay({ resolution: 1 });
    loop.enable();
    await stampedLoad();
    loop.disable();
    faulting = false;
    await faults;
    const troubled = latencies.splice(0);
    return {
      quietP50Ms: percentile(quiet, 50),
      quietP99Ms: percentile(quiet, 99),
      troubledP50Ms: percentile(troubled, 50),
      troubledP99Ms: percentile(troubled, 99),
      troubledMaxMs: Math.max(...troubled),
      troubledLoopMaxMs: loop.max / 1e6,
      addedP99Ms: percentile(troubled, 99) - percentile(quiet, 99),
      samples: troubled.length,
      quietSamples: quiet.length,
    };
  } finally {
    await app.dispose();
    await healthy.close();
    await faulty.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const [scenario, count, entities] = process.argv.slice(2);
  const result =
    scenario === 'delay'
      ? await delay(Number(count), entities === 'open')
      : await cost(Number(count), Number(entities));
  console.log(JSON.stringify(result));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
