import { useMainValue } from './useMainValue';

/** An instance's status (its connection, address and token), kept live; null until read. */
export const useAppStatus = (instance: string | null) => useMainValue('status', instance);
