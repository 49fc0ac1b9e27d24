import { isDeepStrictEqual } from 'node:util';
import type { EntityState } from '../../shared/entity';
import type { NotificationRule } from '../../shared/notification-rules';
import { isPlaceholderState } from '../../shared/placeholder-state';
import { ruleKind } from '../../shared/rule-kinds/registry';
import type { RuleWatch } from '../../shared/rule-kinds/rule-watch';
import type { Clock } from '../ha/clock';

/** A rule whose condition was met: what the message builder needs. */
export interface RuleFiring {
  rule: NotificationRule;
  /** The state the change is measured from (the last real one, see src/shared/rule-kinds/state-transition.ts). */
  oldState: string;
  current: EntityState;
  /** The change happened while HA Tray was disconnected and showed up in the next snapshot. */
  whileDisconnected: boolean;
}

export interface RulesEngineOptions {
  /** Timers for "stays so for N seconds"; tests pass a fake. */
  clock: Clock;
  onFire: (firing: RuleFiring) => void;
}

interface Pending {
  firing: RuleFiring;
  deadline: number;
  /** null while suspended (disconnected): the next snapshot decides whether it goes on. */
  timer: unknown;
}

interface RuleRuntime {
  /** An edited rule starts afresh, an untouched (deeply equal) one keeps its state. */
  rule: NotificationRule;
  /** What the rule's kind remembers between changes (see src/shared/rule-kinds/rule-watch.ts). */
  watch: RuleWatch;
  pending: Pending | null;
  lastFiredAt: number | null;
}

/**
 * Evaluates notification rules against entity updates. Snapshots (connect and every resubscribe)
 * are never changes in themselves: the first one is the baseline, and a later one only reports
 * what differs from the last state seen before the outage, once, marked `whileDisconnected`.
 */
export class RulesEngine {
  private lastSeen = new Map<string, EntityState>();
  private readonly lastRealState = new Map<string, string>();
  private byEntity = new Map<string, RuleRuntime[]>();

  constructor(private readonly options: RulesEngineOptions) {}

  /** The enabled rules replace the current ones; unchanged rules keep cooldowns and timers. */
  setRules(rules: readonly NotificationRule[]): void {
    const previous = new Map<string, RuleRuntime>();
    for (const runtimes of this.byEntity.values())
      for (const runtime of runtimes) previous.set(runtime.rule.id, runtime);
    const next = new Map<string, RuleRuntime[]>();
    for (const rule of rules) {
      if (!rule.enabled) continue;
      const kept = previous.get(rule.id);
      let runtime: RuleRuntime;
      if (kept && isDeepStrictEqual(kept.rule, rule)) {
        previous.delete(rule.id);
        runtime = kept;
      } else {
        runtime = this.freshRuntime(rule);
      }
      const list = next.get(rule.entityId);
      if (list) list.push(runtime);
      else next.set(rule.entityId, [runtime]);
    }
    for (const dropped of previous.values()) this.cancelPending(dropped);
    this.byEntity = next;
  }

  /** A full set of states from a (re)subscribe. */
  snapshot(states: Iterable<EntityState>): void {
    const previous = this.lastSeen;
    this.lastSeen = new Map();
    for (const state of states) this.lastSeen.set(state.entity_id, state);
    for (const id of previous.keys()) if (!this.lastSeen.has(id)) this.forget(id);
    for (const [id, current] of this.lastSeen) {
      const before = previous.get(id);
      const runtimes = this.byEntity.get(id) ?? [];
      for (const runtime of runtimes) {
        if (!before) this.observeBaseline(runtime, current);
        else {
          this.resumePending(runtime, current);
          this.evaluate(runtime, before, current, true);
        }
      }
      this.rememberRealState(current);
    }
  }

  /** A live update: `current` undefined means the entity was removed, `old` undefined added. */
  change(old: EntityState | undefined, current: EntityState | undefined): void {
    const id = current?.entity_id ?? old?.entity_id;
    if (id === undefined) return;
    if (!current) {
      this.lastSeen.delete(id);
      this.forget(id);
      return;
    }
    const before = this.lastSeen.get(id) ?? old;
    this.lastSeen.set(id, current);
    for (const runtime of this.byEntity.get(id) ?? []) {
      if (!before) {
        this.observeBaseline(runtime, current);
        continue;
      }
      if (runtime.pending && !this.stillHolds(runtime, runtime.pending, current))
        this.cancelPending(runtime);
      this.evaluate(runtime, before, current, false);
    }
    this.rememberRealState(current);
  }

  /**
   * The connection dropped: "stays so for" timers stop, because nobody knows whether the state
   * still holds. The next snapshot resumes or drops them.
   */
  suspend(): void {
    for (const runtimes of this.byEntity.values()) {
      for (const { pending } of runtimes) {
        if (pending?.timer != null) this.options.clock.clearTimeout(pending.timer);
        if (pending) pending.timer = null;
      }
    }
  }

