import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { normaliseInstanceUrl } from '../../src/shared/instance-url';
import type { Msg } from '../support/raw-ws-client';
import { snapshotIn, supervisedStore } from '../support/supervised-store';
import { waitFor } from '../support/wait-for';
import { banScenarios } from './ban-scenarios';
import { scenarioClients } from './clients';
import { entityLifecycleScenarios } from './entity-scenarios';
import { registryEventScenarios } from './registry-event-scenarios';
import { registryScenarios } from './registry-scenarios';
import { serviceErrorScenarios } from './service-error-scenarios';
import { nonAdminScenarios } from './user-scenarios';
import { generationScenarios } from './generation-scenarios';
import type { ConformanceTarget } from './target';
import { fastRetry } from '../support/fast-retry';
import type { HaGeneration } from '../ha-sim';

/**
 * An unknown key on a command whose schema is only its type: voluptuous names the key in 2024.1;
 * 2026.2 has no schema for such a command and refuses the message as a whole.
 */
const EXTRA_KEY: Record<HaGeneration, string> = {
  '2024.1': "extra keys not allowed @ data['bogus']. Got 'x'",
  '2026.2': "extra keys not allowed. Got {'id': 7, 'type': 'get_states', 'bogus': 'x'}",
};

/**
 * What the app relies on, as one set of scenarios for every target. Entity ids are shared by the
 * simulator's default home and the real test home. A scenario the simulator passes and real
 * Home Assistant fails is a simulator bug. Scenarios where 2024.1 and 2026.2 differ are defined
 * for the target's generation only (never skipped: CI counts a skipped test as a failure).
 */
