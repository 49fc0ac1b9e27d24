import { describe, expect, it } from 'vitest';
import type { EntityState } from '../../../src/shared/entity';
import { panelControls, planAction } from '../../../src/shared/domains/registry';

const OPEN_CLOSE = 1 | 2;
const SET_POSITION = 4;
const STOP = 8;
const blind = (supported_features: number): EntityState => ({
  entity_id: 'cover.living_room_blinds',
  state: 'open',
  attributes: { friendly_name: 'Blinds', current_position: 40, supported_features },
  last_changed: '',
  last_updated: '',
  context: { id: 'c', parent_id: null, user_id: null },
});

describe('cover', () => {
  it('shows the position slider only when the cover can be set to a position', () => {
    const kinds = (features: number) => panelControls(blind(features)).map((c) => c.kind);
    expect(kinds(OPEN_CLOSE | SET_POSITION)).toEqual(['slider', 'primary_button']);
    expect(kinds(OPEN_CLOSE)).toEqual(['primary_button']);
  });

  it('refuses a position or a stop the cover does not support, in a sentence', () => {
    expect(planAction(blind(OPEN_CLOSE), { kind: 'set_position', position: 10 })).toEqual({
      ok: false,
      error: 'Blinds cannot be set to a position.',
    });
    expect(planAction(blind(OPEN_CLOSE), { kind: 'stop' })).toEqual({
      ok: false,
      error: 'Blinds cannot be stopped.',
    });
    expect(planAction(blind(OPEN_CLOSE | SET_POSITION | STOP), { kind: 'stop' }).ok).toBe(true);
  });
});
