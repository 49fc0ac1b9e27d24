import { useEffect, useState } from 'react';
import type { IpcResult } from '../../shared/ipc/result';
import { runDetached } from '../detached';

/**
 * A value main owns, read once and kept live by its event: the one pattern every page uses
 * for status, settings and entities.
 */
export function useBridgeValue<T>(
  load: () => Promise<IpcResult<T>>,
  subscribe: (listener: (value: T) => void) => () => void,
): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    let live = true;
    const off = subscribe((next) => setValue(next));
    runDetached(
      load().then((result) => {
        if (live && result.ok) setValue((current) => current ?? result.value);
      }),
      'Loading',
    );
    return () => {
      live = false;
      off();
    };
    // The bridge functions are stable for the page's lifetime.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return value;
}
