import type { DesktopStatus } from '../../shared/desktop-status';
import { bridge } from '../bridge';
import { useBridgeValue } from './useBridgeValue';

export function useDesktopStatus(): DesktopStatus | null {
  return useBridgeValue(
    () => bridge().getDesktopStatus(),
    (listener) => bridge().onDesktopStatus(listener),
  );
}
