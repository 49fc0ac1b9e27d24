import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import type { Msg } from '../support/raw-ws-client';
import { scenarioClients } from './clients';
import type { ConformanceTarget } from './target';

/** What the app does when the token belongs to a user who is not an administrator. */
export function nonAdminScenarios(target: () => ConformanceTarget): void {
  describe('a non-admin user', () => {
    const { open, call } = scenarioClients(target);

    it('reads the home and the registries, calls services, and may not subscribe to every event', async () => {
      const { token } = await target().createUser('Conformance guest');
      const guest = await open(token);
      expect((await guest.command({ type: 'auth/current_user' })).result).toMatchObject({
        name: 'Conformance guest',
        is_owner: false,
        is_admin: false,
      });
      for (const type of [
        'get_config',
        'config/area_registry/list',
        'config/entity_registry/list_for_display',
      ])
        expect((await guest.command({ type })).success).toBe(true);
      const id = await guest.subscribe({
        type: 'subscribe_entities',
        entity_ids: ['switch.coffee_machine'],
      });
      await guest.nextEvent(id);
      expect((await call(guest, 'switch', 'toggle', 'switch.coffee_machine')).success).toBe(true);
      await guest.nextEvent(id, (e) => e.c?.['switch.coffee_machine'] !== undefined);
      expect(
        (await guest.command({ type: 'subscribe_events', event_type: 'call_service' })).error,
      ).toEqual({ code: 'unauthorized', message: 'Unauthorized' });
    });

    it("rotates its own long-lived token but cannot see or delete the owner's", async () => {
      const { token } = await target().createUser('Conformance rotator');
      const guest = await open(token);
      const fresh = (
        await guest.command({
          type: 'auth/long_lived_access_token',
          client_name: 'Conformance rotation',
          lifespan: 30,
        })
      ).result as string;
      const listed = (await guest.command({ type: 'auth/refresh_tokens' })).result as Msg[];
      const ids = listed.map((t) => t.id);
      expect(ids).toContain(decodeJwt(fresh).iss);
      expect(ids).toContain(decodeJwt(token).iss);
      const ownerTokenId = decodeJwt(target().token).iss;
      expect(ids).not.toContain(ownerTokenId);
      expect(
        (
          await guest.command({
            type: 'auth/delete_refresh_token',
            refresh_token_id: ownerTokenId,
          })
        ).error,
      ).toEqual({ code: 'invalid_token_id', message: 'Received invalid token' });
      // open() throws unless auth_ok: the owner's token survived the attempt.
      await open(target().token);

      const rotated = await open(fresh);
      expect(
        (
          await rotated.command({
            type: 'auth/delete_refresh_token',
            refresh_token_id: decodeJwt(token).iss,
          })
        ).result,
      ).toEqual({});
      await guest.closed;
    });
  });
}
