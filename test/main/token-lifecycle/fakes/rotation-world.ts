import { expect } from 'vitest';
import type { RotationInterval, RotationStatus } from '../../../../src/shared/token-status';
import type { HaTokenPort } from '../../../../src/main/token-lifecycle/ports';
import { TokenRotation } from '../../../../src/main/token-lifecycle/token-rotation';
import { recordingLogger } from '../../../support/test-logger';
import { CrashSwitch } from './crash-switch';
import { FakeHa } from './fake-ha';
import { FakeLiveConnection } from './fake-live-connection';
import { FakeVault } from './fake-vault';
import { MemoryJournalStore } from './memory-journal-store';

export const USER = 'user-1';
const START = new Date(2025, 0, 15, 9, 30).getTime();
const DAY = 86_400_000;

/**
 * Everything that outlives the app process: Home Assistant's tokens, the vault's contents and the
 * journal. `restart()` is a new process: a fresh crash switch, and the live connection opened
 * with whatever token the vault holds as current.
 */
export class RotationWorld {
  time = START - 100 * DAY;
  crash = new CrashSwitch();
  readonly ha = new FakeHa(
    () => this.time,
    () => this.crash,
  );
  readonly oldToken: string;
  readonly vault: FakeVault;
  readonly live: FakeLiveConnection;
  readonly journal = new MemoryJournalStore(() => this.crash);
  readonly logger = recordingLogger();
  interval: RotationInterval = 90;
  /** A browser sign-in is unfinished (it holds the vault's pending slot). */
  signInOpen = false;

  constructor(oldToken?: (ha: FakeHa) => string) {
    this.ha.issue(USER, 'Phone');
    this.oldToken = oldToken ? oldToken(this.ha) : this.ha.issue(USER, 'HA Tray (first token)');
    this.time = START;
    this.vault = new FakeVault(this.oldToken, () => this.crash);
    this.live = new FakeLiveConnection(this.oldToken, this.ha, () => this.crash);
  }

  /** A new machine (as a new process would make); `adapt` changes how Home Assistant answers. */
  rotation(adapt: (port: HaTokenPort) => HaTokenPort = (port) => port): TokenRotation {
    return new TokenRotation({
      ha: adapt(this.ha.port(() => this.live.token)),
      vault: this.vault,
      connection: this.live,
      journal: this.journal,
      clock: { now: () => this.time },
      hostname: 'desk',
      interval: () => this.interval,
      logger: this.logger,
      signInOpen: () => this.signInOpen,
    });
  }

  crashAt(point: number | null): void {
    this.crash = new CrashSwitch(point);
  }

  restart(crashAt: number | null = null): void {
    this.crash = new CrashSwitch(crashAt);
    this.live.token = this.vault.current;
  }

  oldRecord() {
    return this.ha.recordOf(this.oldToken)!;
  }
}

/**
 * The rotation's invariant: the vault's current token works, the live connection's token works,
 * and every token a rotation created is current, deleted, or named to the user in the status.
 * The journal never holds a token string.
 */
export function expectInvariants(world: RotationWorld, status: RotationStatus): void {
  expect(world.ha.works(world.vault.current), 'the current token works').toBe(true);
  expect(world.ha.works(world.live.token), 'the live connection works').toBe(true);
  for (const created of world.ha.createdByRotation()) {
    const current = created.token === world.vault.current;
    // Named as left over, or (before the rotation knew it was created) named as possibly created.
    const reported =
      status.phase === 'incomplete' &&
      (status.leftoverTokenName === created.clientName ||
        status.message.includes(`"${created.clientName}"`));
    expect(
      current || created.deleted || reported,
      `${created.clientName} is current, deleted or reported`,
    ).toBe(true);
  }
  const tokens = [...world.ha.tokens.values()].map((t) => t.token);
  for (const written of world.journal.history) {
    for (const token of tokens) expect(written).not.toContain(token);
  }
  for (const line of world.logger.lines) {
    for (const token of tokens) expect(line).not.toContain(token);
  }
}
