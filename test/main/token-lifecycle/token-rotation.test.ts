import { describe, expect, it } from 'vitest';
import { decodeTokenClaims } from '../../../src/main/token-lifecycle/token-claims';
import type { RotationStatus } from '../../../src/shared/token-status';
import { RotationWorld, USER, expectInvariants } from './fakes/rotation-world';

const newTokens = (world: RotationWorld) => world.ha.createdByRotation();

describe('one-click token rotation', () => {
  it('creates, verifies and switches to a new token, then revokes the old one', async () => {
    const world = new RotationWorld();
    const rotation = world.rotation();
    const seen: RotationStatus[] = [];
    rotation.onStatus((s) => seen.push(s));

    const status = await rotation.rotate();

    expect(status).toEqual({
      phase: 'rotated',
      at: world.time,
      tokenName: 'HA Tray on desk 2025-01-15 09:30',
    });
    const [created] = newTokens(world);
    expect(world.vault.current).toBe(created!.token);
    expect(world.live.token).toBe(created!.token);
    expect(world.oldRecord().deleted).toBe(true);
    expect(world.ha.works(world.oldToken)).toBe(false);
    expect(world.journal.saved).toBeNull();
    expect(rotation.isOpen()).toBe(false);
    expect(
      seen.filter((s) => s.phase === 'running').map((s) => s.phase === 'running' && s.step),
    ).toEqual(['creating', 'storing', 'verifying', 'switching', 'switching', 'revoking']);
    expectInvariants(world, status);
  });

  it('starts nothing while a browser sign-in is unfinished: both use the vault’s pending slot', async () => {
    const world = new RotationWorld();
    world.signInOpen = true;
    const status = await world.rotation().rotate();
    expect(status).toEqual({
      phase: 'not_started',
      message: 'A sign-in is under way. Rotate the token once it has finished.',
    });
    expect(newTokens(world)).toEqual([]);
    expect(world.journal.saved).toBeNull();
  });

  it('gives the new token a lifespan of twice the interval, or a year when the reminder is off', async () => {
    const world = new RotationWorld();
    world.interval = 60;
    await world.rotation().rotate();
    const claims = decodeTokenClaims(world.vault.current!)!;
    expect((claims.expiresAt! - claims.issuedAt) / 86_400_000).toBe(120);

    const off = new RotationWorld();
    off.interval = 'off';
    await off.rotation().rotate();
    const offClaims = decodeTokenClaims(off.vault.current!)!;
    expect((offClaims.expiresAt! - offClaims.issuedAt) / 86_400_000).toBe(365);
  });

  it('picks another name when one made in the same minute exists', async () => {
    const world = new RotationWorld();
    world.ha.issue(USER, 'HA Tray on desk 2025-01-15 09:30');
    const status = await world.rotation().rotate();
    expect(status).toMatchObject({
      phase: 'rotated',
      tokenName: 'HA Tray on desk 2025-01-15 09:30 (2)',
    });
  });

  it('collapses a double click into one rotation', async () => {
    const world = new RotationWorld();
    const rotation = world.rotation();
    const [a, b] = await Promise.all([rotation.rotate(), rotation.rotate()]);
    expect(a).toBe(b);
    expect(newTokens(world)).toHaveLength(1);
  });

  it('does not start when Home Assistant cannot be asked, and writes nothing', async () => {
    const world = new RotationWorld();
    world.ha.failing.add('listRefreshTokens');
    const status = await world.rotation().rotate();
    expect(status.phase).toBe('not_started');
    expect(world.journal.history).toEqual([]);
    expect(newTokens(world)).toEqual([]);
  });

  it('does not start without a token', async () => {
    const world = new RotationWorld();
    world.vault.current = null;
    expect((await world.rotation().rotate()).phase).toBe('not_started');
  });

  it('does not start when the journal cannot be written', async () => {
    const world = new RotationWorld();
    world.journal.failWrites = true;
    const status = await world.rotation().rotate();
    expect(status.phase).toBe('not_started');
    expect(newTokens(world)).toEqual([]);
  });

  it('finds the token to revoke through the live connection when the stored token is not a JWT', async () => {
    const world = new RotationWorld((ha) => ha.issueOpaque(USER, 'Pasted long ago'));
    const status = await world.rotation().rotate();
    expect(status.phase).toBe('rotated');
    expect(world.oldRecord().deleted).toBe(true);
  });

  it('deletes a token that was created although the call failed (connection lost before the answer)', async () => {
    const world = new RotationWorld();
    world.ha.failingAfterEffect.add('createToken');
    const status = await world.rotation().rotate();
    expect(status.phase).toBe('rolled_back');
    expect(newTokens(world)).toHaveLength(1);
    expect(newTokens(world)[0]!.deleted).toBe(true);
    expect(world.vault.current).toBe(world.oldToken);
    expectInvariants(world, status);
  });

  it('rolls back when Home Assistant rejects the new token', async () => {
    const world = new RotationWorld();
    const status = await world
      .rotation((port) => ({ ...port, verifyToken: async () => ({ kind: 'rejected' }) }))
      .rotate();
    expect(status).toMatchObject({
      phase: 'rolled_back',
      message: expect.stringContaining('did not accept'),
    });
    expect(world.vault.pending).toBeNull();
    expect(world.vault.current).toBe(world.oldToken);
    expect(newTokens(world).every((t) => t.deleted)).toBe(true);
    expectInvariants(world, status);
  });

  it('rolls back when the new token belongs to another user', async () => {
    const world = new RotationWorld();
    const status = await world
      .rotation((port) => ({
        ...port,
        verifyToken: async (token) => ({
          ...(await port.verifyToken(token)),
          userId: 'someone-else',
        }),
      }))
      .rotate();
    expect(status).toMatchObject({
      phase: 'rolled_back',
      message: expect.stringContaining('another user'),
    });
    expect(newTokens(world).every((t) => t.deleted)).toBe(true);
    expect(world.vault.current).toBe(world.oldToken);
  });

  it('reports an unused new token it cannot delete, and deletes it on a later try', async () => {
    const world = new RotationWorld();
    world.vault.failing.add('savePending');
    world.ha.failing.add('deleteRefreshToken');
    const rotation = world.rotation();

    const status = await rotation.rotate();
    const name = newTokens(world)[0]!.clientName;
    expect(status).toEqual({
      phase: 'incomplete',
      message: expect.stringContaining(name!),
      leftoverTokenName: name,
    });
    expect(rotation.isOpen()).toBe(true);
    expectInvariants(world, status);

    world.ha.failing.delete('deleteRefreshToken');
    world.vault.failing.delete('savePending');
    const retried = await rotation.resume();
    expect(retried.phase).toBe('rolled_back');
    expect(newTokens(world)[0]!.deleted).toBe(true);
    expect(world.journal.saved).toBeNull();
  });

  it('waits when the new token cannot be checked, then finishes', async () => {
    const world = new RotationWorld();
    world.ha.failing.add('verifyToken');
    const rotation = world.rotation();
    const status = await rotation.rotate();
    expect(status).toMatchObject({
      phase: 'incomplete',
      leftoverTokenName: newTokens(world)[0]!.clientName,
    });
    expect(world.vault.current).toBe(world.oldToken);
    expectInvariants(world, status);

    world.ha.failing.delete('verifyToken');
    expect((await rotation.resume()).phase).toBe('rotated');
    expect(world.oldRecord().deleted).toBe(true);
  });

  it('keeps the old token valid until the live connection has switched', async () => {
    const world = new RotationWorld();
    world.live.failing = true;
    const rotation = world.rotation();
    const status = await rotation.rotate();
    expect(status).toMatchObject({ phase: 'incomplete', leftoverTokenName: null });
    expect(world.ha.works(world.oldToken)).toBe(true);
    expect(world.live.token).toBe(world.oldToken);
    expectInvariants(world, status);

    world.live.failing = false;
    expect((await rotation.resume()).phase).toBe('rotated');
    expect(world.live.token).toBe(world.vault.current);
    expect(world.oldRecord().deleted).toBe(true);
  });

  it('says so when revoking the old token fails, and revokes it on retry', async () => {
    const world = new RotationWorld();
    let refuse = true;
    const machine = world.rotation((port) => ({
      ...port,
      deleteRefreshToken: (id) =>
        refuse ? Promise.reject(new Error('unknown_error')) : port.deleteRefreshToken(id),
    }));

    const status = await machine.rotate();
    expect(status).toMatchObject({
      phase: 'revoke_failed',
      message: expect.stringContaining('Retry'),
    });
    expect(world.vault.current).not.toBe(world.oldToken);
    expect(world.ha.works(world.oldToken)).toBe(true);
    expect(machine.lockedTokenIds()).toContain(world.oldRecord().id);

    refuse = false;
    expect((await machine.resume()).phase).toBe('rotated');
    expect(world.oldRecord().deleted).toBe(true);
    expect(machine.lockedTokenIds()).toEqual([]);
  });

  it('"Rotate now" on an unfinished rotation finishes it instead of creating a second token', async () => {
    const world = new RotationWorld();
    world.live.failing = true;
    const rotation = world.rotation();
    await rotation.rotate();
    world.live.failing = false;
    expect((await rotation.rotate()).phase).toBe('rotated');
    expect(newTokens(world)).toHaveLength(1);
  });

  it('reports an interrupted rotation at start, before Home Assistant is reachable', async () => {
    const world = new RotationWorld();
    world.ha.failing.add('verifyToken');
    await world.rotation().rotate();
    world.restart();
    const fresh = world.rotation();
    expect(fresh.status()).toEqual({ phase: 'idle' });
    expect(await fresh.load()).toMatchObject({
      phase: 'incomplete',
      leftoverTokenName: newTokens(world)[0]!.clientName,
    });
    expect(fresh.isOpen()).toBe(true);
  });

  it('reports a damaged journal and clears it', async () => {
    const world = new RotationWorld();
    world.journal.damaged = true;
    const rotation = world.rotation();
    const status = await rotation.load();
    expect(status).toMatchObject({
      phase: 'incomplete',
      message: expect.stringContaining('damaged'),
    });
    expect(world.journal.damaged).toBe(false);
    expect((await rotation.rotate()).phase).toBe('rotated');
  });

  it('a journal from a newer HA Tray: says so, rotates and revokes nothing, and leaves it', async () => {
    const world = new RotationWorld();
    world.journal.newer = 2;
    const rotation = world.rotation();
    const expected = {
      phase: 'incomplete',
      message: expect.stringMatching(/newer version of HA Tray.*update HA Tray to finish it/),
      leftoverTokenName: null,
    };
    expect(await rotation.load()).toEqual(expected);
    expect(rotation.isOpen()).toBe(true);
    expect(await rotation.rotate()).toEqual(expected);
    expect(await rotation.resume()).toEqual(expected);
    expect(newTokens(world)).toEqual([]);
    expect(world.vault.current).toBe(world.oldToken);
    expect(world.ha.works(world.oldToken)).toBe(true);
    expect(world.journal.newer).toBe(2);
    expect(world.crash.passed).toEqual([]);
  });

  it('resume without a journal changes nothing', async () => {
    const world = new RotationWorld();
    expect(await world.rotation().resume()).toEqual({ phase: 'idle' });
    expect(world.crash.passed).toEqual([]);
  });
});
