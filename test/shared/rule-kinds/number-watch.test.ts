import { describe, expect, it } from 'vitest';
import {
  boundPassed,
  numberWatch,
  type WatchedNumber,
} from '../../../src/shared/rule-kinds/number-watch';
import { state } from '../../main/notify/states';

/** Two bounds: below 10 or above 20, each re-armed 2 back inside. */
const band: WatchedNumber = {
  bounds: [
    { direction: 'below', threshold: 10, hysteresis: 2 },
    { direction: 'above', threshold: 20, hysteresis: 2 },
  ],
};
const kind = numberWatch((watched: WatchedNumber) => watched);
const value = (v: string) => state('sensor.level', v);

describe('a rule kind on a number with more than one bound', () => {
  it('fires past either bound, and re-arms only once back past the hysteresis of both', () => {
    const watch = kind.watch(band);
    watch.baseline?.(value('15'));
    const fired: string[] = [];
    let before = value('15');
    for (const v of ['21', '15', '9', '11', '12', '21', '9']) {
      const oldState = watch.check({ before, current: value(v), lastRealState: undefined });
      if (oldState !== null) {
        fired.push(`${oldState}->${v}`);
        watch.used?.();
      }
      before = value(v);
    }
    // 11 is inside but not past the hysteresis; 21 -> 9 never came back inside: one excursion.
    expect(fired).toEqual(['15->21', '15->9', '12->21']);
  });

  it('names the bound the value is past, the first one while it is past none', () => {
    expect(boundPassed(band, 25)).toMatchObject({ direction: 'above', threshold: 20 });
    expect(boundPassed(band, 5)).toMatchObject({ direction: 'below', threshold: 10 });
    expect(boundPassed(band, undefined)).toMatchObject({ direction: 'below', threshold: 10 });
  });

  it('previews a value just past the bound nearest the value now', () => {
    expect(kind.preview(band, value('18')).current.state).toBe('22');
    expect(kind.preview(band, value('11')).current.state).toBe('8');
    expect(kind.preview(band, value('unavailable')).current.state).toBe('8');
  });
});
