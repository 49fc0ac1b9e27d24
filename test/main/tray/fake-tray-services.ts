import { vi } from 'vitest';
import { EntityStore } from '../../../src/main/ha/entity-store';
import type { TrayServices } from '../../../src/main/tray/create-tray';
import type { TrayInstance, TrayInstanceList } from '../../../src/main/tray/follow-instances';
import type { AppStatus } from '../../../src/shared/app-status';
import type { ConnectionStatus } from '../../../src/shared/connection-status';
import { Emitter } from '../../../src/shared/emitter';
import {
  DEFAULT_SETTINGS,
  newInstanceEntry,
  type InstanceEntry,
  type Settings,
} from '../../../src/shared/settings';
import type { TemperatureUnit } from '../../../src/shared/unit-system';
import { CONNECTED, instanceStatus } from './tray-values';

type Reminder = { attention: boolean; menuLine: string | null };

/**
 * One instance as the tray reads it (src/main/tray/follow-instances.ts): a real entity store,
 * the rest plain values that tests change, each change told to whoever listens.
 */
export function fakeInstance(
  key: string,
  name: string,
  {
    store = new EntityStore(),
    supervisor = { reconnectNow: vi.fn(), connection: () => null },
    connection = CONNECTED,
    origin = `http://${key}.lan:8123`,
  }: Partial<Pick<TrayInstance, 'store' | 'supervisor'>> & {
    connection?: ConnectionStatus;
    origin?: string;
  } = {},
) {
  const changes = {
    status: new Emitter<AppStatus>(),
    entry: new Emitter<InstanceEntry>(),
    tokens: new Emitter<{ reminder: Reminder }>(),
    areas: new Emitter<void>(),
    units: new Emitter<TemperatureUnit | undefined>(),
  };
  let status = instanceStatus(key, name, connection, origin);
  let entry: InstanceEntry = { ...newInstanceEntry(key), name, origin };
  let reminder: Reminder = { attention: false, menuLine: null };
  const instance: TrayInstance = {
    key,
    store,
    supervisor,
    settings: { entry: () => entry, onChange: (l) => changes.entry.on(l) },
    areas: { placeOf: () => undefined, onChange: (l) => changes.areas.on(l) },
    units: { temperatureUnit: () => undefined, onChange: (l) => changes.units.on(l) },
    setup: { status: () => status, onStatus: (l) => changes.status.on(l) },
    tokens: { status: () => ({ reminder }), onStatus: (l) => changes.tokens.on(l) },
  };
  return {
    instance,
    setConnection(next: ConnectionStatus): void {
      status = { ...status, connection: next };
      changes.status.emit(status);
    },
    setFavourites(...entityIds: string[]): void {
      entry = { ...entry, favourites: entityIds.map((entityId) => ({ entityId })) };
      changes.entry.emit(entry);
    },
    /** As the settings window renames it: its entry changes, its setup says nothing. */
    rename(next: string): void {
      entry = { ...entry, name: next };
      status = { ...status, name: next };
      changes.entry.emit(entry);
    },
    setReminder(next: Reminder): void {
      reminder = next;
      changes.tokens.emit({ reminder });
    },
    /** How many listeners the tray left on this instance. */
    listeners: (): number => Object.values(changes).reduce((sum, e) => sum + e.size, 0),
  };
}

/** The instance set: the tests say which instances there are, and the tray hears of a change. */
export class FakeInstanceList implements TrayInstanceList {
  private readonly changes = new Emitter<void>();

  constructor(private instances: TrayInstance[]) {}

  list(): readonly TrayInstance[] {
    return this.instances;
  }

  onChange(listener: () => void): () => void {
    return this.changes.on(listener);
  }

  set(instances: TrayInstance[]): void {
    this.instances = instances;
    this.changes.emit();
  }

  /** A new order in the settings: the same instances, so the set says nothing. */
  reorder(instances: TrayInstance[]): void {
    this.instances = instances;
  }
}

/** The app's services around the instances: settings, pause, shortcut, a logger. */
export function fakeTrayServices(instances: TrayInstanceList, ui: Partial<Settings['ui']> = {}) {
  const settingsChanges = new Emitter<Settings>();
  const settings: Settings = { ...DEFAULT_SETTINGS, ui: { ...DEFAULT_SETTINGS.ui, ...ui } };
  const services: TrayServices = {
    instances,
    settings: { get: () => settings, onChange: (l) => settingsChanges.on(l) },
    notifications: {
      pauseForAnHour: vi.fn(() => 0),
      pauseUntilTomorrow: vi.fn(() => 0),
      resume: vi.fn(),
      pausedUntil: () => null,
      onPauseChange: () => () => undefined,
    },
    desktop: {
      status: () => ({
        startAtLogin: false,
        mac: false,
        shortcut: { accelerator: '', registered: false, message: null },
      }),
      onStatus: () => () => undefined,
    },
    logger: { warn: vi.fn() },
  };
  return {
    services,
    /** The settings file changed (as the settings store tells it). */
    changeSettings: () => settingsChanges.emit(settings),
  };
}
