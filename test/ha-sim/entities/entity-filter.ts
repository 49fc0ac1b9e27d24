import { cvString, entityIds, schema, type Validator } from '../schema';

/** `vol.All(cv.ensure_list, [cv.string])`. */
const stringList: Validator<string[]> = (v, path) =>
  (Array.isArray(v) ? v : [v]).map((item, i) => cvString(item, [...path, i]));

/** `INCLUDE_EXCLUDE_FILTER_SCHEMA_INNER` (helpers/entityfilter.py): each key defaults to []. */
export const filterPart = schema([
  { key: 'domains', validate: stringList, default: [] },
  { key: 'entity_globs', validate: stringList, default: [] },
  { key: 'entities', validate: entityIds, default: [] },
]);

export interface FilterPart {
  domains: string[];
  entity_globs: string[];
  entities: string[];
}

/** `fnmatch.translate`: `*`, `?` and `[...]` classes, anchored at both ends. */
function globPattern(globs: string[]): RegExp | null {
  if (globs.length === 0) return null;
  const translate = (glob: string) =>
    [...glob]
      .map((ch) => {
        if (ch === '*') return '.*';
        if (ch === '?') return '.';
        if (ch === '[' || ch === ']') return ch;
        return ch.replace(/[.*+?^${}()|\\/-]/g, '\\$&');
      })
      .join('');
  return new RegExp(`^(?:${globs.map(translate).join('|')})$`, 's');
}

/**
 * `_generate_filter_from_sets_and_pattern_lists` (helpers/entityfilter.py, 2026.2), the six cases
 * of include/exclude by entity, domain and glob that `subscribe_entities` applies; null when the
 * filter is empty.
 */
export function entityFilter(
  include: FilterPart,
  exclude: FilterPart,
): ((entityId: string) => boolean) | null {
  const includeE = new Set(include.entities);
  const excludeE = new Set(exclude.entities);
  const includeD = new Set(include.domains);
  const excludeD = new Set(exclude.domains);
  const includeG = globPattern(include.entity_globs);
  const excludeG = globPattern(exclude.entity_globs);
  const haveInclude = includeE.size > 0 || includeD.size > 0 || includeG !== null;
  const haveExclude = excludeE.size > 0 || excludeD.size > 0 || excludeG !== null;
  const domainOf = (id: string) => id.split('.')[0]!;
  if (!haveInclude && !haveExclude) return null;
  if (haveInclude && !haveExclude)
    return (id) => includeE.has(id) || includeD.has(domainOf(id)) || !!includeG?.test(id);
  if (!haveInclude && haveExclude)
    return (id) => !(excludeE.has(id) || excludeD.has(domainOf(id)) || !!excludeG?.test(id));
  if (includeD.size > 0 || includeG)
    return (id) =>
      includeE.has(id) ||
      (!excludeE.has(id) &&
        (!!includeG?.test(id) || (includeD.has(domainOf(id)) && !excludeG?.test(id))));
  if (excludeD.size > 0 || excludeG)
    return (id) =>
      excludeD.has(domainOf(id)) || !!excludeG?.test(id) ? includeE.has(id) : !excludeE.has(id);
  return (id) => includeE.has(id);
}
