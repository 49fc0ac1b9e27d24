import type { EntityView } from '../../shared/entity-view';

/** The fetched list with the live views of the favourites in place of their fetched ones. */
export function withLiveFavourites(
  list: EntityView[] | null,
  favourites: EntityView[] | null,
): EntityView[] | null {
  if (!list || !favourites || favourites.length === 0) return list;
  const live = new Map(favourites.map((view) => [view.entity_id, view]));
  return list.map((view) => live.get(view.entity_id) ?? view);
}
