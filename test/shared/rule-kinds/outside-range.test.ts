import { describe, expect, it } from 'vitest';
import { entityMessage } from '../../../src/main/notify/entity-message';
import { previewMessage } from '../../../src/main/notify/preview';
import { RulesEngine, type RuleFiring } from '../../../src/main/notify/rules-engine';
import { validateNotificationRule } from '../../../src/shared/notification-rules';
import { outsideRange } from '../../../src/shared/rule-kinds/outside-range';
import { ruleKind, ruleKinds } from '../../../src/shared/rule-kinds/registry';
import { FakeClock } from '../../support/fake-clock';
import { FakeHome } from '../../main/notify/fake-home';
import { rule, state } from '../../main/notify/states';

/** A bedroom kept between 18 and 24 °C; back inside means past 18.5 or below 23.5. */
const comfort = rule('outside_range', {
  entityId: 'sensor.bedroom',
  min: 18,
  max: 24,
  hysteresis: 0.5,
});
const bedroom = (value: string) =>
  state('sensor.bedroom', value, { friendly_name: 'Bedroom', unit_of_measurement: '°C' });

/** The changes that fire, one value at a time after a baseline of `first`. */
function fired(values: string[], first = '21', watched = comfort): string[] {
  const watch = outsideRange.watch(watched);
  watch.baseline?.(bedroom(first));
  const changes: string[] = [];
  let before = bedroom(first);
  for (const value of values) {
    const oldState = watch.check({ before, current: bedroom(value), lastRealState: undefined });
    if (oldState !== null) {
      changes.push(`${oldState}->${value}`);
      watch.used?.();
    }
    before = bedroom(value);
  }
  return changes;
}

describe('the "outside a range" rule kind, in its own file', () => {
  it('is offered for numbers, with a lowest and a highest value', () => {
    expect(ruleKinds().find((k) => k.name === 'outside_range')).toMatchObject({
      label: 'A number goes outside a range',
      forNumbers: true,
      fields: [
        { key: 'attribute', input: 'attribute' },
        { key: 'min', label: 'Lowest', input: 'number', unit: true },
        { key: 'max', label: 'Highest', input: 'number', unit: true },
        { key: 'hysteresis', input: 'number', unit: true },
      ],
    });
  });

  it('turns its fields into the rule and back, keeping hysteresis and attribute', () => {
    const onAttribute = { ...comfort, attribute: 'current_temperature' };
    expect(outsideRange.toFields(onAttribute)).toEqual({
      min: '18',
      max: '24',
      hysteresis: '0.5',
      attribute: 'current_temperature',
    });
    expect(outsideRange.fromFields(outsideRange.toFields(onAttribute))).toEqual({
      min: 18,
      max: 24,
      hysteresis: 0.5,
      attribute: 'current_temperature',
    });
    expect(outsideRange.fromFields({ min: '', max: '24' })).toEqual({
      min: undefined,
      max: 24,
      hysteresis: 0,
    });
    // The editor's "State" choice is no attribute.
    expect(outsideRange.fromFields({ min: '1', max: '2', attribute: '' })).not.toHaveProperty(
      'attribute',
    );
  });

  it('describes itself in one line', () => {
    const say = (state: string) => state;
    expect(ruleKind('outside_range').describe(comfort, say)).toBe(
      'When it goes outside 18 to 24 (±0.5)',
    );
    expect(
      outsideRange.describe({ ...comfort, hysteresis: 0, attribute: 'current_temperature' }, say),
    ).toBe('When the current temperature goes outside 18 to 24');
  });

  it('checks the range with a message for the user', () => {
    const problems = (fields: object) => {
      const result = validateNotificationRule({ ...comfort, ...fields });
      return result.ok ? [] : result.problems;
    };
    expect(problems({})).toEqual([]);
    expect(problems({ min: 'cold' })).toEqual([
      { field: 'min', message: 'The lowest value must be a number' },
    ]);
    expect(problems({ min: 24, max: 18 })).toEqual([
      { field: 'max', message: 'The highest value must be above the lowest' },
    ]);
    expect(problems({ hysteresis: 4 })).toEqual([
      {
        field: 'hysteresis',
        message: 'The hysteresis is at most half the range (3), or the rule could never re-arm',
      },
    ]);
  });

  it('fires once per excursion, on either side, and re-arms once back past the hysteresis', () => {
    expect(fired(['24.5', '25', '23.8', '25', '23.5', '17', '18.2', '18.5', '17.9'])).toEqual([
      '21->24.5',
      '23.5->17',
      '18.5->17.9',
    ]);
  });

  it('learns where it stands from the first number, and ignores values that are not numbers', () => {
    expect(fired(['26', '21', '25'], '26')).toEqual(['21->25']);
    expect(fired(['unavailable', '16', 'unknown', '15'], 'unavailable')).toEqual([]);
    expect(fired(['unavailable', '16', 'unknown', '15'])).toEqual(['unavailable->16']);
  });

  it('holds a "stays so for" wait while the value stays outside', () => {
    const watch = outsideRange.watch(comfort);
    const started = bedroom('25');
    expect(watch.stillHolds(started, bedroom('30'))).toBe(true);
    expect(watch.stillHolds(started, bedroom('10'))).toBe(true);
    expect(watch.stillHolds(started, bedroom('23'))).toBe(false);
    expect(watch.stillHolds(started, bedroom('unavailable'))).toBe(false);
  });

  it('notifies through the engine, once per excursion', () => {
    const clock = new FakeClock(Date.UTC(2026, 0, 15, 12));
    const firings: RuleFiring[] = [];
    const engine = new RulesEngine({ clock, onFire: (firing) => firings.push(firing) });
    const home = new FakeHome(clock, engine);
    home.disconnect();
    engine.setRules([comfort]);
    home.set('sensor.bedroom', '21');
    home.connect();
    for (const value of ['17.5', '16', '19', '24.2', '25']) home.set('sensor.bedroom', value);
    expect(firings.map((f) => `${f.oldState}->${f.current.state}`)).toEqual([
      '21->17.5',
      '19->24.2',
    ]);
  });

  it('says which end of the range the value passed, in the message and the {threshold}', () => {
    const firing = (oldState: string, value: string, message?: string) =>
      entityMessage({
        rule: message === undefined ? comfort : { ...comfort, message },
        oldState,
        current: bedroom(value),
        whileDisconnected: false,
      });
    expect(firing('21', '17')).toEqual({
      title: 'Bedroom is 17 °C (below 18 °C)',
      body: 'Previously 21 °C.',
    });
    expect(firing('21', '25').title).toBe('Bedroom is 25 °C (above 24 °C)');
    expect(firing('21', '25', '{name}: {state}, over {threshold}').title).toBe(
      'Bedroom: 25 °C, over 24 °C',
    );
  });

  it('previews the end of the range nearest the value now', () => {
    expect(previewMessage(comfort, bedroom('22'))).toEqual({
      title: 'Bedroom is 25 °C (above 24 °C)',
      body: 'Previously 22 °C.',
    });
    expect(previewMessage(comfort, bedroom('19')).title).toBe('Bedroom is 17 °C (below 18 °C)');
  });
});
