import { describe, expect, it } from 'vitest';
import { RawClient } from '../support/raw-ws-client';
import { bearer, useSimulator } from './test-helpers';

const { start, connect, login } = useSimulator();

const restStatus = async (url: string, token: string) =>
  (await fetch(`${url}/api/`, bearer(token))).status;

describe('IP ban (login_attempts_threshold)', () => {
  it('bans after N failed logins: then 403 for every REST request and the WebSocket upgrade', async () => {
    const sim = await start({ banThreshold: 3 });
    expect(await restStatus(sim.url, 'wrong')).toBe(401);
    expect((await (await connect(sim)).auth('wrong')).type).toBe('auth_invalid');
    expect(sim.bannedIps.size).toBe(0);
    expect(await restStatus(sim.url, 'wrong')).toBe(401);
    expect([...sim.bannedIps]).toEqual(['127.0.0.1']);

    const res = await fetch(`${sim.url}/api/`, bearer(sim.token));
    expect([res.status, await res.text()]).toEqual([403, '403: Forbidden']);
    const upgrades = sim.stats.upgradeRequests;
    await expect(RawClient.connect(sim.url)).rejects.toThrow('HTTP 403');
    expect(sim.stats.upgradeRequests).toBe(upgrades + 1);
    expect(sim.stats.connectionsOpened).toBe(1);
  });

  it('counts a request without any token too, as every 401 does', async () => {
    const sim = await start({ banThreshold: 1 });
    await fetch(`${sim.url}/api/`);
    expect(sim.bannedIps.size).toBe(1);
  });

  it('resets the count on a successful WebSocket login', async () => {
    const sim = await start({ banThreshold: 2 });
    await restStatus(sim.url, 'wrong');
    await login(sim);
    await restStatus(sim.url, 'wrong');
    expect(sim.bannedIps.size).toBe(0);
  });

  it('never bans without a threshold, and unban() lifts a ban', async () => {
    const lenient = await start();
    for (let i = 0; i < 5; i++) await restStatus(lenient.url, 'wrong');
    expect(lenient.bannedIps.size).toBe(0);

    const strict = await start({ banThreshold: 1 });
    await restStatus(strict.url, 'wrong');
    expect(await restStatus(strict.url, strict.token)).toBe(403);
    strict.unban();
    expect(await restStatus(strict.url, strict.token)).toBe(200);
  });
});
