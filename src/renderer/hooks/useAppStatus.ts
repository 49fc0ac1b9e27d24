import { useMainValue } from './useMainValue';

/** The app's status, kept live by main's `status` events. */
export const useAppStatus = () => useMainValue('status');
