import { isPlaceholderState } from '../placeholder-state';
import type { RuleCheck } from './rule-check';

export const anyChange: RuleCheck<'any_change'> = {
  kind: 'any_change',
  matches: (_rule, t) => t.from !== undefined && t.from !== t.to && !isPlaceholderState(t.to),
  preview: (_rule, entity) => ({ oldState: entity.state, current: entity }),
};
