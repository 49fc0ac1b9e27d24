import { useMainValue } from './useMainValue';

/** Start at login and the global shortcut as the system reports them, kept live. */
export const useDesktopStatus = () => useMainValue('desktopStatus');
