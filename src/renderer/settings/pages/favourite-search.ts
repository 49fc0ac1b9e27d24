import { domainOf } from '../../../shared/entity';
import type { EntityView } from '../../../shared/entity-view';
import { friendlyName } from '../../../shared/state-text';

/** Entities whose name, entity id, area, floor, labels or domain contain every word of the query. */
export function searchEntities<T extends EntityView>(
  entities: readonly T[],
  query: string,
  limit: number,
): { matches: T[]; total: number } {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matching = entities.filter((entity) => {
    const haystack =
      `${friendlyName(entity)} ${entity.entity_id} ${entity.area ?? ''} ${entity.floor ?? ''} ${(entity.labels ?? []).join(' ')} ${domainOf(entity.entity_id)}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
  matching.sort((a, b) => friendlyName(a).localeCompare(friendlyName(b)));
  return { matches: matching.slice(0, limit), total: matching.length };
}
