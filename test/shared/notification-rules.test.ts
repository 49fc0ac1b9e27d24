import { describe, expect, it } from 'vitest';
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  notificationRulesSchema,
  notificationSettingsSchema,
  quietHoursSchema,
  unknownPlaceholders,
  validateNotificationRule,
} from '../../src/shared/notification-rules';
import { ruleKinds } from '../../src/shared/rule-kinds/registry';

const base = { id: 'r1', entityId: 'binary_sensor.front_door', enabled: true, cooldownSeconds: 0 };

const problems = (input: unknown) => {
  const result = validateNotificationRule(input);
  return result.ok ? [] : result.problems;
};

describe('notification rule schema', () => {
  it('accepts one valid rule of every type', () => {
    const rules = [
      { ...base, kind: 'any_change' },
      { ...base, kind: 'becomes', states: ['on'], forSeconds: 30, message: '{name} is {state}' },
      { ...base, kind: 'transition', from: 'off', to: 'on', cooldownSeconds: 600 },
      {
        ...base,
        entityId: 'climate.living_room',
        kind: 'threshold',
        direction: 'below',
        threshold: -2.5,
        hysteresis: 0.5,
        attribute: 'current_temperature',
      },
    ];
    for (const rule of rules) expect(validateNotificationRule(rule)).toEqual({ ok: true, rule });
  });

  it('says which field is wrong and why, in words for the settings page', () => {
    expect(
      problems({ ...base, kind: 'threshold', direction: 'up', threshold: '25', hysteresis: -1 }),
    ).toEqual([
      { field: 'direction', message: 'Choose "above" or "below"' },
      { field: 'threshold', message: 'The threshold must be a number' },
      { field: 'hysteresis', message: 'The hysteresis cannot be negative' },
    ]);
  });

  it('rejects thresholds that are not finite numbers', () => {
    for (const threshold of [Number.NaN, Number.POSITIVE_INFINITY, null]) {
      expect(
        problems({ ...base, kind: 'threshold', direction: 'above', threshold, hysteresis: 0 }),
      ).toEqual([{ field: 'threshold', message: 'The threshold must be a number' }]);
    }
  });

  it('needs at least one state, none empty or twice', () => {
    expect(problems({ ...base, kind: 'becomes', states: [] })).toEqual([
      { field: 'states', message: 'Pick at least one state' },
    ]);
    expect(problems({ ...base, kind: 'becomes', states: ['on', 'on'] })).toEqual([
      { field: 'states', message: 'A state is listed twice' },
    ]);
    expect(problems({ ...base, kind: 'becomes', states: ['  '] })).toEqual([
      { field: 'states.0', message: 'A state cannot be empty' },
    ]);
  });

  it('needs two different states for a transition', () => {
    expect(problems({ ...base, kind: 'transition', from: 'on', to: 'on' })).toEqual([
      { field: 'to', message: '"From" and "to" must be different states' },
    ]);
  });

  it('names the rule types when the type is unknown, as a list in words', () => {
    const [problem, ...more] = problems({ ...base, kind: 'sometimes' });
    expect(more).toEqual([]);
    expect(problem?.field).toBe('kind');
    expect(problem?.message).toMatch(
      /^Choose a rule type: "becomes", ("[a-z_]+", )*"[a-z_]+" or "[a-z_]+"$/,
    );
  });

  it('names every registered kind when the type is missing, so a new kind is named too', () => {
    const [problem] = problems({ ...base });
    expect(problem?.field).toBe('kind');
    for (const kind of ruleKinds()) expect(problem?.message).toContain(`"${kind.name}"`);
  });

  it('checks durations: whole seconds within a day, cooldown not negative', () => {
    expect(problems({ ...base, kind: 'any_change', forSeconds: 1.5 })).toEqual([
      { field: 'forSeconds', message: 'The "stays so for" time must be whole seconds' },
    ]);
    expect(problems({ ...base, kind: 'any_change', forSeconds: 0 })).toEqual([
      { field: 'forSeconds', message: 'The "stays so for" time must be at least 1 second' },
    ]);
    expect(problems({ ...base, kind: 'any_change', cooldownSeconds: -1 })).toEqual([
      { field: 'cooldownSeconds', message: 'The cooldown cannot be negative' },
    ]);
  });

  it('lists the placeholders a message may use when it has an unknown one', () => {
    expect(problems({ ...base, kind: 'any_change', message: '{nmae} is {state}' })).toEqual([
      {
        field: 'message',
        message:
          'Unknown placeholder {nmae}: use {name}, {state}, {old_state}, {unit}, {threshold}, {entity_id}',
      },
    ]);
    expect(unknownPlaceholders('{name} {} {State}')).toEqual(['', 'State']);
  });

  it('refuses a missing entity and unknown fields', () => {
    expect(problems({ ...base, entityId: 'Front door', kind: 'any_change' })).toEqual([
      { field: 'entityId', message: 'Pick an entity (an id like "binary_sensor.front_door")' },
    ]);
    expect(problems({ ...base, kind: 'any_change', sound: true })).toHaveLength(1);
  });
});

describe('notification settings schema', () => {
  it('accepts the defaults', () => {
    expect(notificationSettingsSchema.parse(DEFAULT_NOTIFICATION_SETTINGS)).toEqual(
      DEFAULT_NOTIFICATION_SETTINGS,
    );
  });

  it('refuses two rules with one id', () => {
    const rule = { ...base, kind: 'any_change' };
    const result = notificationRulesSchema.safeParse([rule, rule]);
    expect(result.error?.issues.map((i) => i.message)).toEqual(['Two rules have the same id']);
  });

  it('checks quiet hours: 24-hour times, start and end different', () => {
    expect(
      quietHoursSchema.safeParse({ enabled: true, start: '22:00', end: '07:00' }).success,
    ).toBe(true);
    expect(
      quietHoursSchema
        .safeParse({ enabled: true, start: '7:00', end: '24:00' })
        .error?.issues.map((i) => i.message),
    ).toEqual([
      'A time must look like "22:00" (24-hour clock)',
      'A time must look like "22:00" (24-hour clock)',
    ]);
    expect(
      quietHoursSchema
        .safeParse({ enabled: true, start: '22:00', end: '22:00' })
        .error?.issues.map((i) => i.message),
    ).toEqual(['Quiet hours need different start and end times']);
  });
});
