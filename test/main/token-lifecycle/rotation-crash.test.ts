import { describe, expect, it } from 'vitest';
import { stepReached } from '../../../src/main/token-lifecycle/rotation-journal';
import type { RotationStatus } from '../../../src/shared/token-status';
import { RotationWorld, expectInvariants } from './fakes/rotation-world';

/** The crash points an uninterrupted rotation passes, in order. */
async function pointsOfAFullRotation(): Promise<string[]> {
  const world = new RotationWorld();
  const status = await world.rotation().rotate();
  expect(status.phase).toBe('rotated');
  return world.crash.passed;
}

/** Runs a rotation that dies at `point`; returns what a dead process leaves behind. */
async function crashedRotation(point: number): Promise<RotationWorld> {
  const world = new RotationWorld();
  world.crashAt(point);
  await world
    .rotation()
    .rotate()
    .catch(() => undefined);
  expect(world.crash.dead).toBe(true);
  return world;
}

/** The new process reports what it found at start, then recovers once connected. */
async function restartAndResume(
  world: RotationWorld,
  crashAt: number | null = null,
): Promise<RotationStatus> {
  world.restart(crashAt);
  const rotation = world.rotation();
  const loaded = await rotation.load();
  expectInvariants(world, loaded);
  return rotation.resume().catch(() => rotation.status());
}

function expectFinished(world: RotationWorld, status: RotationStatus): void {
  expectInvariants(world, status);
  expect(world.journal.saved, 'journal closed').toBeNull();
  expect(world.vault.pending, 'no pending token left').toBeNull();
  if (world.vault.current === world.oldToken) {
    expect(world.ha.createdByRotation().every((t) => t.deleted)).toBe(true);
  } else {
    expect(world.oldRecord().deleted, 'old token revoked').toBe(true);
    expect(world.live.token).toBe(world.vault.current);
    expect(world.ha.createdByRotation().filter((t) => !t.deleted)).toHaveLength(1);
  }
}

describe('token rotation interrupted at every step', () => {
  it('passes every step of the journal in a full run', async () => {
    const points = await pointsOfAFullRotation();
    expect(points).toEqual([
      'ha.currentUser',
      'ha.currentUser:done',
      'ha.listRefreshTokens',
      'ha.listRefreshTokens:done',
      'journal.write:started:forward',
      'journal.write:started:forward:done',
      'ha.createToken',
      'ha.createToken:done',
      'journal.write:created:forward',
      'journal.write:created:forward:done',
      'vault.savePending',
      'vault.savePending:done',
      'journal.write:stored:forward',
      'journal.write:stored:forward:done',
      'ha.verifyToken',
      'ha.verifyToken:done',
      'journal.write:verified:forward',
      'journal.write:verified:forward:done',
      'vault.promotePending',
      'vault.promotePending:done',
      'journal.write:promoted:forward',
      'journal.write:promoted:forward:done',
      'live.switchToken',
      'live.switchToken:done',
      'journal.write:switched:forward',
      'journal.write:switched:forward:done',
      'ha.deleteRefreshToken',
      'ha.deleteRefreshToken:done',
      'journal.write:revoked:forward',
      'journal.write:revoked:forward:done',
      'journal.clear',
      'journal.clear:done',
    ]);
  });

  it('keeps the invariant when killed at any point and restarted: finishes or rolls back', async () => {
    const points = await pointsOfAFullRotation();
    for (let point = 0; point < points.length; point++) {
      const world = await crashedRotation(point);
      // At the moment of the crash: the stored token and the live connection still work.
      expect(world.ha.works(world.vault.current), points[point]).toBe(true);
      expect(world.ha.works(world.live.token), points[point]).toBe(true);

      const journal = world.journal.saved;
      const status = await restartAndResume(world);
      expectFinished(world, status);
      if (journal === null) {
        expect(status.phase, points[point]).toBe('idle');
      } else if (journal.direction === 'forward' && stepReached(journal, 'stored')) {
        // Once the new token is stored encrypted, recovery goes forward.
        expect(status.phase, points[point]).toBe('rotated');
        expect(world.vault.current).not.toBe(world.oldToken);
      } else {
        expect(status.phase, points[point]).toBe('rolled_back');
        expect(world.vault.current, points[point]).toBe(world.oldToken);
      }
    }
  });

  it('killed at its first step: after a restart, before connecting, names no token that was never created', async () => {
    const points = await pointsOfAFullRotation();
    const world = await crashedRotation(points.indexOf('journal.write:started:forward:done'));
    expect(world.ha.createdByRotation()).toEqual([]);
    world.restart();
    const loaded = await world.rotation().load();
    expect(loaded).toMatchObject({ phase: 'incomplete', leftoverTokenName: null });
    expect(loaded.phase === 'incomplete' && loaded.message).toContain('will check');
  });

  it('killed between creating the token and recording it: before connecting, says it may exist', async () => {
    const points = await pointsOfAFullRotation();
    const world = await crashedRotation(points.indexOf('ha.createToken:done'));
    const [created] = world.ha.createdByRotation();
    world.restart();
    const loaded = await world.rotation().load();
    expect(loaded).toMatchObject({ phase: 'incomplete', leftoverTokenName: null });
    expect(loaded.phase === 'incomplete' && loaded.message).toContain(`"${created!.clientName}"`);
  });

  it('keeps the invariant when the recovery itself is killed at any point', async () => {
    const points = await pointsOfAFullRotation();
    let combinations = 0;
    for (let first = 0; first < points.length; first++) {
      for (let second = 0; ; second++) {
        const world = await crashedRotation(first);
        const interrupted = await restartAndResume(world, second);
        const recoveryDied = world.crash.dead;
        expect(world.ha.works(world.vault.current)).toBe(true);
        if (!recoveryDied) {
          expectFinished(world, interrupted);
          break;
        }
        combinations++;
        expectFinished(world, await restartAndResume(world));
      }
    }
    expect(combinations).toBeGreaterThan(points.length);
  });
});
