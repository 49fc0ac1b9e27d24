import type { EntityState } from './entity';

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A number from a state or attribute, or undefined for "unavailable", "", "on" and the like. */
export function toNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string' || !DECIMAL.test(raw.trim())) return undefined;
  const value = Number(raw.trim());
  return Number.isFinite(value) ? value : undefined;
}

/** Which value a rule on a number watches: the named attribute, or the state without one. */
export interface WatchedSource {
  attribute?: string | undefined;
}

/** What a rule watches, as Home Assistant sent it: the state, or the named attribute. */
export function watchedRaw(source: WatchedSource, entity: EntityState): unknown {
  return source.attribute === undefined ? entity.state : entity.attributes[source.attribute];
}

/** The value a rule watches, if it is a number right now. */
export function watchedValue(source: WatchedSource, entity: EntityState): number | undefined {
  return toNumber(watchedRaw(source, entity));
}

/** The watched value as text for messages ("25.5", "unavailable"). */
export function watchedText(source: WatchedSource, entity: EntityState): string {
  const raw = watchedRaw(source, entity);
  return typeof raw === 'string' || typeof raw === 'number' ? String(raw) : 'unknown';
}

/**
 * Attributes that describe the entity rather than measure something: its feature bits, its limits
 * and steps ("min_temp", "target_temp_step"). A rule on them would never fire.
 */
const NOT_MEASURED = /^(supported_features|(min|max)_.*|.*_step)$/;

/** The entity's attributes that hold a number now and measure something, in Home Assistant's order. */
export function numericAttributes(entity: Pick<EntityState, 'attributes'>): string[] {
  return Object.entries(entity.attributes)
    .filter(
      ([key, value]) =>
        typeof value === 'number' && Number.isFinite(value) && !NOT_MEASURED.test(key),
    )
    .map(([key]) => key);
}
