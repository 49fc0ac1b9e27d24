import { z } from 'zod';

/** What every kind of notification rule shares. */

const entityId = z
  .string({ error: 'Pick an entity' })
  .regex(/^[a-z0-9_]+\.[a-z0-9_]+$/, 'Pick an entity (an id like "binary_sensor.front_door")');

export const stateName = z
  .string({ error: 'A state must be text' })
  .trim()
  .min(1, 'A state cannot be empty')
  .max(255, 'A state is at most 255 characters');

/** Words a custom message may contain in braces, e.g. "{name} is {state}". */
export const MESSAGE_PLACEHOLDERS = [
  'name',
  'state',
  'old_state',
  'unit',
  'threshold',
  'entity_id',
] as const;
export type MessagePlaceholder = (typeof MESSAGE_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** The placeholders in `template` that are not in MESSAGE_PLACEHOLDERS, in order of appearance. */
export function unknownPlaceholders(template: string): string[] {
  const known: readonly string[] = MESSAGE_PLACEHOLDERS;
  return [...template.matchAll(PLACEHOLDER)]
    .map((match) => match[1] ?? '')
    .filter((name) => !known.includes(name));
}

const messageTemplate = z
  .string({ error: 'The message must be text' })
  .trim()
  .min(1, 'The message cannot be empty: leave it out to use the default text')
  .max(200, 'The message is at most 200 characters')
  .superRefine((template, ctx) => {
    const unknown = unknownPlaceholders(template);
    if (unknown.length > 0) {
      const list = MESSAGE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ');
      ctx.addIssue({
        code: 'custom',
        message: `Unknown placeholder ${unknown.map((p) => `{${p}}`).join(', ')}: use ${list}`,
      });
    }
  });

const MAX_SECONDS = 86_400;

/** Fields every rule has, whatever it reacts to. */
export const ruleBase = {
  /** Stable id, so the engine keeps a rule's cooldown and timers while other rules are edited. */
  id: z.string({ error: 'A rule needs an id' }).trim().min(1, 'A rule needs an id').max(64),
  entityId,
  enabled: z.boolean({ error: '"enabled" must be true or false' }),
  /** Only notify if the condition still holds after this many seconds. */
  forSeconds: z
    .number({ error: 'The "stays so for" time must be a number of seconds' })
    .int('The "stays so for" time must be whole seconds')
    .min(1, 'The "stays so for" time must be at least 1 second')
    .max(MAX_SECONDS, 'The "stays so for" time is at most 24 hours')
    .optional(),
  /** After a notification, the same rule stays silent for this many seconds. 0: no cooldown. */
  cooldownSeconds: z
    .number({ error: 'The cooldown must be a number of seconds' })
    .int('The cooldown must be whole seconds')
    .min(0, 'The cooldown cannot be negative')
    .max(MAX_SECONDS, 'The cooldown is at most 24 hours'),
  /** Replaces the default title; see MESSAGE_PLACEHOLDERS. */
  message: messageTemplate.optional(),
};

/** Fields every kind on a number has (see number-watch.ts), besides its bounds. */
export const numberRuleBase = {
  /** How far back the value must come before the rule may fire again. */
  hysteresis: z
    .number({ error: 'The hysteresis must be a number' })
    .min(0, 'The hysteresis cannot be negative'),
  /** The attribute watched instead of the state ("current_temperature"). */
  attribute: z
    .string({ error: 'The attribute must be text' })
    .trim()
    .min(1, 'The attribute cannot be empty: leave it out to use the state')
    .max(255)
    .optional(),
};
