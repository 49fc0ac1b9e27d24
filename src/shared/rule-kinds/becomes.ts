import { z } from 'zod';
import { ruleBase, stateName } from './rule-base';
import { defineRuleKind, listFromField, listToField } from './rule-kind';
import { stateWatch } from './state-watch';

/** The state becomes one of `states` (from any other state). */
export const becomes = defineRuleKind({
  schema: z
    .object({
      ...ruleBase,
      kind: z.literal('becomes'),
      states: z
        .array(stateName, { error: 'Pick the states to notify about' })
        .min(1, 'Pick at least one state')
        .max(20, 'Pick at most 20 states')
        .refine((states) => new Set(states).size === states.length, 'A state is listed twice'),
    })
    .strict(),
  label: 'Becomes one of these states',
  fields: [{ key: 'states', label: 'States', input: 'states' }],
  toFields: (rule) => ({ states: listToField(rule.states) }),
  fromFields: (values) => ({ states: listFromField(values.states) }),
  describe: (rule, say) => `When it becomes ${rule.states.map(say).join(' or ')}`,
  watch: stateWatch({
    matches: (rule, t) => t.from !== undefined && t.from !== t.to && rule.states.includes(t.to),
  }),
  preview: (rule, entity) => ({
    oldState: entity.state,
    current: { ...entity, state: rule.states[0] ?? entity.state },
  }),
});
