import { afterEach, describe, expect, it } from 'vitest';
import type { AppServices } from '../../../src/main/app-services';
import { decodeTokenClaims } from '../../../src/main/token-lifecycle/token-claims';
import { requestChannel } from '../../../src/shared/ipc/define';
import { FIRST_INSTANCE_KEY } from '../../../src/shared/settings';
import type { IpcResult } from '../../../src/shared/ipc/result';
import type { TokenStatus } from '../../../src/shared/token-status';
import { HA_RELEASE, startSimulator, type HaSimulator } from '../../ha-sim';
import { appForSimulator } from '../../support/connected-app';
import { onlyInstance } from '../../support/only-instance';
import { RawClient } from '../../support/raw-ws-client';
import { waitFor } from '../../support/wait-for';

const PAGE = { url: 'ha-tray://app/settings.html#/token', isMainFrame: true };
const DAY_MS = 86_400_000;
let sim: HaSimulator;
let app: AppServices;
let dispose: (() => Promise<void>) | undefined;

async function tokenStatus(): Promise<TokenStatus> {
  const result = (await app.table.handle(requestChannel('getTokenStatus'), PAGE, [
    FIRST_INSTANCE_KEY,
  ])) as IpcResult<TokenStatus>;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Starts the simulator, lets `prepare` act as the user in Home Assistant, then connects the app. */
async function connectedApp(haVersion: string, prepare: (owner: RawClient) => Promise<void>) {
  sim = await startSimulator({ haVersion });
  const owner = await RawClient.authenticated(sim.url, sim.token);
  await prepare(owner);
  owner.close();
  ({ app, dispose } = await appForSimulator(sim));
  // The name is stored once the token list is in; the reminder has the facts from then on.
  await waitFor(() => onlyInstance(app).vault.metadata().name != null, 'the token list fetched');
}

/** The user switches expiry on for HA Tray's long-lived token in their Home Assistant profile. */
const switchExpiryOn = async (owner: RawClient) => {
  const id = decodeTokenClaims(sim.token)!.refreshTokenId;
  await owner.command({
    type: 'auth/refresh_token_set_expiry',
    refresh_token_id: id,
    enable_expiry: true,
  });
};

afterEach(async () => {
  await dispose?.();
  await sim?.close();
});

describe("Home Assistant's deletion date of the token (expire_at)", () => {
  it('2026.2: a long-lived token with expiry on is deleted 90 days after creation, and the reminder counts to that', async () => {
    await connectedApp(HA_RELEASE['2026.2'], switchExpiryOn);
    const { facts, reminder } = await tokenStatus();
    expect(facts!.haExpireAt).toBe(facts!.createdAt! + 90 * DAY_MS);
    expect(facts!.haExpireAt!).toBeLessThan(facts!.expiresAt!);
    expect(reminder.expiresAt).toBe(facts!.haExpireAt);
  });

  it('2026.2 with expiry off: no deletion date, the JWT exp counts', async () => {
    await connectedApp(HA_RELEASE['2026.2'], async () => {});
    const { facts, reminder } = await tokenStatus();
    expect(facts!.haExpireAt).toBeNull();
    expect(reminder.expiresAt).toBe(decodeTokenClaims(sim.token)!.expiresAt);
  });

  it('2024.1 does not say (and has no expiry switch): silent, the JWT exp counts', async () => {
    await connectedApp(HA_RELEASE['2024.1'], async (owner) => {
      expect((await owner.command({ type: 'auth/refresh_token_set_expiry' })).success).toBe(false);
    });
    const { facts, reminder } = await tokenStatus();
    expect(facts).toMatchObject({ haExpireAt: null, name: 'HA Tray tests' });
    expect(reminder.expiresAt).toBe(decodeTokenClaims(sim.token)!.expiresAt);
  });
});
