import { describe, expect, it } from 'vitest';
import type { Msg } from '../support/raw-ws-client';
import { scenarioClients } from './clients';
import type { HaGeneration } from '../ha-sim';
import type { ConformanceTarget } from './target';

/**
 * A named entity lacking the service's feature: `entity_service_call` (helpers/service.py) raised
 * HomeAssistantError in 2024.1, and raises ServiceNotSupported, a ServiceValidationError, in 2026.2.
 */
const UNSUPPORTED: Record<HaGeneration, Msg> = {
  '2024.1': {
    code: 'home_assistant_error',
    message: 'Entity cover.garage_door does not support this service.',
  },
  '2026.2': {
    code: 'service_validation_error',
    message:
      'Validation error: Entity cover.garage_door does not support action cover.set_cover_position',
    translation_domain: 'homeassistant',
    translation_key: 'service_not_supported',
    translation_placeholders: {
      domain: 'cover',
      service: 'set_cover_position',
      entity_id: 'cover.garage_door',
    },
  },
};

/**
 * An unknown fan preset: 2024.1 words it in the fan's code; 2026.2 raises it with only its
 * translation, so the message is the template of components/fan/strings.json without its dot.
 */
const PRESET_MESSAGE: Record<HaGeneration, string> = {
  '2024.1': "Validation error: The preset_mode turbo is not a valid preset_mode: ['auto', 'sleep']",
  '2026.2': 'Validation error: Preset mode turbo is not valid, valid preset modes are: auto, sleep',
};

/** The errors of a service call that the app turns into words for the user. */
export function serviceErrorScenarios(
  target: () => ConformanceTarget,
  generation: HaGeneration,
): void {
  describe('call_service: errors the entity raises', () => {
    const { open, call, stateOf } = scenarioClients(target);

    it('an unknown fan preset is service_validation_error, with its translation fields', async () => {
      const client = await open();
      const reply = await call(client, 'fan', 'set_preset_mode', 'fan.bedroom_fan', {
        preset_mode: 'turbo',
      });
      expect(reply.error).toEqual({
        code: 'service_validation_error',
        message: PRESET_MESSAGE[generation],
        translation_domain: 'fan',
        translation_key: 'not_valid_preset_mode',
        translation_placeholders: { preset_mode: 'turbo', preset_modes: 'auto, sleep' },
      });
    });

    it(`a service the named entity does not support is ${UNSUPPORTED[generation].code}`, async () => {
      const client = await open();
      const reply = await call(client, 'cover', 'set_cover_position', 'cover.garage_door', {
        position: 10,
      });
      expect(reply.error).toEqual(UNSUPPORTED[generation]);
    });

    if (generation === '2026.2')
      it('climate: a mode the entity does not offer, or a temperature out of its range, is refused', async () => {
        const client = await open();
        const mode = await call(client, 'climate', 'set_hvac_mode', 'climate.living_room', {
          hvac_mode: 'dry',
        });
        expect(mode.error).toMatchObject({
          code: 'service_validation_error',
          message: expect.stringMatching(
            /^Validation error: HVAC mode dry is not valid\. Valid HVAC modes are: .*heat[^.]*$/,
          ),
          translation_domain: 'climate',
          translation_key: 'not_valid_hvac_mode',
        });
        const hot = await call(client, 'climate', 'set_temperature', 'climate.living_room', {
          temperature: 40,
        });
        expect(hot.error).toEqual({
          code: 'service_validation_error',
          message:
            'Validation error: Provided temperature 40.0 is not valid. Accepted range is 7.0 to 35.0',
          translation_domain: 'climate',
          translation_key: 'temp_out_of_range',
          translation_placeholders: { check_temp: '40.0', min_temp: '7.0', max_temp: '35.0' },
        });
        expect((await stateOf(client, 'climate.living_room'))?.attributes.temperature).not.toBe(40);
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
