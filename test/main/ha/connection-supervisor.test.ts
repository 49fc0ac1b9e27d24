import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionSupervisor } from '../../../src/main/ha/connection-supervisor';
import type { EntityStore } from '../../../src/main/ha/entity-store';
import { normaliseInstanceUrl } from '../../../src/shared/instance-url';
import type { ConnectionStatus } from '../../../src/shared/connection-status';
import { startSimulator, type HaSimulator } from '../../ha-sim';
import { tamper } from '../../support/tamper';
import { snapshotIn, supervisedStore } from '../../support/supervised-store';
import { waitFor } from '../../support/wait-for';
import { fastRetry } from '../../support/fast-retry';
import { FakeClock } from '../../support/fake-clock';
import { socketTransport, type HaTransport } from '../../../src/main/ha/ha-transport';

/**
 * The real sockets, counting each login and each look as it starts. The supervisor starts every
 * attempt synchronously (at once or from a timer of its clock), so an unchanged count right after
 * a call, with no retry pending on the fake clock, proves that no attempt came of it: no test
 * waits for a while to see that nothing happens.
 */
function countingTransport() {
  const dials = { logins: 0, looks: 0 };
  const transport: HaTransport = {
    open: (credentials, options) => {
      dials.logins++;
      return socketTransport.open(credentials, options);
    },
    checkLiveness: (instance, timeoutMs, tls) => {
      dials.looks++;
      return socketTransport.checkLiveness(instance, timeoutMs, tls);
    },
  };
  return { dials, transport };
}

/** Retries on a clock that moves only when told: a retry planned is a timer pending on it. */
function stoppedClock() {
  return new FakeClock(Date.now());
}

const sims: HaSimulator[] = [];
const supervisors: ConnectionSupervisor[] = [];

afterEach(async () => {
  supervisors.splice(0).forEach((m) => m.dispose());
  await Promise.all(sims.splice(0).map((s) => s.close()));
});

async function setup(
  simOptions: Parameters<typeof startSimulator>[0] = {},
  supervisorOptions: Partial<ConstructorParameters<typeof ConnectionSupervisor>[0]> = {},
) {
  const sim = await startSimulator(simOptions);
  sims.push(sim);
  const { dials, transport } = countingTransport();
  const { store, logger, supervisor, entities } = supervisedStore({
    retry: fastRetry(5, 20),
    transport,
    ...supervisorOptions,
  });
  supervisors.push(supervisor);
  const statuses: ConnectionStatus[] = [];
  supervisor.onStatus((s) => statuses.push(s));
  const instance = normaliseInstanceUrl(sim.url);
  if (!instance.ok) throw new Error(instance.error);
  const connect = (token = sim.token) =>
    supervisor.setCredentials({ instance: instance.value, token });
  const snapshot = () => snapshotIn(entities);
  const dialled = () => dials.logins + dials.looks;
  return {
    sim,
    store,
    logger,
    supervisor,
    statuses,
    connect,
    snapshot,
    dials,
    dialled,
    instance: instance.value,
  };
}

const storeMatchesServer = (store: EntityStore, sim: HaSimulator) => {
  const mine = Object.fromEntries(store.all().map((s) => [s.entity_id, [s.state, s.attributes]]));
  const theirs = Object.fromEntries(
    sim.states().map((s) => [s.entity_id, [s.state, s.attributes]]),
  );
  return (
    JSON.stringify(Object.entries(mine).sort()) === JSON.stringify(Object.entries(theirs).sort())
  );
};

