import type { AppStatus } from '../../shared/app-status';
import { bridge } from '../bridge';
import { useBridgeValue } from './useBridgeValue';

/** The app's status, kept live by main's `status` events. */
export function useAppStatus(): AppStatus | null {
  return useBridgeValue(
    () => bridge().getStatus(),
    (listener) => bridge().onStatus(listener),
  );
}
