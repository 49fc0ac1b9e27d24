import { describe, expect, it } from 'vitest';
import type { EntityState } from '../../../src/shared/entity';
import {
  entityActionSchema,
  panelControls,
  planAction,
} from '../../../src/shared/domains/registry';

const fan = (state: string, attributes: Record<string, unknown> = {}): EntityState => ({
  entity_id: 'fan.ceiling',
  state,
  attributes: { friendly_name: 'Ceiling fan', ...attributes },
  last_changed: '',
  last_updated: '',
  context: { id: 'c', parent_id: null, user_id: null },
});
const SET_SPEED = 1;

describe('fan speed', () => {
  it('sets the speed as a percentage through fan.set_percentage', () => {
    expect(planAction(fan('on'), { kind: 'set_percentage', percentage: 33 })).toEqual({
      ok: true,
      plan: {
        domain: 'fan',
        service: 'set_percentage',
        data: { percentage: 33 },
        label: 'Speed 33%',
      },
    });
    expect(entityActionSchema.safeParse({ kind: 'set_percentage', percentage: 101 }).success).toBe(
      false,
    );
    expect(planAction(fan('on'), { kind: 'set_brightness', percent: 5 }).ok).toBe(false);
  });

  it('shows a speed slider in the panel while a fan that has speeds runs', () => {
    const running = fan('on', { supported_features: SET_SPEED, percentage: 67 });
    const slider = panelControls(running).find((c) => c.kind === 'slider');
    expect(slider).toMatchObject({ label: 'speed', min: 0, max: 100, value: 67 });
    expect(slider?.kind === 'slider' && slider.set(0)).toEqual({
      action: { kind: 'set_percentage', percentage: 0 },
      patch: { state: 'off', attributes: { percentage: 0 } },
    });
    expect(panelControls(fan('off', { supported_features: SET_SPEED }))).toEqual([
      { kind: 'switch' },
    ]);
    expect(panelControls(fan('on', { supported_features: 0 }))).toEqual([{ kind: 'switch' }]);
  });
});
