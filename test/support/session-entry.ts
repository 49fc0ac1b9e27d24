import { expect } from 'vitest';
import type { HaGeneration } from '../ha-sim/generation';
import type { RefreshTokenEntry } from './oauth-token-client';

// Apart from oauth-token-client.ts, which the real-HA harness loads outside vitest (npm run
// ha:up, test/real-ha/fixtures/start-and-hang.ts): vitest cannot be imported there.

/**
 * How `auth/refresh_tokens` lists the session a browser sign-in from 127.0.0.1 bought, as both
 * releases show it (2026.2 adds `expire_at`, 90 days on): for `toStrictEqual`.
 */
export function expectedSessionEntry(
  id: string,
  clientId: string,
  generation: HaGeneration,
): RefreshTokenEntry {
  return {
    id,
    client_id: clientId,
    client_name: null,
    client_icon: null,
    type: 'normal',
    created_at: expect.any(String) as string,
    is_current: false,
    last_used_at: expect.any(String) as string,
    last_used_ip: '127.0.0.1',
    auth_provider_type: 'homeassistant',
    ...(generation === '2024.1' ? {} : { expire_at: expect.any(String) as string }),
  };
}