describe('ConnectionSupervisor against the simulator', () => {
  it('connects, fills the store from the snapshot and follows live changes', async () => {
    const { sim, store, supervisor, statuses, connect } = await setup();
    connect();
    await waitFor(() => store.size === sim.states().length, 'snapshot');
    expect(supervisor.getStatus()).toMatchObject({ state: 'connected', haVersion: '2024.1.6' });
    expect(statuses[0]).toEqual({ state: 'connecting' });
    sim.setState('light.kitchen', 'off');
    await waitFor(() => store.get('light.kitchen')?.state === 'off', 'live change');
  });

  it('token revoked while connected: auth_failed after at most one further auth attempt', async () => {
    const clock = stoppedClock();
    const { sim, supervisor, connect, snapshot, dials, dialled } = await setup({}, { clock });
    connect();
    await snapshot();
    const attemptsBefore = sim.stats.authAttempts;
    sim.revokeToken(sim.token);
    await waitFor(() => supervisor.getStatus().state === 'reconnecting', 'connection dropped');
    const logins = dials.logins;
    await clock.advanceAsync(20);
    await waitFor(() => supervisor.getStatus().state === 'auth_failed', 'auth_failed');
    expect(supervisor.getStatus()).toEqual({
      state: 'auth_failed',
      message: 'Invalid access token or password',
    });
    expect(dials.logins - logins).toBe(1);
    expect(sim.stats.authAttempts - attemptsBefore).toBe(1);
    expect(clock.pendingTimers()).toBe(0);
    // Waking from sleep never tries a rejected token again.
    const before = dialled();
    supervisor.wake();
    expect(dialled()).toBe(before);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('token rejected: "Reconnect now" makes exactly one attempt, then stops again', async () => {
    const clock = stoppedClock();
    const { sim, supervisor, connect, dialled } = await setup({}, { clock });
    connect(tamper(sim.token));
    await waitFor(() => supervisor.getStatus().state === 'auth_failed', 'auth_failed');
    const attempts = sim.stats.authAttempts;
    const before = dialled();
    supervisor.reconnectNow();
    expect(dialled()).toBe(before + 1);
    expect(supervisor.getStatus().state).toBe('connecting');
    await waitFor(() => supervisor.getStatus().state === 'auth_failed', 'auth_failed again');
    expect(sim.stats.authAttempts).toBe(attempts + 1);
    expect(dialled()).toBe(before + 1);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('token rejected: saving the same credentials again (Test + Save) makes one attempt', async () => {
    const { sim, supervisor, instance, dialled } = await setup();
    supervisor.setCredentials({ instance, token: tamper(sim.token) });
    await waitFor(() => supervisor.getStatus().state === 'auth_failed', 'auth_failed');
    const attempts = sim.stats.authAttempts;
    // Without a restart request the same credentials are left alone...
    const before = dialled();
    supervisor.setCredentials({ instance, token: tamper(sim.token) });
    expect(dialled()).toBe(before);
    expect(supervisor.getStatus().state).toBe('auth_failed');
    expect(sim.stats.authAttempts).toBe(attempts);
    // ...with one (Test + Save), exactly one attempt is made.
    supervisor.setCredentials({ instance, token: tamper(sim.token) }, { restart: true });
    await waitFor(() => sim.stats.authAttempts === attempts + 1, 'one attempt');
  });

  it('short outages on real sockets: each recovery logs in once; the looks in between send no token', async () => {
    const clock = stoppedClock();
    const { sim, supervisor, connect, snapshot, dials } = await setup(
      {},
      { retry: undefined, clock },
    );
    connect();
    await snapshot();
    for (let i = 0; i < 3; i++) {
      const { authAttempts } = sim.stats;
      const { logins, looks } = dials;
      await sim.stop();
      await waitFor(() => supervisor.getStatus().state === 'reconnecting', 'lost');
      // Three looks while down, each refused and followed by the next one planned (the quick
      // looks of DEFAULT_RETRY come within 500 ms).
      while (dials.looks < looks + 3) {
        await waitFor(() => clock.pendingTimers() === 1, 'the next look planned');
        await clock.advanceAsync(500);
      }
      await waitFor(() => clock.pendingTimers() === 1, 'the look after them planned');
      expect(dials.logins).toBe(logins);
      await sim.start();
      await clock.advanceAsync(500);
      await waitFor(() => supervisor.getStatus().state === 'connected', 'back');
      expect(sim.stats.authAttempts - authAttempts).toBe(1);
    }
  });

  it('a bad token never retries', async () => {
    const clock = stoppedClock();
    const { sim, supervisor, connect, dialled } = await setup({}, { clock });
    connect(tamper(sim.token));
    await waitFor(() => supervisor.getStatus().state === 'auth_failed', 'auth_failed');
    expect(sim.stats.authAttempts).toBe(1);
    expect(dialled()).toBe(1);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('survives 20 restarts with changes during the downtime: the store equals the server', async () => {
    const { sim, store, supervisor, connect } = await setup();
    connect();
    await waitFor(() => store.size === sim.states().length, 'snapshot');
    for (let i = 0; i < 20; i++) {
      await sim.stop();
      sim.setState('sensor.living_room_temperature', String(20 + i / 10));
      if (i % 3 === 0) sim.setState(`sensor.added_${i}`, String(i), { unit_of_measurement: 'W' });
      if (i % 4 === 0)
        sim.removeEntity(
          sim.states().find((s) => s.entity_id.startsWith('sensor.added_'))?.entity_id ??
            'sensor.none',
        );
      if (i === 5) sim.removeEntity('lock.back_door');
      await sim.start();
      await waitFor(
        () => supervisor.getStatus().state === 'connected' && storeMatchesServer(store, sim),
        `resync after restart ${i + 1}`,
      );
    }
    expect(store.get('lock.back_door')).toBeUndefined();
    expect(store.get('sensor.living_room_temperature')?.state).toBe('21.9');
  });

  it('reports reconnecting with the attempt number and next retry while the server is down', async () => {
    const { sim, supervisor, statuses, connect, snapshot } = await setup(
      {},
      { retry: fastRetry(20, 40) },
    );
    connect();
    await snapshot();
    await sim.stop();
    await waitFor(
      () => statuses.some((s) => s.state === 'reconnecting' && s.attempt >= 2),
      'second attempt',
    );
    const reconnecting = statuses.filter((s) => s.state === 'reconnecting');
    expect(reconnecting[0]).toMatchObject({ attempt: 1, reason: 'The connection was lost' });
    expect(reconnecting[1]).toMatchObject({
      attempt: 2,
      reason: 'Home Assistant refused the connection',
    });
    expect(
      reconnecting[1]!.state === 'reconnecting' && reconnecting[1]!.nextRetryAt,
    ).toBeGreaterThan(0);
    await sim.start();
    await waitFor(() => supervisor.getStatus().state === 'connected', 'reconnected');
  });

  it('detects a half-open socket with its ping and reconnects', async () => {
    // The ping's interval and timeout run on the fake clock: a slow answer on a busy machine
    // cannot pass for a half-open socket, and the test moves time instead of waiting for it.
    const clock = stoppedClock();
    const { sim, supervisor, statuses, connect, snapshot } = await setup({}, { clock });
    connect();
    await snapshot();
    const opened = sim.stats.connectionsOpened;
    sim.setHalfOpen(true);
    await clock.advanceAsync(30_000);
    await clock.advanceAsync(10_000);
    await waitFor(() => statuses.some((s) => s.state === 'reconnecting'), 'half-open detected');
    sim.setHalfOpen(false);
    await clock.advanceAsync(20);
    await waitFor(
      () => supervisor.getStatus().state === 'connected' && sim.stats.connectionsOpened > opened,
      'reconnected',
    );
  });

  it('banned: stops with status banned and makes no more attempts', async () => {
    const clock = stoppedClock();
    const { sim, supervisor, connect, dialled } = await setup({ banThreshold: 1 }, { clock });
    await fetch(`${sim.url}/api/`, { headers: { Authorization: 'Bearer wrong' } });
    connect();
    await waitFor(() => supervisor.getStatus().state === 'banned', 'banned');
    const before = dialled();
    expect(clock.pendingTimers()).toBe(0);
    supervisor.wake();
    expect(dialled()).toBe(before);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('ban still in place: "Reconnect now" makes one attempt, then stops', async () => {
    const clock = stoppedClock();
    const { sim, supervisor, connect, dialled } = await setup({ banThreshold: 1 }, { clock });
    await fetch(`${sim.url}/api/`, { headers: { Authorization: 'Bearer wrong' } });
    connect();
    await waitFor(() => supervisor.getStatus().state === 'banned', 'banned');
    const upgrades = sim.stats.upgradeRequests;
    const before = dialled();
    supervisor.reconnectNow();
    expect(dialled()).toBe(before + 1);
    expect(supervisor.getStatus().state).toBe('connecting');
    await waitFor(() => supervisor.getStatus().state === 'banned', 'banned again');
    expect(sim.stats.upgradeRequests).toBe(upgrades + 1);
    expect(dialled()).toBe(before + 1);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('ban lifted: one click on "Reconnect now" connects', async () => {
    const { sim, supervisor, connect } = await setup({ banThreshold: 1 });
    await fetch(`${sim.url}/api/`, { headers: { Authorization: 'Bearer wrong' } });
    connect();
    await waitFor(() => supervisor.getStatus().state === 'banned', 'banned');
    sim.unban();
    supervisor.reconnectNow();
    await waitFor(() => supervisor.getStatus().state === 'connected', 'connected');
  });

  it('handles coalesced frames', async () => {
    const { sim, supervisor, connect, snapshot } = await setup();
    connect();
    await snapshot();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => supervisor.send<unknown>({ type: 'get_config' })),
    );
    expect(results).toHaveLength(5);
    expect(sim.stats.coalescedFrames).toBeGreaterThan(0);
  });

  it('ignores a frame that is not JSON and stays connected', async () => {
    const { sim, store, supervisor, logger, connect, snapshot } = await setup();
    connect();
    await snapshot();
    sim.sendMalformedFrame();
    await waitFor(() => logger.lines.some((l) => l.includes('not JSON')), 'warning');
    expect(supervisor.getStatus().state).toBe('connected');
    sim.setState('light.kitchen', 'off');
    await waitFor(() => store.get('light.kitchen')?.state === 'off', 'still live');
  });

  it('loads a 10,000-entity snapshot', async () => {
    const { store, connect } = await setup({ home: { scale: 10_000 } });
    connect();
    await waitFor(() => store.size === 10_000, '10,000 entities', 15_000);
    expect(store.get('light.scale_00001')).toMatchObject({
      state: 'on',
      attributes: { brightness: 128 },
    });
  });

  it('reconnectNow skips the backoff wait', async () => {
    const { sim, supervisor, connect, snapshot } = await setup(
      {},
      { retry: fastRetry(60_000, 60_000) },
    );
    connect();
    await snapshot();
    await sim.restart({ downMs: 1 });
    await waitFor(() => supervisor.getStatus().state === 'reconnecting', 'waiting a minute');
    supervisor.reconnectNow();
    await waitFor(() => supervisor.getStatus().state === 'connected', 'reconnected at once');
  });

  it('offline: waits without attempts and reconnects when back online', async () => {
    const clock = stoppedClock();
    const { sim, supervisor, connect, snapshot, dialled } = await setup({}, { clock });
    connect();
    await snapshot();
    supervisor.setOnline(false);
    const before = dialled();
    await sim.restart({ downMs: 1 });
    await waitFor(() => supervisor.getStatus().state === 'offline', 'offline');
    expect(dialled()).toBe(before);
    expect(clock.pendingTimers()).toBe(0);
    supervisor.setOnline(true);
    await waitFor(() => supervisor.getStatus().state === 'connected', 'back online');
  });

  it('switches to a new token without a disconnect, and the old one can then be revoked', async () => {
    const { sim, store, supervisor, statuses, connect, snapshot } = await setup();
    connect();
    await snapshot();
    const since =
      supervisor.getStatus().state === 'connected'
        ? (supervisor.getStatus() as { since: number }).since
        : 0;
    const fresh = sim.createLongLivedToken(sim.owner.id, 'rotated');
    statuses.length = 0;
    await supervisor.switchToken(fresh);
    sim.revokeToken(sim.token);
    sim.setState('light.kitchen', 'off');
    await waitFor(() => store.get('light.kitchen')?.state === 'off', 'live on the new token');
    expect(statuses.every((s) => s.state === 'connected')).toBe(true);
    expect(supervisor.getStatus()).toMatchObject({ state: 'connected', since });
  });

  it('verifies a token on a separate connection and says whose it is', async () => {
    const { sim, supervisor, connect } = await setup();
    connect();
    const guest = sim.createUser('Guest');
    const user = await supervisor.verifyToken(sim.createLongLivedToken(guest.id, 'guest'));
    expect(user).toEqual({ id: guest.id, name: 'Guest', isAdmin: false, haVersion: '2024.1.6' });
    await expect(supervisor.verifyToken('a.b.c')).rejects.toThrow();
  });
});

describe('ConnectionSupervisor.setCredentials', () => {
  it('keeps the live connection when given the same credentials again', async () => {
    const { sim, supervisor, statuses, connect, snapshot } = await setup();
    connect();
    await snapshot();
    const opened = sim.stats.connectionsOpened;
    statuses.length = 0;
    connect();
    expect(statuses).toEqual([]);
    expect(sim.stats.connectionsOpened).toBe(opened);
    expect(supervisor.getStatus().state).toBe('connected');
  });
});
