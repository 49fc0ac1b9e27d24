import { z } from 'zod';
import { isPlaceholderState } from '../placeholder-state';
import { ruleBase } from './rule-base';
import { defineRuleKind } from './rule-kind';
import { stateWatch } from './state-watch';

/** Any change of the entity's state (attribute-only updates are not changes). */
export const anyChange = defineRuleKind({
  schema: z.object({ ...ruleBase, kind: z.literal('any_change') }).strict(),
  label: 'Any change of state',
  fields: [],
  toFields: () => ({}),
  fromFields: () => ({}),
  describe: () => 'On any change',
  watch: stateWatch({
    matches: (_rule, t) => t.from !== undefined && t.from !== t.to && !isPlaceholderState(t.to),
  }),
  preview: (_rule, entity) => ({ oldState: entity.state, current: entity }),
});
