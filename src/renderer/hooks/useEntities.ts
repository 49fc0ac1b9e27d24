import type { EntityView } from '../../shared/entity-view';
import { bridge } from '../bridge';
import { useBridgeValue } from './useBridgeValue';

export function useEntities(): EntityView[] | null {
  return useBridgeValue(
    () => bridge().listEntities(),
    (listener) => bridge().onEntities(listener),
  );
}
