import { isPlaceholderState } from '../placeholder-state';
import { stateRuleCheck } from './state-rule';

export const transition = stateRuleCheck({
  kind: 'transition',
  // "From unavailable to on" means the raw state, not the last real one.
  fromRawState: (rule) => isPlaceholderState(rule.from),
  matches: (rule, t) =>
    t.to === rule.to && (isPlaceholderState(rule.from) ? t.raw : t.from) === rule.from,
  preview: (rule, entity) => ({ oldState: rule.from, current: { ...entity, state: rule.to } }),
});
