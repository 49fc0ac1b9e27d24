import type { Logger } from '../log/logger';
import { haVersionAtLeast, isRefusedAsTooOld } from './ha-version';

interface FloorEntry {
  floor_id: string;
  name: string;
}

interface LabelEntry {
  label_id: string;
  name: string;
}

/** Floor and label names by id. Both are empty before Home Assistant 2024.4. */
export interface FloorsAndLabels {
  floors: Map<string, string>;
  labels: Map<string, string>;
}

/** `config/floor_registry/list` and `config/label_registry/list` exist since 2024.4. */
export const FLOORS_AND_LABELS_SINCE = [2024, 4] as const;

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
  const read = async <E>(type: string, pair: (entry: E) => [string, string]) => {
    try {
      const entries = await send<E[]>({ type });
      return new Map(Array.isArray(entries) ? entries.map(pair) : []);
    } catch (error) {
      if (!isRefusedAsTooOld(error)) logger.info(`${type} is not available`, error);
      return new Map<string, string>();
    }
  };
  const [floors, labels] = await Promise.all([
    read<FloorEntry>('config/floor_registry/list', (f) => [f.floor_id, f.name]),
    read<LabelEntry>('config/label_registry/list', (l) => [l.label_id, l.name]),
  ]);
  return { floors, labels };
}
