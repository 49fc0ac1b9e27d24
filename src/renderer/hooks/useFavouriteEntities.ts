import { useMainValue } from './useMainValue';

/** The favourites Home Assistant has, live: all the panel needs of the home. */
export const useFavouriteEntities = () => useMainValue('favouriteEntities');
