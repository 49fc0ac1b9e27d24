import { describe, expect, it } from 'vitest';
import type { EntityState } from '../../../src/shared/entity';
import {
  entityActionSchema,
  isReadOnly,
  panelControls,
  planAction,
  trayItemKind,
} from '../../../src/shared/domains/registry';

const mode = (state: string): EntityState => ({
  entity_id: 'select.heating_mode',
  state,
  attributes: { friendly_name: 'Heating mode', options: ['eco', 'comfort', 'away'] },
  last_changed: '',
  last_updated: '',
  context: { id: 'c', parent_id: null, user_id: null },
});

describe('select', () => {
  it('selects one of its options through select.select_option', () => {
    expect(planAction(mode('eco'), { kind: 'select_option', option: 'comfort' })).toEqual({
      ok: true,
      plan: {
        domain: 'select',
        service: 'select_option',
        data: { option: 'comfort' },
        label: 'comfort',
      },
    });
    expect(planAction(mode('eco'), { kind: 'select_option', option: 'party' })).toEqual({
      ok: false,
      error: 'Heating mode has no option "party".',
    });
    expect(entityActionSchema.safeParse({ kind: 'select_option', option: '' }).success).toBe(false);
  });

  it('shows its options in the panel and opens the panel from the tray', () => {
    const [list] = panelControls(mode('eco'));
    expect(list).toMatchObject({
      kind: 'options',
      options: ['eco', 'comfort', 'away'],
      value: 'eco',
    });
    expect(list?.kind === 'options' && list.set('away')).toEqual({
      action: { kind: 'select_option', option: 'away' },
      patch: { state: 'away' },
    });
    expect(trayItemKind(mode('eco'))).toBe('panel');
    expect(isReadOnly(mode('eco'))).toBe(false);
  });
});
