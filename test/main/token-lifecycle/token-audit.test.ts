import { describe, expect, it } from 'vitest';
import { auditRows, TokenAudit } from '../../../src/main/token-lifecycle/token-audit';
import { decodeTokenClaims } from '../../../src/main/token-lifecycle/token-claims';
import type { RotationInterval } from '../../../src/shared/token-status';
import { CrashSwitch } from './fakes/crash-switch';
import { FakeHa } from './fakes/fake-ha';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 1);

function setup(interval: RotationInterval = 90) {
  let time = NOW - 200 * DAY;
  const ha = new FakeHa(
    () => time,
    () => new CrashSwitch(),
  );
  const phone = ha.issue('me', 'Phone');
  time = NOW - 100 * DAY;
  const laptop = ha.issue('me', 'Old laptop');
  ha.issue('me', null, 3650, 'normal');
  ha.issue('someone-else', 'Their token');
  time = NOW - 10 * DAY;
  const current = ha.issue('me', 'HA Tray on desk', 180);
  time = NOW;
  const locked: string[] = [];
  const audit = new TokenAudit({
    ha: ha.port(() => current),
    currentToken: () => current,
    interval: () => interval,
    clock: { now: () => time },
    lockedTokenIds: () => locked,
  });
  const id = (token: string) => decodeTokenClaims(token)!.refreshTokenId;
  return {
    ha,
    audit,
    locked,
    ids: { phone: id(phone), laptop: id(laptop), current: id(current) },
    current,
  };
}

describe('token audit', () => {
  it("lists the user's long-lived tokens, newest first, flagging those older than the interval", async () => {
    const { audit, ids, current } = setup(90);
    const view = await audit.load();
    expect(view).toEqual({
      state: 'loaded',
      loadedAt: NOW,
      rows: [
        {
          id: ids.current,
          name: 'HA Tray on desk',
          createdAt: NOW - 10 * DAY,
          expiresAt: decodeTokenClaims(current)!.expiresAt,
          usedByThisApp: true,
          olderThanInterval: false,
          revocable: false,
        },
        {
          id: ids.laptop,
          name: 'Old laptop',
          createdAt: NOW - 100 * DAY,
          expiresAt: null,
          usedByThisApp: false,
          olderThanInterval: true,
          revocable: true,
        },
        {
          id: ids.phone,
          name: 'Phone',
          createdAt: NOW - 200 * DAY,
          expiresAt: null,
          usedByThisApp: false,
          olderThanInterval: true,
          revocable: true,
        },
      ],
    });
  });

  it("shows Home Assistant's deletion date of any token, and the earlier date for the current one", () => {
    const token = (id: string, expireAt: number | null) => ({
      id,
      clientName: id,
      type: 'long_lived_access_token' as const,
      createdAt: NOW - DAY,
      expireAt,
      isCurrent: false,
    });
    const rows = auditRows(
      [token('other', NOW + 89 * DAY), token('mine', NOW + 89 * DAY), token('plain', null)],
      {
        currentTokenId: 'mine',
        currentExpiresAt: NOW + 30 * DAY,
        interval: 90,
        now: NOW,
        lockedIds: [],
      },
    );
    expect(Object.fromEntries(rows.map((r) => [r.id, r.expiresAt]))).toEqual({
      other: NOW + 89 * DAY,
      mine: NOW + 30 * DAY,
      plain: null,
    });
  });

  it('flags by the chosen interval, and nothing when it is off', async () => {
    const flagged = async (interval: RotationInterval) => {
      const view = await setup(interval).audit.load();
      return view.state === 'loaded'
        ? view.rows.filter((r) => r.olderThanInterval).map((r) => r.name)
        : null;
    };
    expect(await flagged(180)).toEqual(['Phone']);
    expect(await flagged(365)).toEqual([]);
    expect(await flagged('off')).toEqual([]);
  });

  it('says when Home Assistant cannot be asked', async () => {
    const { ha, audit } = setup();
    ha.failing.add('listRefreshTokens');
    expect(await audit.load()).toEqual({
      state: 'error',
      message: expect.stringContaining('could not reach'),
    });
  });

  it('revokes nothing without confirmation', async () => {
    const { ha, audit, ids } = setup();
    expect(await audit.revoke({ ids: [ids.phone], confirm: false })).toMatchObject({
      kind: 'needs_confirmation',
    });
    expect(ha.tokens.get(ids.phone)!.deleted).toBe(false);
  });

  it('revokes the confirmed tokens', async () => {
    const { ha, audit, ids } = setup();
    expect(await audit.revoke({ ids: [ids.phone, ids.laptop], confirm: true })).toEqual({
      kind: 'done',
      revoked: [ids.phone, ids.laptop],
      failed: [],
    });
    expect(ha.tokens.get(ids.phone)!.deleted).toBe(true);
    expect(ha.tokens.get(ids.laptop)!.deleted).toBe(true);
  });

  it('refuses to revoke the current token outside a rotation, and then revokes nothing', async () => {
    const { ha, audit, ids, current } = setup();
    const result = await audit.revoke({ ids: [ids.phone, ids.current], confirm: true });
    expect(result).toEqual({
      kind: 'refused',
      message: expect.stringContaining('Rotate now'),
      ids: [ids.current],
    });
    expect(ha.works(current)).toBe(true);
    expect(ha.tokens.get(ids.phone)!.deleted).toBe(false);
  });

  it('refuses tokens an unfinished rotation works on', async () => {
    const { audit, ids, locked } = setup();
    locked.push(ids.laptop);
    expect(await audit.revoke({ ids: [ids.laptop], confirm: true })).toMatchObject({
      kind: 'refused',
      ids: [ids.laptop],
    });
    const view = await audit.load();
    expect(view.state === 'loaded' && view.rows.find((r) => r.id === ids.laptop)!.revocable).toBe(
      false,
    );
  });

  it('refuses refresh tokens that are not long-lived (a browser login)', async () => {
    const { ha, audit } = setup();
    const browser = [...ha.tokens.values()].find((t) => t.type === 'normal')!;
    expect(await audit.revoke({ ids: [browser.id], confirm: true })).toMatchObject({
      kind: 'refused',
    });
    expect(browser.deleted).toBe(false);
  });

  it('reports a token Home Assistant did not revoke', async () => {
    const { ha, audit, ids } = setup();
    ha.failing.add('deleteRefreshToken');
    expect(await audit.revoke({ ids: [ids.phone], confirm: true })).toEqual({
      kind: 'done',
      revoked: [],
      failed: [{ id: ids.phone, message: expect.stringContaining('did not revoke') }],
    });
  });
});
