import { hrMs } from './support/bench-app';
import type { Figure } from './support/figures';
import { startSimulator } from '../ha-sim';
import { RawClient } from '../support/raw-ws-client';

const ENTITIES = 2000;
const CHANGES_PER_SECOND = 5;
const SECONDS = 60;
const POLL_EVERY_S = 15;

/**
 * REST polling of /api/states every 15 s (what several tray apps do) against our stream, over
 * 60 s of steady state with 2,000 entities and 5 changes a second. Bytes are the real frames and
 * responses of the simulator; the 60 s are simulated (one tick per second), the stream's delay is
 * measured, and a poll's staleness is the wait from each change to the next poll.
 */
export async function pollingBench(): Promise<Figure[]> {
  const sim = await startSimulator({ home: { scale: ENTITIES } });
  const client = await RawClient.authenticated(sim.url, sim.token);
  try {
    await client.command({ type: 'supported_features', features: { coalesce_messages: 1 } });
    await client.subscribe({ type: 'subscribe_entities' });
    while (client.messages.filter((m) => m.type === 'event').length === 0)
      await new Promise((resolve) => setTimeout(resolve, 5));
    const ids = sim.states().map((s) => s.entity_id);
    const firstFrame = client.frames.length;
    const delays: number[] = [];
    for (let second = 0; second < SECONDS; second++) {
      const sent = hrMs();
      const before = client.frames.length;
      for (let i = 0; i < CHANGES_PER_SECOND; i++)
        sim.setState(ids[(second * CHANGES_PER_SECOND + i) % ids.length]!, `${second}.${i}`);
      while (client.frames.length === before) await new Promise((resolve) => setImmediate(resolve));
      delays.push(hrMs() - sent);
    }
    // The app's keep-alive: a ping and its pong every 30 s.
    const pings =
      (SECONDS / 30) * (`{"id":99,"type":"ping"}`.length + `{"id":99,"type":"pong"}`.length);
    const streamBytes =
      client.frames.slice(firstFrame).reduce((sum, f) => sum + Buffer.byteLength(f), 0) + pings;

    const polls = SECONDS / POLL_EVERY_S;
    let pollBytes = 0;
    for (let i = 0; i < polls; i++) {
      const reply = await fetch(`${sim.url}/api/states`, {
        headers: { Authorization: `Bearer ${sim.token}` },
      });
      pollBytes += (await reply.arrayBuffer()).byteLength;
    }
    // Changes spread evenly over each second wait for the next poll.
    let pollStaleness = 0;
    for (let second = 0; second < SECONDS; second++)
      for (let i = 0; i < CHANGES_PER_SECOND; i++) {
        const at = second + (i + 0.5) / CHANGES_PER_SECOND;
        pollStaleness += (Math.floor(at / POLL_EVERY_S) + 1) * POLL_EVERY_S - at;
      }
    const changes = SECONDS * CHANGES_PER_SECOND;
    const streamStalenessMs = delays.reduce((a, b) => a + b, 0) / delays.length;
    return [
      {
        key: 'polling.bytesRatio',
        value: pollBytes / streamBytes,
        unit: 'x',
        samples: polls,
        note: `${(pollBytes / 1e6).toFixed(1)} MB polled vs ${(streamBytes / 1e3).toFixed(0)} kB streamed`,
      },
      {
        key: 'polling.stalenessRatio',
        value: ((pollStaleness / changes) * 1000) / streamStalenessMs,
        unit: 'x',
        samples: changes,
        note: `${(pollStaleness / changes).toFixed(1)} s vs ${streamStalenessMs.toFixed(2)} ms`,
      },
    ];
  } finally {
    client.socket.close();
    await sim.close();
  }
}
