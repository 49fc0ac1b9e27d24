import { offendingSummary, pyRepr } from './py-repr';

/**
 * The part of voluptuous that Home Assistant's answers show: which values a schema accepts and the
 * exact wording of its errors ("extra keys not allowed @ data['x']", "value must be at most 100
 * for dictionary value @ data['brightness_pct']", ...).
 */

/** A path element; `virtual` is voluptuous' `<label>` for exclusion and inclusion groups. */
export type PathItem = string | number | { virtual: string };

export class Invalid extends Error {
  errorType: string | null = null;

  constructor(
    readonly msg: string,
    readonly path: PathItem[] = [],
  ) {
    super(msg);
  }

  override toString(): string {
    const type = this.errorType ? ` for ${this.errorType}` : '';
    const path = this.path.length
      ? ` @ data[${this.path.map((p) => (typeof p === 'object' ? `<${p.virtual}>` : pyRepr(p))).join('][')}]`
      : '';
    return `${this.msg}${type}${path}`;
  }
}

/** What a schema raises: `str()` is its first error, as in voluptuous. */
export class MultipleInvalid extends Error {
  constructor(readonly errors: Invalid[]) {
    super(errors[0]?.toString() ?? 'invalid');
  }

  override toString(): string {
    return this.message;
  }
}

/** `voluptuous.humanize.humanize_error`: every error with the value it got, sorted, one per line. */
export function humanizeError(data: unknown, error: Invalid | MultipleInvalid): string {
  const errors = error instanceof MultipleInvalid ? error.errors : [error];
  return errors
    .map((e) => `${e.toString()}. Got ${offendingSummary(itemAt(data, e.path))}`)
    .sort()
    .join('\n');
}

function itemAt(data: unknown, path: PathItem[]): unknown {
  let item = data;
  for (const key of path) {
    if (typeof key === 'object' || item === null || typeof item !== 'object') return null;
    item = (item as Record<string | number, unknown>)[key];
    if (item === undefined) return null;
  }
  return item;
}

export type Validator<T = unknown> = (value: unknown, path: PathItem[]) => T;

export interface Field {
  key: string;
  validate: Validator;
  required?: boolean;
  /** Filled in when the key is missing (`vol.Optional(key, default=...)`). */
  default?: unknown;
  /** `vol.Exclusive(key, group)`: at most one key of the group. */
  exclusive?: string;
  /** `vol.Inclusive(key, group)`: all keys of the group or none. */
  inclusive?: string;
}

const plainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `vol.Schema({...})` with PREVENT_EXTRA, in voluptuous' order of checks. */
export function schema(fields: readonly Field[]): Validator<Record<string, unknown>> {
  return (data, path) => {
    if (!plainObject(data)) throw new MultipleInvalid([new Invalid('expected a dictionary', path)]);
    const groupErrors: Invalid[] = [];
    for (const group of new Set(fields.flatMap((f) => (f.exclusive ? [f.exclusive] : [])))) {
      const present = fields.filter((f) => f.exclusive === group && f.key in data);
      if (present.length > 1)
        groupErrors.push(
          new Invalid(`two or more values in the same group of exclusion '${group}'`, [
            ...path,
            { virtual: group },
          ]),
        );
    }
    for (const group of new Set(fields.flatMap((f) => (f.inclusive ? [f.inclusive] : [])))) {
      const members = fields.filter((f) => f.inclusive === group);
      const present = members.filter((f) => f.key in data);
      if (present.length > 0 && present.length < members.length)
        groupErrors.push(
          new Invalid(`some but not all values in the same group of inclusion '${group}'`, [
            ...path,
            { virtual: group },
          ]),
        );
    }
    if (groupErrors.length > 0) throw new MultipleInvalid(groupErrors);

    const errors: Invalid[] = [];
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(data)) {
      const keyPath = [...path, key];
      const field = fields.find((f) => f.key === key);
      if (!field) {
        errors.push(new Invalid('extra keys not allowed', keyPath));
        continue;
      }
      try {
        out[key] = field.validate(value, keyPath);
      } catch (err) {
        for (const e of asInvalids(err)) {
          if (e.path.length <= keyPath.length) e.errorType = 'dictionary value';
          errors.push(e);
        }
      }
    }
    for (const field of fields) {
      if (field.key in data) continue;
      if (field.required)
        errors.push(new Invalid('required key not provided', [...path, field.key]));
      else if ('default' in field) out[field.key] = structuredClone(field.default);
    }
    if (errors.length > 0) throw new MultipleInvalid(errors);
    return out;
  };
}

function asInvalids(err: unknown): Invalid[] {
  if (err instanceof MultipleInvalid) return err.errors;
  if (err instanceof Invalid) return [err];
  throw err;
}

// ---- validators -------------------------------------------------------------------------------

