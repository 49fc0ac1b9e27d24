import { z } from 'zod';
import { isPlaceholderState } from '../placeholder-state';
import { ruleBase, stateName } from './rule-base';
import { defineRuleKind } from './rule-kind';
import { stateWatch } from './state-watch';

/** The state changes from exactly `from` to exactly `to`. */
export const transition = defineRuleKind({
  schema: z
    .object({ ...ruleBase, kind: z.literal('transition'), from: stateName, to: stateName })
    .strict()
    .refine((rule) => rule.from !== rule.to, {
      message: '"From" and "to" must be different states',
      path: ['to'],
    }),
  label: 'Changes from one state to another',
  fields: [
    { key: 'from', label: 'From', input: 'state' },
    { key: 'to', label: 'To', input: 'state' },
  ],
  toFields: (rule) => ({ from: rule.from, to: rule.to }),
  fromFields: (values) => ({ from: (values.from ?? '').trim(), to: (values.to ?? '').trim() }),
  describe: (rule, say) => `When it goes from ${say(rule.from)} to ${say(rule.to)}`,
  watch: stateWatch({
    // "From unavailable to on" means the raw state, not the last real one.
    fromRawState: (rule) => isPlaceholderState(rule.from),
    matches: (rule, t) =>
      t.to === rule.to && (isPlaceholderState(rule.from) ? t.raw : t.from) === rule.from,
  }),
  preview: (rule, entity) => ({ oldState: rule.from, current: { ...entity, state: rule.to } }),
});
