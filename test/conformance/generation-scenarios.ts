import { describe, expect, it } from 'vitest';
import type { HaGeneration } from '../ha-sim';
import type { Msg } from '../support/raw-ws-client';
import { scenarioClients } from './clients';
import type { ConformanceTarget } from './target';

const NINETY_DAYS_MS = 90 * 86_400_000;

/**
 * What changed between Home Assistant 2024.1 and 2026.2 in the messages the app sends or could
 * send: each scenario is defined for one generation, so both sides of a difference are pinned.
 */
export function generationScenarios(
  target: () => ConformanceTarget,
  generation: HaGeneration,
): void {
  describe(`what ${generation} offers`, () => {
    const { open, stateOf } = scenarioClients(target);
    const newer = generation !== '2024.1';

    it('/auth/providers needs no token: a list in 2024.1, an object in 2026.2', async () => {
      const res = await fetch(`${target().url}/auth/providers`);
      expect(res.status).toBe(200);
      const provider = { name: 'Home Assistant Local', id: null, type: 'homeassistant' };
      expect(await res.json()).toEqual(
        newer ? { providers: [provider], preselect_remember_me: true } : [provider],
      );
    });

    it(`states ${newer ? 'carry' : 'do not carry'} last_reported`, async () => {
      const client = await open();
      const state = await stateOf(client, 'light.kitchen');
      if (newer) expect(state?.last_reported).toEqual(expect.any(String));
      else expect(state).not.toHaveProperty('last_reported');
    });

    it(`get_config's metric unit system ${newer ? 'has' : 'has no'} area unit`, async () => {
      const client = await open();
      const config = (await client.command({ type: 'get_config' })).result;
      expect(config.unit_system).toEqual({
        length: 'km',
        accumulated_precipitation: 'mm',
        ...(newer ? { area: 'm²' } : {}),
        mass: 'g',
        pressure: 'Pa',
        temperature: '°C',
        volume: 'L',
        wind_speed: 'm/s',
      });
    });

    if (newer) {
      it('subscribe_entities takes include/exclude filters', async () => {
        const client = await open();
        const id = await client.subscribe({
          type: 'subscribe_entities',
          include: { domains: ['lock'], entities: ['light.kitchen'] },
          exclude: { entity_globs: ['lock.back*'] },
        });
        const snapshot = (await client.nextEvent(id)) as { a: Msg };
        expect(Object.keys(snapshot.a)).toContain('lock.front_door');
        expect(Object.keys(snapshot.a)).toContain('light.kitchen');
        expect(
          Object.keys(snapshot.a).filter((e) => !e.startsWith('lock.') && e !== 'light.kitchen'),
        ).toEqual([]);
        expect(Object.keys(snapshot.a)).not.toContain('lock.back_door');
      });

      it('floors and labels have their registries', async () => {
        const client = await open();
        const floors = await client.command({ type: 'config/floor_registry/list' });
        expect(floors.success).toBe(true);
        for (const floor of floors.result as Msg[])
          expect(Object.keys(floor).sort()).toEqual([
            'aliases',
            'created_at',
            'floor_id',
            'icon',
            'level',
            'modified_at',
            'name',
          ]);
        const labels = await client.command({ type: 'config/label_registry/list' });
        expect(labels.success).toBe(true);
        for (const label of labels.result as Msg[])
          expect(Object.keys(label).sort()).toEqual([
            'color',
            'created_at',
            'description',
            'icon',
            'label_id',
            'modified_at',
            'name',
          ]);
      });

      it('auth/refresh_tokens reports expire_at; expiry can be switched on for a long-lived token', async () => {
        const owner = await open();
        const name = `Conformance expiry ${Date.now()}`;
        await owner.command({
          type: 'auth/long_lived_access_token',
          client_name: name,
          lifespan: 30,
        });
        const listed = () =>
          owner
            .command({ type: 'auth/refresh_tokens' })
            .then((r) => (r.result as Msg[]).find((t) => t.client_name === name)!);
        const token = await listed();
        expect(token.expire_at).toBeNull();
        const setExpiry = (enable_expiry: boolean) =>
          owner.command({
            type: 'auth/refresh_token_set_expiry',
            refresh_token_id: token.id,
            enable_expiry,
          });
        expect((await setExpiry(true)).result).toEqual({});
        const expiring = await listed();
        // 90 days after its last use, which for a long-lived token is its creation.
        const after = Date.parse(expiring.expire_at) - Date.parse(expiring.last_used_at);
        // Both come as microsecond datetimes; Date.parse keeps milliseconds.
        expect(Math.abs(after - NINETY_DAYS_MS)).toBeLessThanOrEqual(1);
        expect((await setExpiry(false)).result).toEqual({});
        expect((await listed()).expire_at).toBeNull();
        await owner.command({ type: 'auth/delete_refresh_token', refresh_token_id: token.id });
      });

      it('auth/delete_all_refresh_tokens with a token_type keeps the others, and the current one when asked', async () => {
        const { token } = await target().createUser(`Conformance wipe ${Date.now()}`);
        const guest = await open(token);
        expect(
          (
            await guest.command({
              type: 'auth/delete_all_refresh_tokens',
              token_type: 'normal',
              delete_current_token: false,
            })
          ).result,
        ).toEqual({});
        const left = (await guest.command({ type: 'auth/refresh_tokens' })).result as Msg[];
        expect(left.map((t) => t.type)).toEqual(['long_lived_access_token']);
        expect((await guest.command({ type: 'ping' })).type).toBe('pong');
      });
    } else {
      it('subscribe_entities knows no include/exclude filters', async () => {
        const client = await open();
        expect(
          (
            await client.command({
              type: 'subscribe_entities',
              include: { domains: ['lock'] },
            })
          ).error,
        ).toEqual({
          code: 'invalid_format',
          message: "extra keys not allowed @ data['include']. Got {'domains': ['lock']}",
        });
      });

      it('floors, labels and token expiry do not exist yet', async () => {
        const client = await open();
        for (const type of [
          'config/floor_registry/list',
          'config/label_registry/list',
          'auth/refresh_token_set_expiry',
        ])
          expect((await client.command({ type })).error).toEqual({
            code: 'unknown_command',
            message: 'Unknown command.',
          });
        const tokens = (await client.command({ type: 'auth/refresh_tokens' })).result as Msg[];
        expect(tokens[0]).not.toHaveProperty('expire_at');
      });

      it('auth/delete_all_refresh_tokens takes no parameters (and would delete every token)', async () => {
        const client = await open();
        expect(
          (await client.command({ type: 'auth/delete_all_refresh_tokens', token_type: 'normal' }))
            .error,
        ).toEqual({
          code: 'invalid_format',
          message: "extra keys not allowed @ data['token_type']. Got 'normal'",
        });
      });
    }
  });
}
