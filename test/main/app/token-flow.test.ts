import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../src/main/app-services';
import { normaliseInstanceUrl } from '../../../src/shared/instance-url';
import { requestChannel } from '../../../src/shared/ipc/define';
import { FIRST_INSTANCE_KEY as KEY } from '../../../src/shared/settings';
import type { IpcResult } from '../../../src/shared/ipc/result';
import type { ConnectionStatus } from '../../../src/shared/connection-status';
import type {
  AuditView,
  ManualRotationResult,
  RevokeResult,
  RotationStatus,
  TokenStatus,
} from '../../../src/shared/token-status';
import { testPlatform } from '../../support/app-platform';
import { startSimulator, type HaSimulator } from '../../ha-sim';
import { RawClient } from '../../support/raw-ws-client';
import { waitFor } from '../../support/wait-for';
import { fastRetry } from '../../support/fast-retry';
import { onlyInstance } from '../../support/only-instance';
import { snapshotIn } from '../../support/supervised-store';

const PAGE = { url: 'ha-tray://app/settings.html#/token', isMainFrame: true };
let sim: HaSimulator;
let dir: string;
let app: AppServices;
const statuses: ConnectionStatus[] = [];
const logLines: string[] = [];

/** Every request here is about the app's one Home Assistant: the page names it first. */
async function ask<T>(name: string, ...args: unknown[]): Promise<T> {
  const result = (await app.table.handle(requestChannel(name), PAGE, [
    KEY,
    ...args,
  ])) as IpcResult<T>;
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}

beforeEach(async () => {
  sim = await startSimulator();
  dir = mkdtempSync(join(tmpdir(), 'ha-tray-tokens-'));
  app = createAppServices(
    testPlatform(dir, { logSink: { write: (line) => void logLines.push(line) } }),
    { connection: { retry: fastRetry(10, 50) } },
  );
  await app.start();
  const instance = normaliseInstanceUrl(sim.url);
  if (!instance.ok) throw new Error(instance.error);
  const home = onlyInstance(app);
  await home.vault.save(sim.token);
  home.settings.setOrigin(instance.value.origin);
  home.supervisor.onStatus((s) => statuses.push(s));
  home.setup.connectIfReady();
  await snapshotIn(home.entities);
});
afterEach(async () => {
  await app.dispose();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
  statuses.length = 0;
});

