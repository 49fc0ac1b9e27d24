import type { ReplacingVault, RotationVault } from '../../../../src/main/token-lifecycle/ports';
import type { CrashSwitch } from './crash-switch';

export type FakeVaultOperation =
  'savePending' | 'promotePending' | 'discardPending' | 'saveCurrent';

/** The vault's persisted contents: what survives a crash (the real one keeps them encrypted on disk). */
export class FakeVault implements RotationVault, ReplacingVault {
  current: string | null;
  pending: string | null = null;
  readonly failing = new Set<FakeVaultOperation>();

  constructor(
    current: string | null,
    private readonly crash: () => CrashSwitch,
  ) {
    this.current = current;
  }

  currentToken(): string | null {
    return this.current;
  }

  pendingToken(): string | null {
    return this.pending;
  }

  savePending(token: string): Promise<void> {
    return this.run('savePending', () => {
      this.pending = token;
    });
  }

  promotePending(): Promise<void> {
    return this.run('promotePending', () => {
      if (this.pending === null) throw new Error('fake vault: no pending token');
      this.current = this.pending;
      this.pending = null;
    });
  }

  discardPending(): Promise<void> {
    return this.run('discardPending', () => {
      this.pending = null;
    });
  }

  saveCurrent(token: string): Promise<void> {
    return this.run('saveCurrent', () => {
      this.current = token;
    });
  }

  private async run(op: FakeVaultOperation, effect: () => void): Promise<void> {
    this.crash().point(`vault.${op}`);
    if (this.failing.has(op)) throw new Error(`fake vault: ${op} failed`);
    effect();
    this.crash().point(`vault.${op}:done`);
  }
}