export function conformanceScenarios(
  target: () => ConformanceTarget,
  generation: HaGeneration,
): void {
  const { open, connect, call, stateOf } = scenarioClients(target);

  describe('auth phase', () => {
    it('auth_required then auth_ok with the version', async () => {
      const client = await connect();
      expect(await client.auth(target().token)).toEqual({
        type: 'auth_ok',
        ha_version: expect.stringMatching(/^\d{4}\.\d+\.\d+/),
      });
    });

    it('auth_invalid for a bad token, then the socket closes', async () => {
      const client = await connect();
      expect(await client.auth('eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln')).toEqual({
        type: 'auth_invalid',
        message: 'Invalid access token or password',
      });
      await client.closed;
    });

    it('auth_invalid for an auth message with an id', async () => {
      const client = await connect();
      client.sendJson({ id: 1, type: 'auth', access_token: target().token });
      expect(await client.next((m) => m.type === 'auth_invalid')).toEqual({
        type: 'auth_invalid',
        message: "Auth message incorrectly formatted: extra keys not allowed @ data['id']. Got 1",
      });
    });
  });

  describe('commands', () => {
    it('ids must increase; unknown commands and keys are refused; ping answers pong', async () => {
      const client = await open();
      expect(await client.commandWithId(5, { type: 'ping' })).toEqual({ id: 5, type: 'pong' });
      expect((await client.commandWithId(5, { type: 'ping' })).error).toEqual({
        code: 'id_reuse',
        message: 'Identifier values have to increase.',
      });
      expect((await client.commandWithId(6, { type: 'no_such_command' })).error).toEqual({
        code: 'unknown_command',
        message: 'Unknown command.',
      });
      expect((await client.commandWithId(7, { type: 'get_states', bogus: 'x' })).error).toEqual({
        code: 'invalid_format',
        message: EXTRA_KEY[generation],
      });
    });

    it('supported_features turns on coalescing (answers may then share one frame)', async () => {
      const client = await open();
      expect(
        await client.command({ type: 'supported_features', features: { coalesce_messages: 1 } }),
      ).toEqual({ id: expect.any(Number), type: 'result', success: true, result: null });
      const pongs = await Promise.all([1, 2, 3].map(() => client.command({ type: 'ping' })));
      expect(pongs.map((p) => p.type)).toEqual(['pong', 'pong', 'pong']);
    });

    it('get_config says RUNNING; auth/current_user names the owner', async () => {
      const client = await open();
      expect((await client.command({ type: 'get_config' })).result).toMatchObject({
        state: 'RUNNING',
        version: expect.any(String),
        location_name: expect.any(String),
      });
      expect((await client.command({ type: 'auth/current_user' })).result).toMatchObject({
        name: 'Owner',
        is_owner: true,
        is_admin: true,
      });
    });
  });

  describe('subscribe_entities', () => {
    it('a compressed snapshot, then diffs after service calls', async () => {
      const client = await open();
      await call(client, 'switch', 'turn_off', 'switch.coffee_machine');
      await call(client, 'light', 'turn_on', 'light.kitchen', { brightness: 255 });
      const id = await client.subscribe({
        type: 'subscribe_entities',
        entity_ids: ['light.kitchen', 'switch.coffee_machine'],
      });
      const snapshot = await client.nextEvent(id);
      expect(Object.keys(snapshot.a).sort()).toEqual(['light.kitchen', 'switch.coffee_machine']);
      expect(snapshot.a['light.kitchen']).toMatchObject({
        s: 'on',
        a: { brightness: 255, friendly_name: 'Kitchen lights' },
        lc: expect.any(Number),
      });
      expect(['string', 'object']).toContain(typeof snapshot.a['light.kitchen'].c);

      await call(client, 'light', 'turn_on', 'light.kitchen', { brightness: 128 });
      const dim = await client.nextEvent(
        id,
        (e) => e.c?.['light.kitchen']?.['+']?.a?.brightness === 128,
      );
      const diff = dim.c['light.kitchen']['+'];
      expect(diff.s).toBeUndefined();
      expect(typeof diff.lu).toBe('number');
      expect(diff.c).toMatchObject({ user_id: expect.any(String) });

      await call(client, 'switch', 'turn_on', 'switch.coffee_machine');
      const on = await client.nextEvent(
        id,
        (e) => e.c?.['switch.coffee_machine']?.['+']?.s === 'on',
      );
      expect(typeof on.c['switch.coffee_machine']['+'].lc).toBe('number');
    });
  });

  describe('call_service', () => {
    it('has real effects and returns the context', async () => {
      const client = await open();
      await call(client, 'lock', 'lock', 'lock.front_door');
      const reply = await call(client, 'lock', 'unlock', 'lock.front_door');
      expect(reply.result).toEqual({
        context: { id: expect.any(String), parent_id: null, user_id: expect.any(String) },
      });
      expect((await stateOf(client, 'lock.front_door'))?.state).toBe('unlocked');
      await call(client, 'lock', 'lock', 'lock.front_door');
      await call(client, 'cover', 'set_cover_position', 'cover.living_room_blinds', {
        position: 40,
      });
      expect((await stateOf(client, 'cover.living_room_blinds'))?.attributes.current_position).toBe(
        40,
      );
      await call(client, 'cover', 'open_cover', 'cover.living_room_blinds');
      expect((await stateOf(client, 'cover.living_room_blinds'))?.state).toBe('open');
    });

    it('errors: not_found and invalid_format', async () => {
      const client = await open();
      expect((await call(client, 'light', 'explode', 'light.kitchen')).error).toMatchObject({
        code: 'not_found',
        message: 'Service light.explode not found.',
      });
      expect(
        (await call(client, 'cover', 'set_cover_position', 'cover.living_room_blinds')).error,
      ).toEqual({
        code: 'invalid_format',
        message: "required key not provided @ data['position']",
      });
      expect(
        (await call(client, 'light', 'turn_on', 'light.kitchen', { brightness_pct: 150 })).error,
      ).toMatchObject({ code: 'invalid_format' });
    });
  });

  describe('long-lived tokens', () => {
    it('create, list, refuse a duplicate name, delete (closing its sockets), then auth_invalid', async () => {
      const owner = await open();
      const name = `Conformance ${Date.now()}`;
      const token = (
        await owner.command({
          type: 'auth/long_lived_access_token',
          client_name: name,
          lifespan: 2,
        })
      ).result as string;
      const claims = decodeJwt(token);
      expect(claims.exp! - claims.iat!).toBe(2 * 86400);
      const listed = (await owner.command({ type: 'auth/refresh_tokens' })).result as Msg[];
      expect(listed).toContainEqual(
        expect.objectContaining({
          id: claims.iss,
          client_name: name,
          type: 'long_lived_access_token',
          is_current: false,
        }),
      );
      expect(
        (
          await owner.command({
            type: 'auth/long_lived_access_token',
            client_name: name,
            lifespan: 2,
          })
        ).error.code,
      ).toBe('unknown_error');

      const victim = await open(token);
      expect(
        (await owner.command({ type: 'auth/delete_refresh_token', refresh_token_id: claims.iss }))
          .result,
      ).toEqual({});
      await victim.closed;
      const again = await connect();
      expect((await again.auth(token)).type).toBe('auth_invalid');
      expect(
        (await owner.command({ type: 'auth/delete_refresh_token', refresh_token_id: 'nope' }))
          .error,
      ).toEqual({
        code: 'invalid_token_id',
        message: 'Received invalid token',
      });
    });
  });

  describe('REST', () => {
    const get = (path: string, token?: string) =>
      fetch(`${target().url}${path}`, {
        headers: token ? { Authorization: `Bearer ${token}` } : {},
      });

    it('200 with a good token, 401 without or with a bad one, 404 for an unknown entity', async () => {
      const ok = await get('/api/', target().token);
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ message: 'API running.' });
      const denied = await get('/api/', 'bad');
      expect(denied.status).toBe(401);
      expect(await denied.text()).toBe('401: Unauthorized');
      expect((await get('/api/')).status).toBe(401);
      const missing = await get('/api/states/light.nowhere', target().token);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual({ message: 'Entity not found.' });
    });

    it('/api/config answers the probe with the version, the name and RUNNING', async () => {
      const config = await get('/api/config', target().token);
      expect(config.status).toBe(200);
      expect(config.headers.get('content-type')).toBe('application/json');
      expect(await config.json()).toMatchObject({
        version: expect.stringMatching(/^\d{4}\.\d+\.\d+/),
        location_name: expect.any(String),
        state: 'RUNNING',
      });
      expect((await get('/api/config', 'bad')).status).toBe(401);
    });
  });

  describe('restart', () => {
    it('the app reconnects by itself and resyncs its store with the server', async () => {
      const { store, supervisor, entities } = supervisedStore({ retry: fastRetry(50, 500) });
      const instance = normaliseInstanceUrl(target().url);
      if (!instance.ok) throw new Error(instance.error);
      try {
        supervisor.setCredentials({ instance: instance.value, token: target().token });
        await snapshotIn(entities);
        const before = await open();
        await call(before, 'light', 'turn_off', 'light.kitchen');
        await target().restart();
        await waitFor(() => supervisor.getStatus().state === 'connected', 'reconnected', 60_000);
        const after = await open();
        const server = (await after.command({ type: 'get_states' })).result as Msg[];
        await waitFor(
          () =>
            server.every((s) => store.get(s.entity_id)?.state === s.state) &&
            store.size === server.length,
          'store equals the server',
          15_000,
        );
      } finally {
        await supervisor.dispose();
      }
    });
  });

  serviceErrorScenarios(target, generation);
  entityLifecycleScenarios(target);
  registryScenarios(target, generation);
  registryEventScenarios(target, generation);
  generationScenarios(target, generation);
  nonAdminScenarios(target);
  banScenarios(target);
}
