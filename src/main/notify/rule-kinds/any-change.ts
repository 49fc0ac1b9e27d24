import { isPlaceholderState } from '../placeholder-state';
import { stateRuleCheck } from './state-rule';

export const anyChange = stateRuleCheck({
  kind: 'any_change',
  matches: (_rule, t) => t.from !== undefined && t.from !== t.to && !isPlaceholderState(t.to),
  preview: (_rule, entity) => ({ oldState: entity.state, current: entity }),
});
