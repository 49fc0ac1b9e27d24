import type { Settings } from '../../shared/settings';
import { bridge } from '../bridge';
import { useBridgeValue } from './useBridgeValue';

export function useSettings(): Settings | null {
  return useBridgeValue(
    () => bridge().getSettings(),
    (listener) => bridge().onSettings(listener),
  );
}
