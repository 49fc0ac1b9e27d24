import { z } from 'zod';
import { ruleKindSchemas, UNKNOWN_RULE_KIND_MESSAGE } from './rule-kinds/registry';

/**
 * Notification rules and the notification settings, shared by the rules engine (main), the
 * settings page (renderer) and the settings store. Every message here is written for the user:
 * the settings page shows them next to the field that is wrong. Each kind of rule is one file
 * in src/shared/rule-kinds/.
 */

export {
  MESSAGE_PLACEHOLDERS,
  unknownPlaceholders,
  type MessagePlaceholder,
} from './rule-kinds/rule-base';

export const notificationRuleSchema = z.discriminatedUnion('kind', ruleKindSchemas, {
  error: UNKNOWN_RULE_KIND_MESSAGE,
});
export type NotificationRule = z.infer<typeof notificationRuleSchema>;
export type NotificationRuleKind = NotificationRule['kind'];

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

/** One instance's rules (src/shared/settings.ts keeps them with their instance). */
export const notificationRulesSchema = z
  .array(notificationRuleSchema)
  .max(500, 'At most 500 rules')
  .refine(
    (rules) => new Set(rules.map((r) => r.id)).size === rules.length,
    'Two rules have the same id',
  );

export const notificationSettingsSchema = z
  .object({
    quietHours: quietHoursSchema,
    connectionAlerts: connectionAlertsSchema,
    /** ISO time until which notifications are paused (tray menu "Pause notifications"). */
    pausedUntil: z.iso.datetime().nullable(),
  })
  .strict();
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
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
