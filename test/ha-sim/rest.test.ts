import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RawClient } from '../support/raw-ws-client';
import { startSimulator, type HaSimulator } from './index';

let sim: HaSimulator;
const get = (path: string, token?: string, init: RequestInit = {}) =>
  fetch(`${sim.url}${path}`, {
    ...init,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) },
  });

afterEach(async () => {
  await sim.close();
});

describe('REST API', () => {
  beforeEach(async () => {
    sim = await startSimulator();
  });

  it('answers /api/ and /api/config with a valid token', async () => {
    const res = await get('/api/', sim.token);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ message: 'API running.' });
    expect(await (await get('/api/config', sim.token)).json()).toMatchObject({
      version: '2024.1.6',
      location_name: 'Home',
      state: 'RUNNING',
    });
  });

  it('gives 401 for a missing, wrong or not exactly "Bearer" token', async () => {
    expect((await get('/api/')).status).toBe(401);
    expect((await get('/api/', 'nope')).status).toBe(401);
    const lower = await fetch(`${sim.url}/api/`, {
      headers: { Authorization: `bearer ${sim.token}` },
    });
    expect(lower.status).toBe(401);
    expect(await lower.text()).toBe('401: Unauthorized');
  });

  it('serves states, 404 for unknown entities, and runs services', async () => {
    const states = (await (await get('/api/states', sim.token)).json()) as unknown[];
    expect(states.length).toBe(sim.states().length);
    const missing = await get('/api/states/light.nowhere', sim.token);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ message: 'Entity not found.' });
    const res = await get('/api/services/lock/unlock', sim.token, {
      method: 'POST',
      body: JSON.stringify({ entity_id: 'lock.front_door' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([
      expect.objectContaining({ entity_id: 'lock.front_door', state: 'unlocked' }),
    ]);
  });

  it('serves an HTML page outside /api, as the frontend does', async () => {
    const res = await get('/');
    expect(res.headers.get('content-type')).toContain('text/html');
  });
});

describe('IP ban', () => {
  beforeEach(async () => {
    sim = await startSimulator({ banThreshold: 2 });
  });

  it('bans after N failed logins: 403 on REST and on the WebSocket upgrade, until unbanned', async () => {
    expect((await get('/api/', 'bad-1')).status).toBe(401);
    const ws = await RawClient.connect(sim.url);
    expect((await ws.auth('bad-2')).type).toBe('auth_invalid');
    expect(sim.bannedIps.has('127.0.0.1')).toBe(true);
    const banned = await get('/api/', sim.token);
    expect(banned.status).toBe(403);
    expect(await banned.text()).toBe('403: Forbidden');
    await expect(RawClient.connect(sim.url)).rejects.toThrow('HTTP 403');
    sim.unban();
    expect((await get('/api/', sim.token)).status).toBe(200);
  });
});