describe('token rotation against the simulator', () => {
  it('one click: the old token is rejected by REST and the WebSocket, the new one works, and the app never showed auth failed', async () => {
    const old = sim.token;
    statuses.length = 0;
    const result = await ask<RotationStatus>('rotateToken');
    expect(result).toMatchObject({
      phase: 'rotated',
      tokenName: expect.stringMatching(/^HA Tray on laptop \d{4}-\d{2}-\d{2} \d{2}:\d{2}/),
    });
    const fresh = onlyInstance(app).vault.token()!;
    expect(fresh).not.toBe(old);

    expect(
      (await fetch(`${sim.url}/api/`, { headers: { Authorization: `Bearer ${old}` } })).status,
    ).toBe(401);
    const oldSocket = await RawClient.connect(sim.url);
    expect((await oldSocket.auth(old)).type).toBe('auth_invalid');
    expect(
      (await fetch(`${sim.url}/api/`, { headers: { Authorization: `Bearer ${fresh}` } })).status,
    ).toBe(200);

    sim.setState('light.kitchen', 'off', sim.getState('light.kitchen')!.attributes);
    await waitFor(
      () => onlyInstance(app).store.get('light.kitchen')?.state === 'off',
      'still live after the rotation',
    );
    expect(statuses.map((s) => s.state)).not.toContain('auth_failed');
    expect(statuses.map((s) => s.state)).not.toContain('reconnecting');
    expect(statuses.map((s) => s.state)).not.toContain('connecting');
    expect(onlyInstance(app).supervisor.getStatus().state).toBe('connected');
    expect((await ask<{ rotation: RotationStatus }>('getTokenStatus')).rotation.phase).toBe(
      'rotated',
    );

    // Neither token is anywhere on disk or in the log.
    const disk = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((item) => item.isFile())
      .map((item) => readFileSync(join(item.parentPath, item.name), 'latin1'))
      .join('\n');
    for (const token of [old, fresh]) {
      expect(disk).not.toContain(token);
      expect(logLines.join('\n')).not.toContain(token);
    }
  });

  it('manual rotation with a token of another user asks for confirmation first', async () => {
    const guest = sim.createUser('Guest');
    const theirs = sim.createLongLivedToken(guest.id, 'guest token');
    statuses.length = 0;
    const first = await ask<ManualRotationResult>('replaceToken', {
      token: `Bearer ${theirs}`,
      confirmDifferent: false,
    });
    expect(first).toMatchObject({ kind: 'needs_confirmation', differences: ['other_user'] });
    expect(onlyInstance(app).vault.token()).toBe(sim.token);
    const confirmed = await ask<ManualRotationResult>('replaceToken', {
      token: theirs,
      confirmDifferent: true,
    });
    expect(confirmed).toMatchObject({ kind: 'replaced' });
    expect(onlyInstance(app).vault.token()).toBe(theirs);
    expect(onlyInstance(app).supervisor.getStatus().state).toBe('connected');
    expect(statuses.map((s) => s.state)).not.toContain('connecting');
  });

  it('the audit lists the long-lived tokens, refuses the current one, and revokes others after confirmation', async () => {
    const spare = sim.createLongLivedToken(sim.owner.id, 'Old laptop');
    const audit = await ask<AuditView>('loadTokenAudit');
    if (audit.state !== 'loaded') throw new Error('audit did not load');
    const current = audit.rows.find((r) => r.usedByThisApp)!;
    const old = audit.rows.find((r) => r.name === 'Old laptop')!;
    expect(current).toMatchObject({ revocable: false });
    expect(old).toMatchObject({ revocable: true, usedByThisApp: false, expiresAt: null });
    expect(
      await ask<RevokeResult>('revokeTokens', { ids: [current.id], confirm: true }),
    ).toMatchObject({ kind: 'refused' });
    expect(
      await ask<RevokeResult>('revokeTokens', { ids: [old.id], confirm: false }),
    ).toMatchObject({ kind: 'needs_confirmation' });
    expect(await ask<RevokeResult>('revokeTokens', { ids: [old.id], confirm: true })).toEqual({
      kind: 'done',
      revoked: [old.id],
      failed: [],
    });
    expect(
      (await fetch(`${sim.url}/api/`, { headers: { Authorization: `Bearer ${spare}` } })).status,
    ).toBe(401);
  });

  it('says the token is rejected once Home Assistant refuses it, and forgets that for a new one', async () => {
    const tokenStatuses: TokenStatus[] = [];
    onlyInstance(app).tokens.onStatus((status) => tokenStatuses.push(status));
    expect((await ask<TokenStatus>('getTokenStatus')).rejected).toBe(false);
    sim.revokeToken(sim.token);
    await waitFor(
      () => onlyInstance(app).supervisor.getStatus().state === 'auth_failed',
      'auth failed',
    );
    expect((await ask<TokenStatus>('getTokenStatus')).rejected).toBe(true);
    expect(tokenStatuses.at(-1)?.rejected).toBe(true);

    await onlyInstance(app).vault.save(sim.createLongLivedToken(sim.owner.id, 'A new one'));
    expect((await ask<TokenStatus>('getTokenStatus')).rejected).toBe(false);
  });

  it('snoozes the reminder and refuses bad payloads', async () => {
    const status = await ask<{ reminder: { state: string } }>('snoozeTokenReminder', 'week');
    expect(status.reminder.state).toBeDefined();
    const bad = await app.table.handle(requestChannel('snoozeTokenReminder'), PAGE, [
      KEY,
      'forever',
    ]);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    const badReplace = await app.table.handle(requestChannel('replaceToken'), PAGE, [
      KEY,
      { token: 'x', confirmDifferent: 'yes' },
    ]);
    expect(badReplace).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });
});
