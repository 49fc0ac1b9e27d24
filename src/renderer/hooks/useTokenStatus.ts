import type { TokenStatus } from '../../shared/token-status';
import { bridge } from '../bridge';
import { useBridgeValue } from './useBridgeValue';

export function useTokenStatus(): TokenStatus | null {
  return useBridgeValue(
    () => bridge().getTokenStatus(),
    (listener) => bridge().onTokenStatus(listener),
  );
}
