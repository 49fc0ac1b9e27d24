import type { EntityState } from '../entity';

/** One change of a rule's entity, as the engine saw it. */
export interface WatchedChange {
  before: EntityState;
  current: EntityState;
  /** The last state before `current` that was not a placeholder (see state-transition.ts). */
  lastRealState: string | undefined;
}

/**
 * One enabled rule watching its entity. The engine (src/main/notify/rules-engine.ts) makes a
 * fresh one for a new or edited rule and when the entity comes back, and does for every kind
 * what they share ("stays so for", cooldowns, outages); what a kind remembers between changes
 * (a threshold's side) stays in here.
 */
export interface RuleWatch {
  /** First sight of the entity: nothing fires, but a kind may learn where the entity stands. */
  baseline?(current: EntityState): void;
  /** The state the message says the entity came from if this change fires the rule, else null. */
  check(change: WatchedChange): string | null;
  /** During a "stays so for" wait that `started` began: whether `current` still meets the rule. */
  stillHolds(started: EntityState, current: EntityState): boolean;
  /**
   * After an outage, with the rule still met: whether `current` is the episode that started the
   * wait (it goes on to its deadline) or a new one (the wait starts over from `changedAt`).
   */
  sameEpisode(started: EntityState, current: EntityState): boolean;
  /** When Home Assistant says the watched value last changed (an ISO time). */
  changedAt(state: EntityState): string;
  /** The rule's condition was met and used up, whether or not a cooldown held the notification. */
  used?(): void;
}

/** The change a preview and the test notification pretend: the rule's own target stands in. */
export interface PreviewChange {
  oldState: string;
  current: EntityState;
}
