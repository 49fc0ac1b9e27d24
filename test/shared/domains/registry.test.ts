import { describe, expect, it } from 'vitest';
import {
  entityActionSchema,
  isReadOnly,
  panelControls,
  primaryLabel,
  planAction,
  suggestedRuleStates,
  trayItemKind,
  type EntityAction,
} from '../../../src/shared/domains/registry';
import type { EntityState } from '../../../src/shared/entity';

const entity = (
  entity_id: string,
  state: string,
  attributes: Record<string, unknown> = {},
): EntityState => ({
  entity_id,
  state,
  attributes: { friendly_name: 'Thing', ...attributes },
  last_changed: '',
  last_updated: '',
  context: { id: 'c', parent_id: null, user_id: null },
});
const primary: EntityAction = { kind: 'primary' };
const planned = (e: EntityState, action: EntityAction = primary) => {
  const result = planAction(e, action);
  if (!result.ok) throw new Error(result.error);
  return result.plan;
};

describe('primary actions per domain', () => {
  it.each([
    ['light.a', 'on', 'light', 'turn_off'],
    ['light.a', 'off', 'light', 'turn_on'],
    ['switch.a', 'off', 'switch', 'turn_on'],
    ['fan.a', 'on', 'fan', 'turn_off'],
    ['input_boolean.a', 'off', 'input_boolean', 'turn_on'],
    ['automation.a', 'on', 'automation', 'turn_off'],
    ['cover.a', 'open', 'cover', 'close_cover'],
    ['cover.a', 'closed', 'cover', 'open_cover'],
    ['lock.a', 'unlocked', 'lock', 'lock'],
    ['scene.a', 'unknown', 'scene', 'turn_on'],
    ['script.a', 'off', 'script', 'turn_on'],
    ['button.a', 'unknown', 'button', 'press'],
    ['input_button.a', 'unknown', 'input_button', 'press'],
    ['media_player.a', 'playing', 'media_player', 'media_play_pause'],
  ])('%s (%s) -> %s.%s', (id, state, domain, service) => {
    expect(planned(entity(id, state))).toMatchObject({ domain, service });
    expect(planned(entity(id, state)).confirm).toBeUndefined();
  });

  it('asks before unlocking a lock and before opening a garage door or gate', () => {
    expect(planned(entity('lock.front', 'locked', { friendly_name: 'Front door' }))).toMatchObject({
      service: 'unlock',
      confirm: 'Unlock Front door?',
    });
    expect(
      planned(entity('cover.g', 'closed', { friendly_name: 'Garage', device_class: 'garage' })),
    ).toMatchObject({ service: 'open_cover', confirm: 'Open Garage?' });
    expect(planned(entity('cover.g', 'closed', { device_class: 'gate' })).confirm).toBeDefined();
    expect(planned(entity('cover.g', 'open', { device_class: 'garage' })).confirm).toBeUndefined();
    expect(planned(entity('cover.b', 'closed', { device_class: 'blind' })).confirm).toBeUndefined();
    expect(
      planned(entity('cover.g', 'closed', { device_class: 'garage', supported_features: 15 }), {
        kind: 'set_position',
        position: 50,
      }).confirm,
    ).toBeDefined();
  });

  it('treats sensors and unknown domains as read-only, and unavailable entities as not actionable', () => {
    for (const id of [
      'sensor.t',
      'binary_sensor.door',
      'weather.home',
      'person.anna',
      'sun.sun',
      'zone.home',
      'made_up.x',
    ]) {
      expect(isReadOnly(entity(id, '1'))).toBe(true);
      expect(planAction(entity(id, '1'), primary)).toMatchObject({
        ok: false,
        error: expect.stringContaining('only shows its state'),
      });
    }
    expect(isReadOnly(entity('climate.x', 'heat'))).toBe(false);
    expect(
      planAction(entity('light.a', 'unavailable', { friendly_name: 'Lamp' }), primary),
    ).toEqual({ ok: false, error: 'Lamp is unavailable in Home Assistant right now.' });
  });
});

