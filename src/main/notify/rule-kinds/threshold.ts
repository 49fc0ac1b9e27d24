import type { ThresholdRule } from '../../../shared/notification-rules';
import { watchedText, watchedValue } from '../numeric-value';
import type { RuleCheck, RuleWatch } from './rule-check';

/** Past the threshold in the rule's direction (strictly: "above 25" does not include 25). */
export function isPastThreshold(rule: ThresholdRule, value: number): boolean {
  return rule.direction === 'above' ? value > rule.threshold : value < rule.threshold;
}

/** Back far enough on the other side that the rule may fire again. */
export function isRearmed(rule: ThresholdRule, value: number): boolean {
  return rule.direction === 'above'
    ? value <= rule.threshold - rule.hysteresis
    : value >= rule.threshold + rule.hysteresis;
}

/**
 * A threshold rule fires when the value crosses the threshold ("was below, now above"), not
 * while it stays past it: it is armed on the near side, used up by a crossing, and armed again
 * only once the value is back past the hysteresis. Values that are not numbers ("unavailable")
 * neither fire nor re-arm.
 */
function watchThreshold(rule: ThresholdRule): RuleWatch {
  /** May fire on the next crossing; undefined until a number was seen. */
  let armed: boolean | undefined;
  const crossed = (value: number): boolean => {
    if (armed === undefined) {
      armed = !isPastThreshold(rule, value);
      return false;
    }
    if (isPastThreshold(rule, value)) return armed;
    if (!armed && isRearmed(rule, value)) armed = true;
    return false;
  };
  return {
    baseline: (current) => {
      const value = watchedValue(rule, current);
      if (value !== undefined) armed = !isPastThreshold(rule, value);
    },
    check: ({ before, current }) => {
      const value = watchedValue(rule, current);
      return value !== undefined && crossed(value) ? watchedText(rule, before) : null;
    },
    stillHolds: (_started, current) => {
      const value = watchedValue(rule, current);
      return value !== undefined && isPastThreshold(rule, value);
    },
    // Still past the threshold after an outage is still the same crossing, however it moved.
    sameEpisode: () => true,
    // An attribute's change moves `last_updated` only.
    changedAt: (state) => state.last_updated,
    // A crossing is used up even when the cooldown swallows it: the user heard about it recently.
    used: () => {
      armed = false;
    },
  };
}

/** A value just past the threshold, so the preview reads like a real crossing. */
function pastThreshold(rule: ThresholdRule): string {
  const step = Math.max(rule.hysteresis, 1);
  return String(rule.direction === 'above' ? rule.threshold + step : rule.threshold - step);
}

export const threshold: RuleCheck<'threshold'> = {
  kind: 'threshold',
  watch: watchThreshold,
  preview: (rule, entity) => {
    const value = pastThreshold(rule);
    const current =
      rule.attribute === undefined
        ? { ...entity, state: value }
        : { ...entity, attributes: { ...entity.attributes, [rule.attribute]: Number(value) } };
    return { oldState: watchedText(rule, entity), current };
  },
};