  dispose(): void {
    for (const runtimes of this.byEntity.values()) runtimes.forEach((r) => this.cancelPending(r));
    this.byEntity.clear();
    this.lastSeen.clear();
    this.lastRealState.clear();
  }

  // ---------------------------------------------------------------------------------------------

  private freshRuntime(rule: NotificationRule): RuleRuntime {
    const runtime: RuleRuntime = { rule, watch: watchRule(rule), pending: null, lastFiredAt: null };
    const seen = this.lastSeen.get(rule.entityId);
    if (seen) this.observeBaseline(runtime, seen);
    return runtime;
  }

  /** First sight of the entity for this rule: nothing fires, the rule's kind may learn from it. */
  private observeBaseline(runtime: RuleRuntime, current: EntityState): void {
    runtime.watch.baseline?.(current);
  }

  private evaluate(
    runtime: RuleRuntime,
    before: EntityState,
    current: EntityState,
    whileDisconnected: boolean,
  ): void {
    const { rule } = runtime;
    const oldState = runtime.watch.check({
      before,
      current,
      lastRealState: this.lastRealState.get(current.entity_id),
    });
    if (oldState === null) return;
    const firing: RuleFiring = { rule, oldState, current, whileDisconnected };
    if (rule.forSeconds === undefined) return this.complete(runtime, firing);
    if (runtime.pending) return;
    const now = this.options.clock.now();
    const since = whileDisconnected ? this.changedAt(runtime, current, now) : now;
    this.startPending(runtime, firing, since + rule.forSeconds * 1000);
  }

  /** Whether a waiting rule's condition still holds with `current`. */
  private stillHolds(runtime: RuleRuntime, pending: Pending, current: EntityState): boolean {
    return runtime.watch.stillHolds(pending.firing.current, current);
  }

  /** After a reconnect: a wait goes on only if the condition held throughout the outage. */
  private resumePending(runtime: RuleRuntime, current: EntityState): void {
    const pending = runtime.pending;
    if (!pending) return;
    this.cancelPending(runtime);
    if (!this.stillHolds(runtime, pending, current)) return;
    if (runtime.watch.sameEpisode(pending.firing.current, current))
      return this.startPending(runtime, pending.firing, pending.deadline);
    // It changed away and back while disconnected: the wait starts over from the last change.
    const now = this.options.clock.now();
    const forMs = (runtime.rule.forSeconds ?? 0) * 1000;
    this.startPending(
      runtime,
      { ...pending.firing, current, whileDisconnected: true },
      this.changedAt(runtime, current, now) + forMs,
    );
  }

  private startPending(runtime: RuleRuntime, firing: RuleFiring, deadline: number): void {
    const now = this.options.clock.now();
    if (deadline <= now) return this.complete(runtime, firing);
    const pending: Pending = { firing, deadline, timer: null };
    runtime.pending = pending;
    pending.timer = this.options.clock.setTimeout(() => {
      if (runtime.pending === pending) this.complete(runtime, firing);
    }, deadline - now);
  }

  private cancelPending(runtime: RuleRuntime): void {
    if (runtime.pending?.timer != null) this.options.clock.clearTimeout(runtime.pending.timer);
    runtime.pending = null;
  }

  /** The condition is met (and held long enough): notify unless the rule is cooling down. */
  private complete(runtime: RuleRuntime, firing: RuleFiring): void {
    runtime.pending = null;
    runtime.watch.used?.();
    const now = this.options.clock.now();
    const cooldownMs = runtime.rule.cooldownSeconds * 1000;
    if (runtime.lastFiredAt !== null && now - runtime.lastFiredAt < cooldownMs) return;
    runtime.lastFiredAt = now;
    this.options.onFire(firing);
  }

  /** When Home Assistant says the watched value changed, but never in the future (clock skew). */
  private changedAt(runtime: RuleRuntime, state: EntityState, now: number): number {
    const at = Date.parse(runtime.watch.changedAt(state));
    return Number.isFinite(at) ? Math.min(at, now) : now;
  }

  private rememberRealState(state: EntityState): void {
    if (!isPlaceholderState(state.state)) this.lastRealState.set(state.entity_id, state.state);
  }

  /** The entity is gone: its waits end and a returning entity starts from a new baseline. */
  private forget(entityId: string): void {
    this.lastRealState.delete(entityId);
    for (const runtime of this.byEntity.get(entityId) ?? []) {
      this.cancelPending(runtime);
      runtime.watch = watchRule(runtime.rule);
    }
  }
}

/** A fresh watch for `rule`, from its kind (src/shared/rule-kinds/). */
function watchRule(rule: NotificationRule): RuleWatch {
  return ruleKind(rule.kind).watch(rule);
}
