import { describe, expect, it } from 'vitest';
import { threshold } from '../../../src/shared/rule-kinds/threshold';
import type { RuleWatch } from '../../../src/shared/rule-kinds/rule-watch';
import { rule, state } from '../../main/notify/states';

const above = rule('threshold', {
  entityId: 'sensor.temp',
  direction: 'above',
  threshold: 25,
  hysteresis: 0.5,
});
const temp = (value: string) => state('sensor.temp', value);

/** Feeds the values one change at a time and lists the old values of the changes that fire. */
function feed(watch: RuleWatch, first: string, values: string[]): string[] {
  const fired: string[] = [];
  let before = temp(first);
  for (const value of values) {
    const current = temp(value);
    const oldState = watch.check({ before, current, lastRealState: undefined });
    if (oldState !== null) {
      fired.push(`${oldState}->${value}`);
      watch.used?.();
    }
    before = current;
  }
  return fired;
}

describe('the "threshold" rule kind, in its own file', () => {
  it('fires on the crossing, not while the value stays past the threshold', () => {
    const watch = threshold.watch(above);
    watch.baseline?.(temp('24'));
    expect(feed(watch, '24', ['25', '25.5', '26'])).toEqual(['25->25.5']);
  });

  it('re-arms only once the value is back past the hysteresis', () => {
    const watch = threshold.watch(above);
    watch.baseline?.(temp('24'));
    expect(feed(watch, '24', ['25.1', '24.9', '25.2', '24.5', '25.4'])).toEqual([
      '24->25.1',
      '24.5->25.4',
    ]);
  });

  it('stays armed until the crossing is used: a "stays so for" wait may still be running', () => {
    const watch = threshold.watch(above);
    watch.baseline?.(temp('24'));
    const check = (from: string, to: string) =>
      watch.check({ before: temp(from), current: temp(to), lastRealState: undefined });
    expect(check('24', '26')).toBe('24');
    expect(check('26', '27')).toBe('26');
    watch.used?.();
    expect(check('27', '28')).toBeNull();
  });

  it('learns its side from the first number it sees, at the baseline or later', () => {
    const pastAtBaseline = threshold.watch(above);
    pastAtBaseline.baseline?.(temp('30'));
    expect(feed(pastAtBaseline, '30', ['31', '24', '26'])).toEqual(['24->26']);

    const noNumberYet = threshold.watch(above);
    noNumberYet.baseline?.(temp('unavailable'));
    expect(feed(noNumberYet, 'unavailable', ['30', '24', '26'])).toEqual(['24->26']);
  });

  it('neither fires nor re-arms on values that are not numbers', () => {
    const watch = threshold.watch(above);
    watch.baseline?.(temp('24'));
    expect(feed(watch, '24', ['unavailable', '26', 'unavailable', '27'])).toEqual([
      'unavailable->26',
    ]);
  });

  it('watches the other direction for "below", with hysteresis above the threshold', () => {
    const below = rule('threshold', {
      entityId: 'sensor.temp',
      direction: 'below',
      threshold: 20,
      hysteresis: 5,
    });
    const watch = threshold.watch(below);
    watch.baseline?.(temp('40'));
    expect(feed(watch, '40', ['19', '21', '18', '24', '19', '25', '15'])).toEqual([
      '40->19',
      '25->15',
    ]);
  });

  it('holds a wait while the value stays past, as one episode timed by last_updated', () => {
    const onAttribute = rule('threshold', {
      entityId: 'climate.living',
      direction: 'above',
      threshold: 25,
      hysteresis: 0,
      attribute: 'current_temperature',
    });
    const watch = threshold.watch(onAttribute);
    const climate = (temperature: unknown, changedAt: number, updatedAt: number) =>
      state('climate.living', 'heat', { current_temperature: temperature }, changedAt, updatedAt);
    const started = climate(26, 0, 1000);
    expect(watch.stillHolds(started, climate(27, 0, 2000))).toBe(true);
    expect(watch.stillHolds(started, climate(24, 0, 2000))).toBe(false);
    expect(watch.stillHolds(started, climate('unavailable', 0, 2000))).toBe(false);
    expect(watch.sameEpisode(started, climate(27, 5000, 5000))).toBe(true);
    expect(watch.changedAt(climate(27, 0, 2000))).toBe(new Date(2000).toISOString());
  });

  it('previews a value just past the threshold, from the value now', () => {
    expect(threshold.preview(above, temp('21'))).toEqual({
      oldState: '21',
      current: temp('26'),
    });
  });

  it('keeps the attribute it watches through the editor, which has no field for it', () => {
    const onAttribute = rule('threshold', {
      entityId: 'climate.living',
      direction: 'below',
      threshold: 18,
      hysteresis: 0.5,
      attribute: 'current_temperature',
    });
    expect(threshold.fromFields(threshold.toFields(onAttribute))).toEqual({
      direction: 'below',
      threshold: 18,
      hysteresis: 0.5,
      attribute: 'current_temperature',
    });
    expect(threshold.fromFields(threshold.toFields(above))).not.toHaveProperty('attribute');
  });
});
