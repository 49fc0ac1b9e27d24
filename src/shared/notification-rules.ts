import { z } from 'zod';

/**
 * Notification rules and the notification settings, shared by the rules engine (main), the
 * settings page (renderer) and the settings store. Every message here is written for the user:
 * the settings page shows them next to the field that is wrong.
 */

const entityId = z
  .string({ error: 'Pick an entity' })
  .regex(/^[a-z0-9_]+\.[a-z0-9_]+$/, 'Pick an entity (an id like "binary_sensor.front_door")');

const stateName = z
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
const ruleBase = {
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

/** Any change of the entity's state (attribute-only updates are not changes). */
const anyChangeRule = z.object({ ...ruleBase, kind: z.literal('any_change') }).strict();

/** The state becomes one of `states` (from any other state). */
const becomesRule = z
  .object({
    ...ruleBase,
    kind: z.literal('becomes'),
    states: z
      .array(stateName, { error: 'Pick the states to notify about' })
      .min(1, 'Pick at least one state')
      .max(20, 'Pick at most 20 states')
      .refine((states) => new Set(states).size === states.length, 'A state is listed twice'),
  })
  .strict();

/** The state changes from exactly `from` to exactly `to`. */
const transitionRule = z
  .object({ ...ruleBase, kind: z.literal('transition'), from: stateName, to: stateName })
  .strict()
  .refine((rule) => rule.from !== rule.to, {
    message: '"From" and "to" must be different states',
    path: ['to'],
  });

/**
 * The numeric value (the state, or `attribute` when given) goes above (or below) `threshold`.
 * It fires again only after the value has come back past `threshold - hysteresis` (above) or
 * `threshold + hysteresis` (below), so a value wobbling around the threshold notifies once.
 */
const thresholdRule = z
  .object({
    ...ruleBase,
    kind: z.literal('threshold'),
    direction: z.enum(['above', 'below'], { error: 'Choose "above" or "below"' }),
    threshold: z.number({ error: 'The threshold must be a number' }),
    hysteresis: z
      .number({ error: 'The hysteresis must be a number' })
      .min(0, 'The hysteresis cannot be negative'),
    attribute: z
      .string({ error: 'The attribute must be text' })
      .trim()
      .min(1, 'The attribute cannot be empty: leave it out to use the state')
      .max(255)
      .optional(),
  })
  .strict();

export const notificationRuleSchema = z.discriminatedUnion(
  'kind',
  [anyChangeRule, becomesRule, transitionRule, thresholdRule],
  {
    error: 'Choose a rule type: "any_change", "becomes", "transition" or "threshold"',
  },
);
export type NotificationRule = z.infer<typeof notificationRuleSchema>;
export type NotificationRuleKind = NotificationRule['kind'];
export type ThresholdRule = Extract<NotificationRule, { kind: 'threshold' }>;

const clockTime = z
  .string({ error: 'A time must be text like "22:00"' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time must look like "22:00" (24-hour clock)');

/** Local wall-clock times; `start` after `end` means the quiet time crosses midnight. */
export const quietHoursSchema = z
  .object({ enabled: z.boolean(), start: clockTime, end: clockTime })
  .strict()
  .refine((q) => q.start !== q.end, {
    message: 'Quiet hours need different start and end times',
    path: ['end'],
  });
export type QuietHours = z.infer<typeof quietHoursSchema>;

export const connectionAlertsSchema = z
  .object({
    enabled: z.boolean(),
    /** "Connection lost" only after the connection has been down this long: blips stay silent. */
    lostAfterSeconds: z
      .number({ error: 'The delay must be a number of seconds' })
      .int('The delay must be whole seconds')
      .min(10, 'The delay must be at least 10 seconds')
      .max(3600, 'The delay is at most one hour'),
  })
  .strict();
export type ConnectionAlertSettings = z.infer<typeof connectionAlertsSchema>;

export const notificationSettingsSchema = z
  .object({
    rules: z
      .array(notificationRuleSchema)
      .max(500, 'At most 500 rules')
      .refine(
        (rules) => new Set(rules.map((r) => r.id)).size === rules.length,
        'Two rules have the same id',
      ),
    quietHours: quietHoursSchema,
    connectionAlerts: connectionAlertsSchema,
    /** ISO time until which notifications are paused (tray menu "Pause notifications"). */
    pausedUntil: z.iso.datetime().nullable(),
  })
  .strict();
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  rules: [],
  quietHours: { enabled: false, start: '22:00', end: '07:00' },
  connectionAlerts: { enabled: true, lostAfterSeconds: 60 },
  pausedUntil: null,
};

export type RuleValidation =
  | { ok: true; rule: NotificationRule }
  | { ok: false; problems: { field: string; message: string }[] };

/** Checks a rule from the settings page or a hand-edited file, with one message per problem. */
export function validateNotificationRule(input: unknown): RuleValidation {
  const result = notificationRuleSchema.safeParse(input);
  if (result.success) return { ok: true, rule: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      field: issue.path.map(String).join('.'),
      message: issue.message,
    })),
  };
}
