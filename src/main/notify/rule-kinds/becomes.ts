import { stateRuleCheck } from './state-rule';

export const becomes = stateRuleCheck({
  kind: 'becomes',
  matches: (rule, t) => t.from !== undefined && t.from !== t.to && rule.states.includes(t.to),
  preview: (rule, entity) => ({
    oldState: entity.state,
    current: { ...entity, state: rule.states[0] ?? entity.state },
  }),
});
