import { useEffect } from 'react';
import { bridge } from '../bridge';
import { runDetached } from '../detached';

/**
 * Tells main while this page lists every entity: HA Tray otherwise subscribes only to the
 * entities it watches.
 */
export function useEntityListOpen(open: boolean): void {
  useEffect(() => {
    if (!open) return;
    runDetached(bridge().setEntityListOpen(true), 'Widening the entity subscription');
    return () =>
      runDetached(bridge().setEntityListOpen(false), 'Narrowing the entity subscription');
  }, [open]);
}