describe('other actions', () => {
  it('sets brightness (0 % turns off), position, temperature, HVAC mode and play/pause', () => {
    expect(
      planned(entity('light.a', 'off'), { kind: 'set_brightness', percent: 40 }),
    ).toMatchObject({ service: 'turn_on', data: { brightness_pct: 40 } });
    expect(planned(entity('light.a', 'on'), { kind: 'set_brightness', percent: 0 })).toMatchObject({
      service: 'turn_off',
    });
    expect(
      planned(entity('cover.a', 'open', { supported_features: 15 }), {
        kind: 'set_position',
        position: 30,
      }),
    ).toMatchObject({ service: 'set_cover_position', data: { position: 30 } });
    expect(
      planned(entity('cover.a', 'opening', { supported_features: 15 }), { kind: 'stop' }),
    ).toMatchObject({
      service: 'stop_cover',
    });
    expect(
      planned(entity('climate.a', 'heat', { supported_features: 1 }), {
        kind: 'set_temperature',
        temperature: 21.5,
      }),
    ).toMatchObject({ service: 'set_temperature', data: { temperature: 21.5 } });
    expect(
      planned(entity('climate.a', 'heat', { hvac_modes: ['off', 'heat'] }), {
        kind: 'set_hvac_mode',
        mode: 'off',
      }),
    ).toMatchObject({ data: { hvac_mode: 'off' } });
    expect(planned(entity('media_player.a', 'paused'), { kind: 'play_pause' })).toMatchObject({
      service: 'media_play_pause',
      label: 'Play',
    });
  });

  it('refuses actions a domain does not have', () => {
    expect(planAction(entity('switch.a', 'on'), { kind: 'set_brightness', percent: 10 }).ok).toBe(
      false,
    );
    expect(planAction(entity('lock.a', 'locked'), { kind: 'turn_on' }).ok).toBe(false);
    expect(
      planAction(entity('climate.a', 'heat', { hvac_modes: ['heat'] }), {
        kind: 'set_hvac_mode',
        mode: 'dry',
      }),
    ).toMatchObject({ ok: false, error: expect.stringContaining('no mode "dry"') });
  });

  it('validates actions coming from the renderer', () => {
    expect(entityActionSchema.safeParse({ kind: 'set_brightness', percent: 50 }).success).toBe(
      true,
    );
    for (const bad of [
      { kind: 'set_brightness', percent: 101 },
      { kind: 'explode' },
      { kind: 'primary', extra: 1 },
      'primary',
      null,
    ]) {
      expect(entityActionSchema.safeParse(bad).success).toBe(false);
    }
  });
});

describe('the tray and the panel read the same table', () => {
  it.each([
    ['light.a', 'switch'],
    ['siren.a', 'switch'],
    ['scene.a', 'run'],
    ['input_button.a', 'run'],
    ['lock.a', 'primary'],
    ['media_player.a', 'primary'],
    ['climate.a', 'panel'],
    ['sensor.a', 'history'],
    ['made_up.a', 'history'],
  ])('%s shows in the tray as %s', (id, kind) => {
    expect(trayItemKind(entity(id, 'on'))).toBe(kind);
  });

  it('lists the panel controls per domain, the same while unavailable (shown disabled)', () => {
    const controls = (e: EntityState) =>
      panelControls(e).map((c) => ('label' in c ? `${c.kind}:${c.label}` : c.kind));
    expect(controls(entity('light.a', 'on', { supported_color_modes: ['brightness'] }))).toEqual([
      'switch',
      'slider:brightness',
    ]);
    expect(controls(entity('light.a', 'on', { supported_color_modes: ['onoff'] }))).toEqual([
      'switch',
    ]);
    expect(
      controls(entity('cover.a', 'open', { current_position: 40, supported_features: 15 })),
    ).toEqual(['slider:position', 'primary_button']);
    expect(controls(entity('input_button.a', 'unknown'))).toEqual(['primary_button']);
    expect(controls(entity('climate.a', 'heat', { supported_features: 1 }))).toEqual([
      'temperature',
    ]);
    expect(controls(entity('sensor.a', '3'))).toEqual([]);
    expect(controls(entity('light.a', 'unavailable'))).toEqual(['switch']);
    expect(controls(entity('lock.a', 'unavailable'))).toEqual(['primary_button']);
    expect(primaryLabel(entity('lock.a', 'unavailable'))).toBe('Lock');
    expect(primaryLabel(entity('sensor.a', '1'))).toBeNull();
  });

  it('a slider says which action its value runs and how the row looks meanwhile', () => {
    const [, slider] = panelControls(
      entity('light.a', 'on', { supported_color_modes: ['brightness'], brightness: 255 }),
    );
    expect(slider).toMatchObject({ kind: 'slider', value: 100 });
    expect(slider?.kind === 'slider' && slider.set(40)).toEqual({
      action: { kind: 'set_brightness', percent: 40 },
      patch: { attributes: { brightness: 102 } },
    });
  });

  it('suggests rule states per domain', () => {
    expect(suggestedRuleStates(entity('lock.a', 'locked'))).toEqual([
      'locked',
      'unlocked',
      'jammed',
    ]);
    expect(suggestedRuleStates(entity('weather.a', 'rainy'))).toEqual(['rainy', 'unavailable']);
  });
});
