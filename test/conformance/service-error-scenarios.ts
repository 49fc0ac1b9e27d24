import { describe, expect, it } from 'vitest';
import type { Msg } from '../support/raw-ws-client';
import { scenarioClients } from './clients';
import type { ConformanceTarget } from './target';

/** The errors of a service call that the app turns into words for the user. */
export function serviceErrorScenarios(target: () => ConformanceTarget): void {
  describe('call_service: errors the entity raises', () => {
    const { open, call } = scenarioClients(target);

    it('an unknown fan preset is service_validation_error, with its translation fields', async () => {
      const client = await open();
      const reply = await call(client, 'fan', 'set_preset_mode', 'fan.bedroom_fan', {
        preset_mode: 'turbo',
      });
      expect(reply.error).toEqual({
        code: 'service_validation_error',
        message:
          "Validation error: The preset_mode turbo is not a valid preset_mode: ['auto', 'sleep']",
        translation_domain: 'fan',
        translation_key: 'not_valid_preset_mode',
        translation_placeholders: { preset_mode: 'turbo', preset_modes: 'auto, sleep' },
      });
    });

    it('a service the named entity does not support is home_assistant_error', async () => {
      const client = await open();
      const reply = await call(client, 'cover', 'set_cover_position', 'cover.garage_door', {
        position: 10,
      });
      expect(reply.error).toEqual({
        code: 'home_assistant_error',
        message: 'Entity cover.garage_door does not support this service.',
      });
    });

    it('a target that does not exist is skipped: the call succeeds and makes no entity', async () => {
      const client = await open();
      const reply = await call(client, 'light', 'turn_on', 'light.nowhere');
      expect(reply).toMatchObject({ success: true, result: { context: { parent_id: null } } });
      const states = (await client.command({ type: 'get_states' })).result as Msg[];
      expect(states.map((s) => s.entity_id)).not.toContain('light.nowhere');
    });
  });
}
