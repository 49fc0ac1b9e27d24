import { describe, expect, it } from 'vitest';
import { bearer, useSimulator } from './test-helpers';

const { start } = useSimulator();

const post = (token: string, body: string) => ({
  method: 'POST',
  headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
  body,
});

describe('REST API', () => {
  it('GET /api/ says the API runs', async () => {
    const sim = await start();
    const res = await fetch(`${sim.url}/api/`, bearer(sim.token));
    expect([res.status, await res.json()]).toEqual([200, { message: 'API running.' }]);
  });

  it.each([
    ['no header', {}],
    ['a wrong token', { Authorization: 'Bearer wrong' }],
    ['a lower-case scheme', { Authorization: 'bearer TOKEN' }],
    ['two spaces', { Authorization: 'Bearer  TOKEN' }],
  ])('answers 401 "401: Unauthorized" for %s', async (_name, headers: Record<string, string>) => {
    const sim = await start();
    const withToken = Object.fromEntries(
      Object.entries(headers).map(([k, v]) => [k, v.replace('TOKEN', sim.token)]),
    );
    const res = await fetch(`${sim.url}/api/`, { headers: withToken });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('401: Unauthorized');
    expect(sim.stats.authFailures).toBe(1);
  });

  it('GET /api/config and /api/states like get_config and get_states', async () => {
    const sim = await start();
    const config = await (await fetch(`${sim.url}/api/config`, bearer(sim.token))).json();
    expect(config).toMatchObject({ version: '2024.1.6', location_name: 'Home', state: 'RUNNING' });
    const states = await (await fetch(`${sim.url}/api/states`, bearer(sim.token))).json();
    expect(states).toEqual(sim.states());
  });

  it('GET /api/states/<id>: the state, or 404 "Entity not found."', async () => {
    const sim = await start();
    expect(
      await (await fetch(`${sim.url}/api/states/lock.front_door`, bearer(sim.token))).json(),
    ).toEqual(sim.getState('lock.front_door'));
    const missing = await fetch(`${sim.url}/api/states/lock.nowhere`, bearer(sim.token));
    expect([missing.status, await missing.json()]).toEqual([404, { message: 'Entity not found.' }]);
  });

  it('POST /api/services/<d>/<s> runs the service and lists the states it changed', async () => {
    const sim = await start();
    const res = await fetch(
      `${sim.url}/api/services/light/turn_off`,
      post(sim.token, '{"entity_id": ["light.kitchen", "light.bedroom"]}'),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([sim.getState('light.kitchen')]);
    expect(sim.getState('light.kitchen')!.context.user_id).toBe(sim.owner.id);
    expect(sim.serviceCalls).toEqual([
      {
        domain: 'light',
        service: 'turn_off',
        service_data: { entity_id: ['light.kitchen', 'light.bedroom'] },
        userId: sim.owner.id,
      },
    ]);
  });

  it('POST /api/services: 400 for bad JSON, an unknown service and invalid data', async () => {
    const sim = await start();
    const badJson = await fetch(`${sim.url}/api/services/light/turn_on`, post(sim.token, '{'));
    expect([badJson.status, await badJson.json()]).toEqual([
      400,
      { message: 'Data should be valid JSON.' },
    ]);
    const unknown = await fetch(`${sim.url}/api/services/light/explode`, post(sim.token, ''));
    expect([unknown.status, await unknown.text()]).toEqual([400, '400: Bad Request']);
    const invalid = await fetch(
      `${sim.url}/api/services/light/turn_on`,
      post(sim.token, '{"brightness_pct": 500}'),
    );
    expect(invalid.status).toBe(400);
    const notADict = await fetch(`${sim.url}/api/services/light/turn_on`, post(sim.token, '[1]'));
    expect(notADict.status).toBe(400);
  });

  it('GET /api/services lists domains and their services', async () => {
    const sim = await start();
    const services = (await (
      await fetch(`${sim.url}/api/services`, bearer(sim.token))
    ).json()) as Array<{
      domain: string;
      services: Record<string, unknown>;
    }>;
    expect(services.find((d) => d.domain === 'lock')?.services).toHaveProperty('unlock');
  });

  it('routes before it authenticates: 404 and 405 need no token', async () => {
    const sim = await start();
    const missing = await fetch(`${sim.url}/api/nothing`);
    expect([missing.status, await missing.text()]).toEqual([404, '404: Not Found']);
    expect((await fetch(`${sim.url}/api/states`, { method: 'DELETE' })).status).toBe(405);
    expect(sim.stats.authFailures).toBe(0);
  });

  it('answers 400 to X-Forwarded-For, as HA does without trusted proxies', async () => {
    const sim = await start();
    const res = await fetch(`${sim.url}/api/`, {
      headers: { ...bearer(sim.token).headers, 'X-Forwarded-For': '10.0.0.1' },
    });
    expect(res.status).toBe(400);
  });

  it('answers 503 while Home Assistant starts', async () => {
    const sim = await start();
    sim.setStarting(true);
    expect((await fetch(`${sim.url}/api/`, bearer(sim.token))).status).toBe(503);
    sim.setStarting(false);
    expect((await fetch(`${sim.url}/api/`, bearer(sim.token))).status).toBe(200);
  });
});
