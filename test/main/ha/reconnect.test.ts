import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionSupervisor } from '../../../src/main/ha/connection-supervisor';
import { normaliseInstanceUrl } from '../../../src/shared/instance-url';
import { FakeClock } from '../../support/fake-clock';
import { FakeHaServer } from '../../support/fake-ha-server';
import { recordingLogger } from '../../support/test-logger';

const MINUTE = 60_000;
const supervisors: ConnectionSupervisor[] = [];
afterEach(() => supervisors.splice(0).forEach((m) => m.dispose()));

/** A supervisor on a fake clock, connected to a fake server at `address`. */
async function connected(address: string, random: () => number = Math.random) {
  const clock = new FakeClock(Date.parse('2026-12-01T10:00:00Z'));
  const server = new FakeHaServer(clock);
  const supervisor = new ConnectionSupervisor({
    logger: recordingLogger(),
    clock,
    random,
    transport: server.transport,
  });
  supervisors.push(supervisor);
  const instance = normaliseInstanceUrl(address);
  if (!instance.ok) throw new Error(instance.error);
  supervisor.setCredentials({ instance: instance.value, token: 'token' });
  await clock.advanceAsync(100);
  expect(supervisor.getStatus().state).toBe('connected');
  /** Stops the server for `outageMs`; says how long after its return the supervisor was back. */
  const outage = async (outageMs: number) => {
    server.stop();
    await clock.advanceAsync(outageMs);
    server.start();
    const backAt = clock.now();
    while (supervisor.getStatus().state !== 'connected') await clock.advanceAsync(10);
    return clock.now() - backAt;
  };
  return { clock, server, supervisor, outage };
}

describe('reconnecting after Home Assistant comes back (fake clock)', () => {
  it('a local Home Assistant down for 5 minutes: back within a second, with one login', async () => {
    const { server, outage } = await connected('http://192.168.1.10:8123');
    const logins = server.logins;
    const delay = await outage(5 * MINUTE);
    expect(delay).toBeLessThan(1000);
    expect(server.logins - logins).toBe(1);
    // It looked often (greetings only, no token sent), and logged in only once the server answered.
    expect(server.livenessChecks).toBeGreaterThan(500);
  });

  it('an outage past 10 minutes backs off, never waiting longer than the library (5 s)', async () => {
    const { server, outage } = await connected('http://homeassistant.local:8123', () => 1);
    const checksBefore = server.livenessChecks;
    const delay = await outage(65 * MINUTE);
    expect(delay).toBeLessThanOrEqual(5000);
    // 10 quick minutes (at most 4 looks a second), then one look every 5 s for 55 minutes.
    expect(server.livenessChecks - checksBefore).toBeLessThan(10 * 60 * 4 + 55 * 12 + 10);
    expect(server.logins).toBe(2);
  });

  it('a remote address (Nabu Casa) is not looked at several times a second', async () => {
    const { server, outage } = await connected('https://abcd.ui.nabu.casa', () => 1);
    const delay = await outage(2 * MINUTE);
    expect(delay).toBeLessThanOrEqual(5000);
    // Backoff 1, 2, 4, then every 5 s: about 26 looks in two minutes.
    expect(server.livenessChecks).toBeLessThan(30);
  });

  it('every recovery of many short outages costs one login', async () => {
    const { server, outage } = await connected('http://127.0.0.1:8123');
    for (const seconds of [2, 7, 17, 24, 64]) {
      const logins = server.logins;
      expect(await outage(seconds * 1000)).toBeLessThan(1000);
      expect(server.logins - logins).toBe(1);
    }
  });

  it('wake() after sleep looks at once, not after the backoff', async () => {
    const { clock, server, supervisor } = await connected('https://abcd.ui.nabu.casa', () => 1);
    server.stop();
    await clock.advanceAsync(10 * MINUTE);
    server.start();
    supervisor.wake();
    await clock.advanceAsync(50);
    expect(supervisor.getStatus().state).toBe('connected');
  });
});
