import { useMainValue } from './useMainValue';

/** The settings, kept live. */
export const useSettings = () => useMainValue('settings');
