import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the real-HA tools keep what they install once: venvs, a built Python, `ha:up` state. */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.HA_TRAY_CACHE ?? join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'ha-tray');
}
