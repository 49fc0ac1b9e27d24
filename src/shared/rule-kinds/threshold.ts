import { z } from 'zod';
import { numberWatch } from './number-watch';
import { numberRuleBase, ruleBase } from './rule-base';
import {
  attributeFromFields,
  attributeToFields,
  defineRuleKind,
  HYSTERESIS_FIELD,
  numberOrUndefined,
  WATCHED_FIELD,
} from './rule-kind';
import { watchedSubject } from './watched-subject';

const schema = z
  .object({
    ...ruleBase,
    kind: z.literal('threshold'),
    direction: z.enum(['above', 'below'], { error: 'Choose "above" or "below"' }),
    threshold: z.number({ error: 'The threshold must be a number' }),
    ...numberRuleBase,
  })
  .strict();

/**
 * The numeric value (the state, or `attribute` when given) goes above (or below) `threshold`.
 * It fires again only after the value has come back past `threshold - hysteresis` (above) or
 * `threshold + hysteresis` (below), so a value wobbling around the threshold notifies once.
 */
export const threshold = defineRuleKind({
  schema,
  label: 'A number goes above or below a value',
  forNumbers: true,
  fields: [
    WATCHED_FIELD,
    {
      key: 'direction',
      label: 'Goes',
      input: 'choice',
      choices: [
        { value: 'above', label: 'Above' },
        { value: 'below', label: 'Below' },
      ],
    },
    { key: 'threshold', label: 'Value', input: 'number', unit: true },
    HYSTERESIS_FIELD,
  ],
  defaults: { direction: 'above', hysteresis: '0' },
  toFields: (rule) => ({
    direction: rule.direction,
    threshold: String(rule.threshold),
    hysteresis: String(rule.hysteresis),
    ...attributeToFields(rule),
  }),
  fromFields: (values) => ({
    direction: values.direction,
    threshold: numberOrUndefined(values.threshold ?? ''),
    hysteresis: numberOrUndefined(values.hysteresis ?? '') ?? 0,
    ...attributeFromFields(values),
  }),
  describe: (rule) =>
    `When ${watchedSubject(rule)} goes ${rule.direction} ${rule.threshold}${rule.hysteresis ? ` (±${rule.hysteresis})` : ''}`,
  // The rule is its own one bound: direction, threshold and hysteresis.
  ...numberWatch((rule: z.infer<typeof schema>) => ({ attribute: rule.attribute, bounds: [rule] })),
});
