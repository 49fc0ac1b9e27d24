import type { NotificationRule } from '../../shared/notification-rules';

/**
 * States that say Home Assistant does not know the real state. An entity passes through them
 * whenever Home Assistant or an integration restarts, so a change is measured against the last
 * real state: "closed -> unavailable -> closed" is no change, "closed -> unavailable -> open" is
 * the door opening. Only rules that name one of these states react to entering or leaving it.
 */
const PLACEHOLDER_STATES: ReadonlySet<string> = new Set(['unavailable', 'unknown']);

export function isPlaceholderState(state: string): boolean {
  return PLACEHOLDER_STATES.has(state);
}

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

/** A rule that names "unavailable" as its start means the raw state, not the last real one. */
const startsFromPlaceholder = (rule: StateRule) =>
  rule.kind === 'transition' && isPlaceholderState(rule.from);

/** The state a message should say the entity came from. */
export function reportedOldState(rule: StateRule, t: StateTransition): string {
  return startsFromPlaceholder(rule) ? t.raw : (t.from ?? t.raw);
}

/** Whether a state rule fires on this transition (before any "stays so for" wait). */
export function stateRuleMatches(rule: StateRule, t: StateTransition): boolean {
  const changed = t.from !== undefined && t.from !== t.to;
  switch (rule.kind) {
    case 'any_change':
      return changed && !isPlaceholderState(t.to);
    case 'becomes':
      return changed && rule.states.includes(t.to);
    case 'transition':
      return t.to === rule.to && (startsFromPlaceholder(rule) ? t.raw : t.from) === rule.from;
  }
}
