// A simulator in its own process, so that the bench process measures only HA Tray's own CPU.
// Started by sim-process.ts; speaks JSON lines: it prints {url, token, ids} once ready, then
// runs each command read from stdin (a load, or a fault: a restart, a malformed frame) and prints
// {done: true} when it is over.
import { createInterface } from 'node:readline';
import { startSimulator, type HaSimulator } from '../../ha-sim';

interface LoadCommand {
  /** Entities that change, in turn. */
  ids: string[];
  perSecond: number;
  durationMs: number;
  /** Each state is the send time (process.hrtime, one clock for every process on the machine). */
  stamp?: boolean;
  /** Also change this entity once every `everyMs`, after a quiet gap of the load. */
  quietFavourite?: { id: string; everyMs: number };
}

/** What a misbehaving Home Assistant does to its clients. */
interface FaultCommand {
  fault: 'restart' | 'malformed';
}

let sim: HaSimulator;
let counter = 0;
const value = (stamp: boolean | undefined) =>
  stamp ? String(process.hrtime.bigint()) : String((counter++ % 500) / 10);

function runLoad(command: LoadCommand): Promise<void> {
  const start = performance.now();
  let sent = 0;
  let nextFavourite = command.quietFavourite?.everyMs ?? Infinity;
  return new Promise((resolve) => {
    const tick = () => {
      const elapsed = performance.now() - start;
      if (elapsed >= command.durationMs) return resolve();
      const due = Math.floor((elapsed / 1000) * command.perSecond);
      if (command.quietFavourite && elapsed >= nextFavourite) {
        nextFavourite += command.quietFavourite.everyMs;
        sim.setState(command.quietFavourite.id, value(true));
      } else {
        // Changes that fall due together go out in one tick, as HA coalesces its frames.
        for (; sent < due; sent++)
          sim.setState(command.ids[sent % command.ids.length]!, value(command.stamp));
      }
      setTimeout(tick, 1);
    };
    tick();
  });
}

async function main(): Promise<void> {
  sim = await startSimulator({ home: { scale: Number(process.argv[2] ?? 2000) } });
  console.log(
    JSON.stringify({
      url: sim.url,
      token: sim.token,
      ids: sim.states().map((s) => s.entity_id),
    }),
  );
  for await (const line of createInterface({ input: process.stdin })) {
    if (!line.trim()) continue;
    const command = JSON.parse(line) as LoadCommand | FaultCommand;
    if (!('fault' in command)) await runLoad(command);
    else if (command.fault === 'restart') await sim.restart({ downMs: 1 });
    else sim.sendMalformedFrame();
    console.log(JSON.stringify({ done: true }));
  }
  await sim.close();
}

void main();
