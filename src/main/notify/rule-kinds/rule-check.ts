import type { EntityState } from '../../../shared/entity';
import type { NotificationRule } from '../../../shared/notification-rules';
import type { StateTransition } from '../state-transition';

type Rule<K extends NotificationRule['kind']> = Extract<NotificationRule, { kind: K }>;

/**
 * The engine's side of one kind of rule (the shared side is in src/shared/rule-kinds/): when it
 * fires on a state change, and the change its preview pretends. Threshold rules watch a value
 * instead of states; the engine keeps their crossing state (see rules-engine.ts).
 */
export interface RuleCheck<K extends NotificationRule['kind']> {
  kind: K;
  /** Whether a state rule fires on this transition (before any "stays so for" wait). */
  matches?(rule: Rule<K>, transition: StateTransition): boolean;
  /** Measured from the raw old state, not the last real one (a rule that names "unavailable"). */
  fromRawState?(rule: Rule<K>): boolean;
  /** The change a preview shows for `entity`: the rule's own target state stands in. */
  preview(rule: Rule<K>, entity: EntityState): { oldState: string; current: EntityState };
}
