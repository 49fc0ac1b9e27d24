import { Emitter } from '../../shared/emitter';
import type { InstanceRemoval } from '../../shared/ipc/contract';
import type { Settings } from '../../shared/settings';
import { runDetached } from '../detached';
import { logListenerError } from '../log/listener-errors';
import type { Logger } from '../log/logger';
import { unknownInstance, type SettingsStore } from '../settings/settings-store';
import { removeInstanceFolder } from '../storage/instance-folders';
import type { InstanceServices } from './instance-services';
import { revokeAppTokens } from './revoke-app-token';

export interface InstanceSetDeps {
  settings: SettingsStore;
  userDataDir: string;
  /** Builds one instance's services (src/main/instances/instance-services.ts). */
  create: (key: string) => InstanceServices;
  logger: Logger;
}

/**
 * The Home Assistants HA Tray follows, all live at once: one set of services per entry in the
 * settings, in the settings' order. Adding or removing one needs no restart: the set follows
 * the settings, starting an instance that appears and stopping one that goes.
 */
export class InstanceSet {
  private readonly live = new Map<string, InstanceServices>();
  private readonly changes: Emitter<readonly InstanceServices[]>;
  private started = false;
  private offSettings: (() => void) | null = null;
  /** Instances being stopped: disposal waits for them. */
  private readonly stopping = new Set<Promise<void>>();

  constructor(private readonly deps: InstanceSetDeps) {
    this.changes = new Emitter(logListenerError(deps.logger, 'the instance list'));
    for (const entry of deps.settings.get().instances)
      this.live.set(entry.key, deps.create(entry.key));
  }

  /** Starts every instance, then follows the settings for added and removed ones. */
  async start(): Promise<void> {
    this.started = true;
    await Promise.all(this.list().map((instance) => instance.start()));
    this.offSettings = this.deps.settings.onChange((settings) => this.follow(settings));
  }

  /** In the user's order. */
  list(): InstanceServices[] {
    return this.deps.settings.get().instances.flatMap((entry) => this.live.get(entry.key) ?? []);
  }

  /** The instance with this key; a key main does not know is refused with a sentence. */
  get(key: string): InstanceServices {
    const instance = this.live.get(key);
    if (!instance) throw unknownInstance();
    return instance;
  }

  /**
   * The instance the settings window should open on at start, if any: the first run's, or one
   * that was set up and lost its token. One the user added and left unfinished beside working
   * ones waits for them to come back to it.
   */
  awaitingSetUp(): InstanceServices | undefined {
    const instances = this.list();
    const noneSetUp = instances.every((instance) => !instance.setup.isSetUp());
    return instances.find(
      (instance) =>
        !instance.setup.isSetUp() && (noneSetUp || instance.settings.entry().origin !== null),
    );
  }

  /** Called after an instance came or went, with the instances now. */
  onChange(listener: (instances: readonly InstanceServices[]) => void): () => void {
    return this.changes.on(listener);
  }

  /** "Add a Home Assistant": a new instance, not set up yet, live at once. */
  add(): InstanceServices {
    const entry = this.deps.settings.addInstance();
    return this.get(entry.key);
  }

  /**
   * "Remove": with `revokeToken`, the app's tokens for it are revoked in that Home Assistant first;
   * then it stops and its files are deleted. The answer says when the token could not be revoked.
   */
  async remove(key: string, { revokeToken }: { revokeToken: boolean }): Promise<InstanceRemoval> {
    const instance = this.get(key);
    const removal = revokeToken
      ? await revokeAppTokens({
          tokens: [instance.vault.pendingToken(), instance.vault.token()],
          connected: instance.supervisor.getStatus().state === 'connected',
          ha: instance.tokens.ha,
        })
      : { revoked: false, revokeProblem: null };
    // Files first: a crash in between leaves an instance to sign in again, never an orphan token.
    await this.stop(key);
    this.deps.settings.removeInstance(key);
    this.changes.emit(this.list());
    return removal;
  }

  async dispose(): Promise<void> {
    this.offSettings?.();
    const all = [...this.live.keys()].map((key) => this.stop(key, { keepFiles: true }));
    await Promise.all([...all, ...this.stopping]);
  }

  private follow(settings: Settings): void {
    const keys = new Set(settings.instances.map((entry) => entry.key));
    let changed = false;
    for (const key of [...this.live.keys()])
      if (!keys.has(key)) {
        changed = true;
        runDetached(this.stop(key), this.deps.logger, 'Stopping a removed Home Assistant');
      }
    for (const key of keys)
      if (!this.live.has(key)) {
        changed = true;
        const instance = this.deps.create(key);
        this.live.set(key, instance);
        if (this.started)
          runDetached(instance.start(), this.deps.logger, 'Starting an added Home Assistant');
      }
    if (changed) this.changes.emit(this.list());
  }

  /** Stops an instance (once) and, unless the app is only quitting, deletes its files. */
  private stop(key: string, { keepFiles = false } = {}): Promise<void> {
    const instance = this.live.get(key);
    if (!instance) return Promise.resolve();
    this.live.delete(key);
    const stopped = instance.dispose().then(() => {
      if (!keepFiles) removeInstanceFolder(this.deps.userDataDir, key);
    });
    this.stopping.add(stopped);
    // Whoever awaits `stopped` sees its failure; this only forgets it once it settled.
    stopped.then(
      () => this.stopping.delete(stopped),
      () => this.stopping.delete(stopped),
    );
    return stopped;
  }
}
