import type { EntityState } from '../../shared/entity';
import type { ThresholdRule } from '../../shared/notification-rules';

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A number from a state or attribute, or undefined for "unavailable", "", "on" and the like. */
export function toNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string' || !DECIMAL.test(raw.trim())) return undefined;
  const value = Number(raw.trim());
  return Number.isFinite(value) ? value : undefined;
}

/** What a threshold rule watches, as Home Assistant sent it: the state, or the named attribute. */
export function watchedRaw(rule: ThresholdRule, entity: EntityState): unknown {
  return rule.attribute === undefined ? entity.state : entity.attributes[rule.attribute];
}

/** The value a threshold rule watches, if it is a number right now. */
export function watchedValue(rule: ThresholdRule, entity: EntityState): number | undefined {
  return toNumber(watchedRaw(rule, entity));
}

/** The watched value as text for messages ("25.5", "unavailable"). */
export function watchedText(rule: ThresholdRule, entity: EntityState): string {
  const raw = watchedRaw(rule, entity);
  return typeof raw === 'string' || typeof raw === 'number' ? String(raw) : 'unknown';
}