const fail = (msg: string, path: PathItem[]): never => {
  throw new Invalid(msg, path);
};

export const anyValue: Validator = (v) => v;

/** A bare Python type in a schema: `str`, `int`, `bool`, `dict`, `list`. */
export function ofType(type: 'str' | 'int' | 'bool' | 'dict' | 'list'): Validator {
  const ok: Record<typeof type, (v: unknown) => boolean> = {
    str: (v) => typeof v === 'string',
    int: (v) => (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'boolean',
    bool: (v) => typeof v === 'boolean',
    dict: plainObject,
    list: Array.isArray,
  };
  return (v, path) => (ok[type](v) ? v : fail(`expected ${type}`, path));
}

/** `vol.Coerce(int)` / `vol.Coerce(float)`. */
export function coerce(type: 'int' | 'float'): Validator<number> {
  return (v, path) => {
    let n: number;
    if (typeof v === 'boolean') n = v ? 1 : 0;
    else if (typeof v === 'number') n = v;
    else if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) {
      if (type === 'int' && !/^\s*[+-]?\d+\s*$/.test(v)) return fail('expected int', path);
      n = Number(v);
    } else return fail(`expected ${type}`, path);
    return type === 'int' ? Math.trunc(n) : n;
  };
}

/** `vol.Range(min, max)`. */
export function range(min: number | null, max: number | null): Validator<number> {
  return (v, path) => {
    const n = v as number;
    if (min !== null && n < min) fail(`value must be at least ${min}`, path);
    if (max !== null && n > max) fail(`value must be at most ${max}`, path);
    return n;
  };
}

/** `vol.Clamp(min, max)`: out-of-range values are pulled in, not refused. */
export const clamp =
  (min: number, max: number): Validator<number> =>
  (v) =>
    Math.min(max, Math.max(min, v as number));

/** `vol.All(...)`: each validator gets the previous one's output. */
export function all(...validators: Validator[]): Validator {
  return (v, path) => validators.reduce((value, validate) => validate(value, path), v);
}

/** `vol.In(container)`. */
export function oneOf(values: readonly string[]): Validator<string> {
  return (v, path) =>
    typeof v === 'string' && values.includes(v)
      ? v
      : fail(`value must be one of ${pyRepr([...values].sort())}`, path);
}

/** `vol.Coerce(SomeEnum)`: voluptuous lists the enum's values in the message. */
export function coerceEnum(name: string, values: readonly string[]): Validator<string> {
  return (v, path) =>
    typeof v === 'string' && values.includes(v)
      ? v
      : fail(`expected ${name} or one of ${values.map((x) => pyRepr(x)).join(', ')}`, path);
}

/** `cv.string`. */
export const cvString: Validator<string> = (v, path) => {
  if (v === null || v === undefined) return fail('string value is None', path);
  if (typeof v === 'object') return fail('value should be a string', path);
  return String(v);
};

/** `cv.boolean`. */
export const cvBoolean: Validator<boolean> = (v, path) => {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') {
    const s = v.toLowerCase().trim();
    if (['1', 'true', 'yes', 'on', 'enable'].includes(s)) return true;
    if (['0', 'false', 'no', 'off', 'disable'].includes(s)) return false;
  }
  return fail(`invalid boolean value ${pyRepr(v).replace(/^'(.*)'$/, '$1')}`, path);
};

const ENTITY_ID = /^(?!.+__)(?!_)[\da-z_]+(?<!_)\.(?!_)[\da-z_]+(?<!_)$/;

const isValidEntityId = (id: string): boolean => ENTITY_ID.test(id);

/** `cv.ensure_list_csv`: a comma-separated string or a list. */
function ensureListCsv(v: unknown): unknown[] {
  if (typeof v === 'string') return v.split(',').map((s) => s.trim());
  return Array.isArray(v) ? v : [v];
}

/** `cv.entity_ids`: ids are lower-cased, then must look like `domain.object_id`. */
export const entityIds: Validator<string[]> = (v, path) =>
  ensureListCsv(v).map((item, i) => {
    const id = cvString(item, [...path, i]).toLowerCase();
    return isValidEntityId(id) ? id : fail(`Entity ID ${id} is an invalid entity ID`, [...path, i]);
  });

/** `cv.comp_entity_ids`: entity ids, or the words "all" / "none". */
export const compEntityIds: Validator<string[] | 'all' | 'none'> = (v, path) => {
  if (typeof v === 'string' && ['all', 'none'].includes(v.toLowerCase()))
    return v.toLowerCase() as 'all' | 'none';
  return entityIds(v, path);
};

/** `vol.All(cv.ensure_list, [str])`, for area and device ids. */
export const stringList: Validator<string[]> = (v, path) =>
  (Array.isArray(v) ? v : [v]).map((item, i) => ofType('str')(item, [...path, i]) as string);
