import { describe, expect, it } from 'vitest';
import type { HaTokenPort } from '../../../src/main/token-lifecycle/ports';
import {
  differencesBetween,
  ManualRotation,
} from '../../../src/main/token-lifecycle/manual-rotation';
import { CrashSwitch } from './fakes/crash-switch';
import { FakeHa } from './fakes/fake-ha';
import { FakeLiveConnection } from './fakes/fake-live-connection';
import { FakeVault } from './fakes/fake-vault';

function setup(
  options: { rotationOpen?: boolean; adapt?: (port: HaTokenPort) => HaTokenPort } = {},
) {
  const crash = () => new CrashSwitch();
  const ha = new FakeHa(() => Date.UTC(2025, 0, 1), crash);
  const oldToken = ha.issue('me', 'HA Tray');
  const vault = new FakeVault(oldToken, crash);
  const live = new FakeLiveConnection(oldToken, ha, crash);
  const port = ha.port(() => live.token);
  const manual = new ManualRotation({
    ha: options.adapt ? options.adapt(port) : port,
    vault,
    connection: live,
    rotationOpen: () => options.rotationOpen ?? false,
  });
  return { ha, vault, live, manual, oldToken };
}

describe('manual rotation (pasting a new token)', () => {
  it('replaces the token with one of the same user, then offers to revoke the old one', async () => {
    const { ha, vault, live, manual, oldToken } = setup();
    const pasted = ha.issue('me', 'Made by hand');

    const result = await manual.replace({ token: `  Bearer ${pasted}\n`, confirmDifferent: false });

    expect(result).toEqual({
      kind: 'replaced',
      canRevokeOld: true,
      message: expect.stringContaining('until you revoke it'),
    });
    expect(vault.current).toBe(pasted);
    expect(live.token).toBe(pasted);
    expect(ha.works(oldToken)).toBe(true);

    expect(await manual.revokeOld()).toEqual({ ok: true });
    expect(ha.works(oldToken)).toBe(false);
    expect(ha.works(vault.current)).toBe(true);
    expect(manual.canRevokeOld()).toBe(false);
  });

  it('asks for confirmation before using a token of another user, and changes nothing meanwhile', async () => {
    const { ha, vault, live, manual, oldToken } = setup();
    const theirs = ha.issue('someone-else', 'Their token');

    const result = await manual.replace({ token: theirs, confirmDifferent: false });

    expect(result).toEqual({
      kind: 'needs_confirmation',
      differences: ['other_user'],
      message: expect.stringContaining('another Home Assistant user'),
    });
    expect(vault.current).toBe(oldToken);
    expect(live.token).toBe(oldToken);
  });

  it("uses another user's token once confirmed, without offering to revoke the old user's token", async () => {
    const { ha, vault, manual, oldToken } = setup();
    const theirs = ha.issue('someone-else', 'Their token');

    const result = await manual.replace({ token: theirs, confirmDifferent: true });

    expect(result).toMatchObject({ kind: 'replaced', canRevokeOld: false });
    expect(vault.current).toBe(theirs);
    expect(ha.works(oldToken)).toBe(true);
    expect(await manual.revokeOld()).toMatchObject({ ok: false });
    expect(ha.works(oldToken)).toBe(true);
  });

  it('asks for confirmation when the current user cannot be known', async () => {
    const { ha, manual } = setup({
      adapt: (port) => ({ ...port, currentUser: () => Promise.reject(new Error('down')) }),
    });
    const result = await manual.replace({ token: ha.issue('me', 'New'), confirmDifferent: false });
    expect(result).toMatchObject({ kind: 'needs_confirmation', differences: ['user_unknown'] });
  });

  it('compares the instance when both sides know it', () => {
    expect(
      differencesBetween({ userId: 'a', instanceId: 'x' }, { userId: 'a', instanceId: 'y' }),
    ).toEqual(['other_instance']);
    expect(
      differencesBetween({ userId: 'a', instanceId: 'x' }, { userId: 'b', instanceId: 'x' }),
    ).toEqual(['other_user']);
    expect(differencesBetween({ userId: 'a' }, { userId: 'a', instanceId: 'y' })).toEqual([]);
    expect(differencesBetween(null, { userId: 'a' })).toEqual(['user_unknown']);
  });

  it('rejects text that is not a token, before sending anything', async () => {
    const { vault, manual, oldToken } = setup({
      adapt: (port) => ({
        ...port,
        verifyToken: () => Promise.reject(new Error('must not be called')),
      }),
    });
    expect(await manual.replace({ token: 'hello', confirmDifferent: false })).toMatchObject({
      kind: 'invalid',
    });
    expect(vault.current).toBe(oldToken);
  });

  it('rejects a token Home Assistant does not accept', async () => {
    const { ha, vault, manual, oldToken } = setup();
    const revoked = ha.issue('me', 'Gone');
    ha.recordOf(revoked)!.deleted = true;
    expect(await manual.replace({ token: revoked, confirmDifferent: true })).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('did not accept'),
    });
    expect(vault.current).toBe(oldToken);
  });

  it('says when the pasted token is the one in use', async () => {
    const { manual, oldToken } = setup();
    expect(await manual.replace({ token: oldToken, confirmDifferent: false })).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('already uses'),
    });
  });

  it('waits for an unfinished one-click rotation', async () => {
    const { ha, vault, manual, oldToken } = setup({ rotationOpen: true });
    expect(
      await manual.replace({ token: ha.issue('me', 'New'), confirmDifferent: false }),
    ).toMatchObject({ kind: 'unavailable' });
    expect(vault.current).toBe(oldToken);
  });

  it('changes nothing when Home Assistant cannot be reached to check the token', async () => {
    const { ha, vault, manual, oldToken } = setup();
    ha.failing.add('verifyToken');
    expect(
      await manual.replace({ token: ha.issue('me', 'New'), confirmDifferent: false }),
    ).toMatchObject({ kind: 'unavailable' });
    expect(vault.current).toBe(oldToken);
  });

  it('does not offer to revoke the old token when the new one could not be saved', async () => {
    const { ha, vault, manual, oldToken } = setup();
    vault.failing.add('saveCurrent');
    const result = await manual.replace({ token: ha.issue('me', 'New'), confirmDifferent: false });
    expect(result).toMatchObject({
      kind: 'unavailable',
      message: expect.stringContaining('could not save'),
    });
    expect(manual.canRevokeOld()).toBe(false);
    expect(ha.works(oldToken)).toBe(true);
  });

  it('keeps offering the revoke after Home Assistant failed it', async () => {
    const { ha, manual, oldToken } = setup();
    await manual.replace({ token: ha.issue('me', 'New'), confirmDifferent: false });
    ha.failing.add('deleteRefreshToken');
    expect(await manual.revokeOld()).toMatchObject({
      ok: false,
      message: expect.stringContaining('did not revoke'),
    });
    expect(manual.canRevokeOld()).toBe(true);
    ha.failing.delete('deleteRefreshToken');
    expect(await manual.revokeOld()).toEqual({ ok: true });
    expect(ha.works(oldToken)).toBe(false);
  });
});
