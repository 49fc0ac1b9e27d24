import type { EntityState } from '../entity';
import { watchedText, watchedValue, type WatchedSource } from '../numeric-value';
import type { PreviewChange, RuleWatch } from './rule-watch';

/** One side a watched number may pass ("above 25"), and how far back it must come to re-arm. */
export interface Bound {
  direction: 'above' | 'below';
  threshold: number;
  hysteresis: number;
}

/** Past the bound in its direction (strictly: "above 25" does not include 25). */
export function isPast(bound: Bound, value: number): boolean {
  return bound.direction === 'above' ? value > bound.threshold : value < bound.threshold;
}

/** Back far enough on the other side that the rule may fire again. */
export function isRearmed(bound: Bound, value: number): boolean {
  return bound.direction === 'above'
    ? value <= bound.threshold - bound.hysteresis
    : value >= bound.threshold + bound.hysteresis;
}

/** What a kind on a number watches: the value, and the bounds it notifies past (any of them). */
export interface WatchedNumber extends WatchedSource {
  bounds: readonly [Bound, ...Bound[]];
}

/** The bound `value` is past, for the message ("above 25"); the first one while past none. */
export function boundPassed(watched: WatchedNumber, value: number | undefined): Bound {
  const passed = value === undefined ? undefined : watched.bounds.find((b) => isPast(b, value));
  return passed ?? watched.bounds[0];
}

/**
 * A rule on a number fires when the value crosses a bound ("was below, now above"), not while it
 * stays past it: it is armed on the near side, used up by a crossing, and armed again only once
 * the value is back past the hysteresis of every bound. Values that are not numbers
 * ("unavailable") neither fire nor re-arm.
 */
function watchCrossings(watched: WatchedNumber): RuleWatch {
  const past = (value: number) => watched.bounds.some((bound) => isPast(bound, value));
  const rearmed = (value: number) => watched.bounds.every((bound) => isRearmed(bound, value));
  /** May fire on the next crossing; undefined until a number was seen. */
  let armed: boolean | undefined;
  const crossed = (value: number): boolean => {
    if (armed === undefined) {
      armed = !past(value);
      return false;
    }
    if (past(value)) return armed;
    if (!armed && rearmed(value)) armed = true;
    return false;
  };
  return {
    baseline: (current) => {
      const value = watchedValue(watched, current);
      if (value !== undefined) armed = !past(value);
    },
    check: ({ before, current }) => {
      const value = watchedValue(watched, current);
      return value !== undefined && crossed(value) ? watchedText(watched, before) : null;
    },
    stillHolds: (_started, current) => {
      const value = watchedValue(watched, current);
      return value !== undefined && past(value);
    },
    // Still past a bound after an outage is still the same crossing, however it moved.
    sameEpisode: () => true,
    // An attribute's change moves `last_updated` only.
    changedAt: (state) => state.last_updated,
    // A crossing is used up even when the cooldown swallows it: the user heard about it recently.
    used: () => {
      armed = false;
    },
  };
}

/** A value just past the bound nearest the value now, so the preview reads like a crossing. */
function previewPast(watched: WatchedNumber, entity: EntityState): PreviewChange {
  const now = watchedValue(watched, entity);
  const distance = (bound: Bound) => (now === undefined ? 0 : Math.abs(now - bound.threshold));
  const bound = watched.bounds.reduce((near, b) => (distance(b) < distance(near) ? b : near));
  const step = Math.max(bound.hysteresis, 1);
  const value = bound.direction === 'above' ? bound.threshold + step : bound.threshold - step;
  const current =
    watched.attribute === undefined
      ? { ...entity, state: String(value) }
      : { ...entity, attributes: { ...entity.attributes, [watched.attribute]: value } };
  return { oldState: watchedText(watched, entity), current };
}

/**
 * The engine's side of a kind on a number, from what one rule watches: its watch, its preview,
 * and the value and bound its message names ("25.5 °C (above 25 °C)").
 */
export function numberWatch<R>(watched: (rule: R) => WatchedNumber) {
  return {
    watch: (rule: R): RuleWatch => watchCrossings(watched(rule)),
    preview: (rule: R, entity: EntityState): PreviewChange => previewPast(watched(rule), entity),
    watchedNumber: watched,
  };
}
