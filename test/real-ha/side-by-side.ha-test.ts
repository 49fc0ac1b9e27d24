import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RealHa } from './harness';
import { startHomeAndCabin } from './home-and-cabin';
import { besideRelease, selectedRelease } from './releases';

const release = selectedRelease();
const beside = besideRelease();
let home: RealHa;
let cabin: RealHa;

beforeAll(async () => {
  ({ home, cabin } = await startHomeAndCabin());
}, 240_000);
afterAll(async () => {
  await Promise.all([home?.destroy(), cabin?.destroy()]);
}, 120_000);

/** GET /api/config with a token: its status, and the body when Home Assistant accepted it. */
async function config(ha: RealHa, token: string) {
  const res = await fetch(`${ha.url}/api/config`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const body = res.ok
    ? ((await res.json()) as { location_name: string; version: string; state: string })
    : null;
  return { status: res.status, body };
}

describe(`Two real Home Assistants at once: ${release.version} and ${beside.version}`, () => {
  it('each answers on its own port, under its own location name and release', async () => {
    expect(home.port).not.toBe(cabin.port);
    expect(home.configDir).not.toBe(cabin.configDir);
    const [a, b] = await Promise.all([config(home, home.token), config(cabin, cabin.token)]);
    expect(a).toMatchObject({
      status: 200,
      body: { location_name: 'Home', version: release.version, state: 'RUNNING' },
    });
    expect(b).toMatchObject({
      status: 200,
      body: { location_name: 'Cabin', version: beside.version, state: 'RUNNING' },
    });
  });

  it('tokens are per Home Assistant: each refuses the other’s', async () => {
    expect(home.token).not.toBe(cabin.token);
    const [a, b] = await Promise.all([config(home, cabin.token), config(cabin, home.token)]);
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
  });

  it('one stopped, the other still answers', async () => {
    await cabin.stop();
    await expect(config(cabin, cabin.token)).rejects.toThrow();
    expect((await config(home, home.token)).body?.location_name).toBe('Home');
  });
});
