import type { NotificationRule } from '../../../shared/notification-rules';
import { anyChange } from './any-change';
import { becomes } from './becomes';
import type { RuleCheck, RuleWatch } from './rule-check';
import { threshold } from './threshold';
import { transition } from './transition';

type Checks = { [K in NotificationRule['kind']]: RuleCheck<K> };

/** The engine's side of every rule kind; a missing kind is a type error. */
const CHECKS: Checks = {
  any_change: anyChange,
  becomes,
  transition,
  threshold,
};

export function ruleCheck<K extends NotificationRule['kind']>(kind: K): RuleCheck<K> {
  return CHECKS[kind];
}

/** A fresh watch for `rule`, whatever its kind. */
export function watchRule(rule: NotificationRule): RuleWatch {
  return (ruleCheck(rule.kind) as RuleCheck<NotificationRule['kind']>).watch(rule);
}
