import type { NotificationRule } from '../../shared/notification-rules';
import type { RuleCheck } from './rule-kinds/rule-check';
import { ruleCheck } from './rule-kinds/registry';
import { isPlaceholderState } from './placeholder-state';

export interface StateTransition {
  /** The state before, as Home Assistant reported it. */
  raw: string;
  /**
   * The state the change is measured from: `raw`, or the last real state when `raw` is
   * unavailable/unknown; undefined when no real state was seen yet (nothing to compare with).
   */
  from: string | undefined;
  to: string;
}

export function stateTransition(
  raw: string,
  to: string,
  lastRealState: string | undefined,
): StateTransition {
  const from = isPlaceholderState(to) || !isPlaceholderState(raw) ? raw : lastRealState;
  return { raw, from, to };
}

type StateRule = Exclude<NotificationRule, { kind: 'threshold' }>;

/** The state a message should say the entity came from. */
export function reportedOldState(rule: StateRule, t: StateTransition): string {
  const check = ruleCheck(rule.kind) as RuleCheck<StateRule['kind']>;
  return check.fromRawState?.(rule) ? t.raw : (t.from ?? t.raw);
}

/** Whether a state rule fires on this transition (before any "stays so for" wait). */
export function stateRuleMatches(rule: StateRule, t: StateTransition): boolean {
  const check = ruleCheck(rule.kind) as RuleCheck<StateRule['kind']>;
  return check.matches?.(rule, t) ?? false;
}
