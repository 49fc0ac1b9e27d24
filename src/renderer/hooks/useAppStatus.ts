import { useEffect, useState } from 'react';
import type { AppStatus } from '../../shared/app-status';
import { bridge } from '../bridge';

/** The app's status, kept live by main's `status` events. */
export function useAppStatus(): AppStatus | null {
  const [status, setStatus] = useState<AppStatus | null>(null);
  useEffect(() => {
    let live = true;
    const off = bridge().onStatus((next) => setStatus(next));
    void bridge()
      .getStatus()
      .then((result) => {
        if (live && result.ok) setStatus((current) => current ?? result.value);
      });
    return () => {
      live = false;
      off();
    };
  }, []);
  return status;
}
