import type { Logger } from '../log/logger';
import { haVersionAtLeast, isRefusedAsTooOld } from './ha-version';
import { floorOrder } from './registry-order';

interface FloorEntry {
  floor_id: string;
  name: string;
  level?: number | null;
}

interface LabelEntry {
  label_id: string;
  name: string;
}

/** A floor's name and where it comes in Home Assistant's order of floors (0 first). */
export interface FloorName {
  name: string;
  order: number;
}

/** Floors and label names by id. Both are empty before Home Assistant 2024.4. */
export interface FloorsAndLabels {
  floors: Map<string, FloorName>;
  labels: Map<string, string>;
}

/** `config/floor_registry/list` and `config/label_registry/list` exist since 2024.4. */
export const FLOORS_AND_LABELS_SINCE = [2024, 4] as const;

/**
 * `floor_registry_updated` and `label_registry_updated` are in SUBSCRIBE_ALLOWLIST
 * (homeassistant/auth/permissions/events.py) since 2024.8 (home-assistant/core#123267): before,
 * Home Assistant refused them to a user who is not an administrator, and logged an error for it.
 */
export const FLOOR_AND_LABEL_EVENTS_SINCE = [2024, 8] as const;

type Send = <T>(message: { type: string }) => Promise<T>;

/**
 * Reads the floor and label registries when `haVersion` (from `auth_ok`) has them. An older Home
 * Assistant, or one that refuses the command (`unknown_command`, `invalid_format`), gives empty
 * maps without a word: areas are then simply not grouped by floor and search has no labels.
 */
export async function readFloorsAndLabels(
  send: Send,
  haVersion: string | undefined,
  logger: Logger,
): Promise<FloorsAndLabels> {
  if (!haVersionAtLeast(haVersion, ...FLOORS_AND_LABELS_SINCE))
    return { floors: new Map(), labels: new Map() };
  const read = async <E>(type: string): Promise<E[]> => {
    try {
      const entries = await send<E[]>({ type });
      return Array.isArray(entries) ? entries : [];
    } catch (error) {
      if (!isRefusedAsTooOld(error)) logger.info(`${type} is not available`, error);
      return [];
    }
  };
  const [floors, labels] = await Promise.all([
    read<FloorEntry>('config/floor_registry/list'),
    read<LabelEntry>('config/label_registry/list'),
  ]);
  const order = floorOrder(floors, haVersion);
  return {
    floors: new Map(
      floors.map((f) => [f.floor_id, { name: f.name, order: order.get(f.floor_id)! }]),
    ),
    labels: new Map(labels.map((l) => [l.label_id, l.name])),
  };
}
