import { isDeepStrictEqual } from 'node:util';
import { Emitter } from '../../shared/emitter';
import { instanceEntry, type InstanceEntry, type Settings } from '../../shared/settings';
import type { AddressConsent, SettingsStore } from '../settings/settings-store';

/**
 * One instance's part of the settings, as that instance's services see it: its own entry (address,
 * favourites, rules, reminder) and the app-wide trust answers that hold for its address. Every
 * write goes through the one settings store. Once the instance is removed, `entry()` keeps the
 * last entry it had, so services that are still stopping read something, and writes do nothing.
 */
export class InstanceSettings {
  private last: InstanceEntry;
  private readonly changes = new Emitter<InstanceEntry>();
  private readonly off: () => void;

  constructor(
    readonly key: string,
    private readonly store: SettingsStore,
  ) {
    this.last = store.entry(key);
    this.off = store.onChange((settings) => {
      const next = instanceEntry(settings, key);
      if (!next || isDeepStrictEqual(next, this.last)) return;
      this.last = next;
      this.changes.emit(next);
    });
  }

  entry(): InstanceEntry {
    return this.last;
  }

  /** The whole app's settings: trust answers, storage, quiet hours. */
  app(): Settings {
    return this.store.get();
  }

  /** What the user should read about the settings file at start (src/main/settings/). */
  notice(): string | null {
    return this.store.notice();
  }

  /** Called when this instance's entry changed; not for other instances' changes. */
  onChange(listener: (entry: InstanceEntry) => void): () => void {
    return this.changes.on(listener);
  }

  setOrigin(origin: string | null): void {
    if (this.exists()) this.store.setInstanceOrigin(this.key, origin);
  }

  rememberUuid(uuid: string): void {
    if (this.exists()) this.store.rememberInstanceUuid(this.key, uuid);
  }

  rememberLocationName(name: string): void {
    if (this.exists()) this.store.rememberLocationName(this.key, name);
  }

  move(origin: string): void {
    if (this.exists()) this.store.moveInstance(this.key, origin);
  }

  update(patch: unknown): void {
    this.store.updateInstance(this.key, patch);
  }

  allowWeakStorage(): void {
    this.store.allowWeakStorage();
  }

  allowPlainHttp(origin: string): void {
    this.store.allowPlainHttp(origin);
  }

  pinCertificate(pin: Settings['trust']['certificates'][number]): void {
    this.store.pinCertificate(pin);
  }

  recordAddressConsent(consent: AddressConsent): void {
    this.store.recordAddressConsent(consent);
  }

  dispose(): void {
    this.off();
  }

  private exists(): boolean {
    return instanceEntry(this.store.get(), this.key) !== undefined;
  }
}
