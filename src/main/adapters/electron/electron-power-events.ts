import { powerMonitor } from 'electron';
import type { PowerEvents } from '../../token-lifecycle/power-events';

function on(event: 'suspend' | 'resume' | 'unlock-screen', listener: () => void): () => void {
  powerMonitor.on(event as 'resume', listener);
  return () => powerMonitor.off(event as 'resume', listener);
}

export function createElectronPowerEvents(): PowerEvents {
  return {
    onSuspend: (listener) => on('suspend', listener),
    onResume: (listener) => on('resume', listener),
    onUnlockScreen: (listener) => on('unlock-screen', listener),
  };
}
