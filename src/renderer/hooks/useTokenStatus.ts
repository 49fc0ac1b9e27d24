import { useMainValue } from './useMainValue';

/** An instance's token: its facts, reminder and rotation, kept live. */
export const useTokenStatus = (instance: string | null) => useMainValue('tokenStatus', instance);
