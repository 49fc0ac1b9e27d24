import type { ThresholdRule } from '../../../shared/notification-rules';
import { watchedText } from '../numeric-value';
import type { RuleCheck } from './rule-check';

/** A value just past the threshold, so the preview reads like a real crossing. */
function pastThreshold(rule: ThresholdRule): string {
  const step = Math.max(rule.hysteresis, 1);
  return String(rule.direction === 'above' ? rule.threshold + step : rule.threshold - step);
}

/** Crossings are tracked by the engine (armed, hysteresis); this is the preview. */
export const threshold: RuleCheck<'threshold'> = {
  kind: 'threshold',
  preview: (rule, entity) => {
    const value = pastThreshold(rule);
    const current =
      rule.attribute === undefined
        ? { ...entity, state: value }
        : { ...entity, attributes: { ...entity.attributes, [rule.attribute]: Number(value) } };
    return { oldState: watchedText(rule, entity), current };
  },
};
