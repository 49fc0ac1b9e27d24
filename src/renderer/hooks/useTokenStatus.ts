import { useMainValue } from './useMainValue';

/** The token's facts, reminder and rotation, kept live. */
export const useTokenStatus = () => useMainValue('tokenStatus');
