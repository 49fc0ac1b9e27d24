import { mdiFormatListBulleted } from '@mdi/js';
import { z } from 'zod';
import type { EntityState } from '../entity';
import type { EntityView } from '../entity-view';
import { defineDomain, planned } from './domain';

const selectOption = z
  .object({ kind: z.literal('select_option'), option: z.string().min(1).max(255) })
  .strict();

const optionsOf = (entity: EntityState | EntityView): string[] =>
  Array.isArray(entity.attributes.options)
    ? entity.attributes.options.filter((o): o is string => typeof o === 'string')
    : [];

/** A choice among the entity's `options`: a list in the panel; the tray opens the panel. */
export const select = defineDomain({
  domain: 'select',
  tray: 'panel',
  actions: [selectOption],
  plan: (entity, action, name) =>
    optionsOf(entity).includes(action.option)
      ? planned('select', 'select_option', action.option, { option: action.option })
      : { ok: false, error: `${name} has no option "${action.option}".` },
  controls: (entity) => [
    {
      kind: 'options',
      label: 'option',
      options: optionsOf(entity),
      value: entity.state,
      set: (option) => ({ action: { kind: 'select_option', option }, patch: { state: option } }),
    },
  ],
  icon: () => mdiFormatListBulleted,
});
