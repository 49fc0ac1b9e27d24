import { useEffect } from 'react';
import { bridge } from '../bridge';

/**
 * Tells main while this page lists every entity: HA Tray otherwise subscribes only to the
 * entities it watches.
 */
export function useEntityListOpen(open: boolean): void {
  useEffect(() => {
    if (!open) return;
    void bridge().setEntityListOpen(true);
    return () => void bridge().setEntityListOpen(false);
  }, [open]);
}
