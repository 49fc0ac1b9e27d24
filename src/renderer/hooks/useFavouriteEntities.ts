import { useMainValue } from './useMainValue';

/** An instance's favourites as Home Assistant has them, live: all the panel needs of its home. */
export const useFavouriteEntities = (instance: string | null) =>
  useMainValue('favouriteEntities', instance);
