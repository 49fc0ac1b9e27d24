import type { RuleWatch } from './rule-watch';
import { stateTransition, type StateTransition } from './state-transition';

/** What a kind that watches the entity's state (not a value) says; `stateWatch` does the rest. */
export interface StateMatch<R> {
  /** Whether the rule fires on this transition (before any "stays so for" wait). */
  matches(rule: R, transition: StateTransition): boolean;
  /** Measured from the raw old state, not the last real one (a rule that names "unavailable"). */
  fromRawState?(rule: R): boolean;
}

/**
 * A state kind's watch: it remembers nothing between changes, a wait holds while the state stays
 * the one that started it, and a state that left and came back during an outage is a new episode.
 */
export function stateWatch<R>(spec: StateMatch<R>): (rule: R) => RuleWatch {
  return (rule) => ({
    check: ({ before, current, lastRealState }) => {
      const transition = stateTransition(before.state, current.state, lastRealState);
      if (!spec.matches(rule, transition)) return null;
      return spec.fromRawState?.(rule) ? transition.raw : (transition.from ?? transition.raw);
    },
    stillHolds: (started, current) => current.state === started.state,
    sameEpisode: (started, current) => current.last_changed === started.last_changed,
    changedAt: (state) => state.last_changed,
  });
}
