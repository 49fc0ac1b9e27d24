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
    kind: z.literal('outside_range'),
    min: z.number({ error: 'The lowest value must be a number' }),
    max: z.number({ error: 'The highest value must be a number' }),
    ...numberRuleBase,
  })
  .strict()
  .superRefine((rule, ctx) => {
    const width = rule.max - rule.min;
    if (width <= 0)
      ctx.addIssue({
        code: 'custom',
        path: ['max'],
        message: 'The highest value must be above the lowest',
      });
    // Back inside means past the hysteresis from both ends: the range must have room for that.
    else if (2 * rule.hysteresis > width)
      ctx.addIssue({
        code: 'custom',
        path: ['hysteresis'],
        message: `The hysteresis is at most half the range (${width / 2}), or the rule could never re-arm`,
      });
  });

/**
 * The numeric value (the state, or `attribute` when given) leaves the range `min`..`max`: it goes
 * below `min` or above `max` ("the bedroom is outside 18 to 24 °C"). It notifies once per
 * excursion and again only after the value has come back inside past the hysteresis from both
 * ends, like a threshold on each end (see number-watch.ts).
 */
export const outsideRange = defineRuleKind({
  schema,
  label: 'A number goes outside a range',
  forNumbers: true,
  fields: [
    WATCHED_FIELD,
    { key: 'min', label: 'Lowest', input: 'number', unit: true },
    { key: 'max', label: 'Highest', input: 'number', unit: true },
    HYSTERESIS_FIELD,
  ],
  defaults: { hysteresis: '0' },
  toFields: (rule) => ({
    min: String(rule.min),
    max: String(rule.max),
    hysteresis: String(rule.hysteresis),
    ...attributeToFields(rule),
  }),
  fromFields: (values) => ({
    min: numberOrUndefined(values.min ?? ''),
    max: numberOrUndefined(values.max ?? ''),
    hysteresis: numberOrUndefined(values.hysteresis ?? '') ?? 0,
    ...attributeFromFields(values),
  }),
  describe: (rule) =>
    `When ${watchedSubject(rule)} goes outside ${rule.min} to ${rule.max}${rule.hysteresis ? ` (±${rule.hysteresis})` : ''}`,
  ...numberWatch((rule: z.infer<typeof schema>) => ({
    attribute: rule.attribute,
    bounds: [
      { direction: 'below', threshold: rule.min, hysteresis: rule.hysteresis },
      { direction: 'above', threshold: rule.max, hysteresis: rule.hysteresis },
    ],
  })),
});
