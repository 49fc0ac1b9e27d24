import type { EntityView } from '../../shared/entity-view';
import { bridge } from '../bridge';
import { useBridgeValue } from './useBridgeValue';

/** The favourites Home Assistant has, live: all the panel needs of the home. */
export function useFavouriteEntities(): EntityView[] | null {
  return useBridgeValue(
    () => bridge().listFavouriteEntities(),
    (listener) => bridge().onFavouriteEntities(listener),
  );
}
