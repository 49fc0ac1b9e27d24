import { z } from 'zod';
import { ruleBase } from './rule-base';
import { defineRuleKind } from './rule-kind';

/** Any change of the entity's state (attribute-only updates are not changes). */
export const anyChange = defineRuleKind({
  schema: z.object({ ...ruleBase, kind: z.literal('any_change') }).strict(),
  label: 'Any change of state',
  fields: [],
  toFields: () => ({}),
  fromFields: () => ({}),
  describe: () => 'On any change',
});
