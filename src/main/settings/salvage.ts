import { z } from 'zod';
import {
  DEFAULT_SETTINGS,
  settingsSections,
  type Settings,
  type SettingsSection,
} from '../../shared/settings';
import type { RawDocument } from '../storage/document-format';

export interface Salvaged {
  settings: Omit<Settings, 'schemaVersion'>;
  /** Where something was not valid ("tokenReminder.intervalDays", "favourites[3]"); empty when all was. */
  reset: string[];
}

/** How the names of entries HA Tray does not know are reported: never echoed, they are the file's own text. */
export const UNKNOWN_ENTRY = '<unknown>';

/**
 * Keeps what is valid in settings read from disk, at the finest level that stays simple:
 * - a valid section is kept as it is;
 * - in a section that is an object, each valid field is kept and each invalid one gets its default;
 * - in a list (the instances, an instance's favourites), each valid item is kept in order, an item
 *   that is an object is salvaged the same way (an instance keeps its valid favourites when one is
 *   wrong), and an item that stays invalid, or is repeated, is dropped;
 * - anything else invalid gets its section's default;
 * - a missing section or field gets its default silently (that is how new settings arrive);
 * - entries HA Tray does not know are dropped, which also keeps anything pasted in by hand
 *   (a token, say) from being carried over.
 */
export function salvageSettings(raw: RawDocument): Salvaged {
  const reset: string[] = [];
  const settings: Record<string, unknown> = {};
  for (const name of Object.keys(settingsSections) as SettingsSection[]) {
    settings[name] =
      raw[name] === undefined
        ? DEFAULT_SETTINGS[name]
        : salvage(settingsSections[name], raw[name], DEFAULT_SETTINGS[name], name, reset);
  }
  for (const key of Object.keys(raw)) {
    if (key !== 'schemaVersion' && !(key in settingsSections)) reset.push(UNKNOWN_ENTRY);
  }
  return { settings: settings as Salvaged['settings'], reset: [...new Set(reset)] };
}

function salvage(
  schema: z.ZodType,
  value: unknown,
  fallback: unknown,
  path: string,
  reset: string[],
): unknown {
  const whole = schema.safeParse(value);
  if (whole.success) return whole.data;
  // A field with a default is salvaged as what it wraps; a missing one got its default above.
  if (schema instanceof z.ZodDefault) {
    const inner = schema.unwrap() as unknown as z.ZodType;
    return salvage(inner, value, fallback ?? schema.parse(undefined), path, reset);
  }
  const before = reset.length;
  let candidate: unknown;
  if (schema instanceof z.ZodObject && isRecord(value) && isRecord(fallback)) {
    const shape = schema.shape as Record<string, z.ZodType>;
    const fields: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(shape)) {
      const kept =
        value[key] === undefined
          ? fallback[key]
          : salvage(field, value[key], fallback[key], `${path}.${key}`, reset);
      // An optional field that was not there stays absent.
      if (kept !== undefined) fields[key] = kept;
    }
    if (Object.keys(value).some((key) => !(key in shape))) reset.push(`${path}.${UNKNOWN_ENTRY}`);
    candidate = fields;
  } else if (schema instanceof z.ZodArray && Array.isArray(value)) {
    // Item by item, so that the list's own rules (no repeats, a maximum length) drop the later ones.
    const kept: unknown[] = [];
    const element = schema.element as unknown as z.ZodType;
    value.forEach((item, index) => {
      const where = `${path}[${index}]`;
      if (schema.safeParse([...kept, item]).success) {
        kept.push(item);
        return;
      }
      const inner: string[] = [];
      const repaired =
        element instanceof z.ZodObject && isRecord(item)
          ? salvage(element, item, {}, where, inner)
          : undefined;
      if (isRecord(repaired) && schema.safeParse([...kept, repaired]).success) {
        kept.push(repaired);
        reset.push(...inner);
      } else reset.push(where);
    });
    candidate = kept;
  }
  const salvaged = candidate === undefined ? null : schema.safeParse(candidate);
  if (salvaged?.success) return salvaged.data;
  reset.length = before;
  reset.push(path);
  return fallback;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
