import type { NotificationRule } from '../../../shared/notification-rules';
import { stateTransition, type StateTransition } from '../state-transition';
import type { Rule, RuleCheck, RuleWatch } from './rule-check';

/** What a kind that watches the entity's state (not a value) says; `stateRuleCheck` does the rest. */
export interface StateRuleSpec<K extends NotificationRule['kind']> extends Omit<
  RuleCheck<K>,
  'watch'
> {
  /** Whether the rule fires on this transition (before any "stays so for" wait). */
  matches(rule: Rule<K>, transition: StateTransition): boolean;
  /** Measured from the raw old state, not the last real one (a rule that names "unavailable"). */
  fromRawState?(rule: Rule<K>): boolean;
}

/**
 * A state kind's watch: it remembers nothing between changes, a wait holds while the state stays
 * the one that started it, and a state that left and came back during an outage is a new episode.
 */
export function stateRuleCheck<K extends NotificationRule['kind']>(
  spec: StateRuleSpec<K>,
): RuleCheck<K> & StateRuleSpec<K> {
  const watch = (rule: Rule<K>): RuleWatch => ({
    check: ({ before, current, lastRealState }) => {
      const transition = stateTransition(before.state, current.state, lastRealState);
      if (!spec.matches(rule, transition)) return null;
      return spec.fromRawState?.(rule) ? transition.raw : (transition.from ?? transition.raw);
    },
    stillHolds: (started, current) => current.state === started.state,
    sameEpisode: (started, current) => current.last_changed === started.last_changed,
    changedAt: (state) => state.last_changed,
  });
  return { ...spec, watch };
}
