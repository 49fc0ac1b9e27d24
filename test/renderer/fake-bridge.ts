import { vi } from 'vitest';
import { instanceDisplayName, type AppStatus } from '../../src/shared/app-status';
import { NO_DISCOVERY } from '../../src/shared/discovery';
import type { EntityView } from '../../src/shared/entity-view';
import {
  DEFAULT_SETTINGS,
  FIRST_INSTANCE_KEY,
  newInstanceEntry,
  type InstanceEntry,
  type Settings,
} from '../../src/shared/settings';
import { SIGN_IN_IDLE } from '../../src/shared/sign-in';
import type { HaTrayApi } from '../../src/renderer/bridge';
import { appStatus as pageStatus } from '../support/page-values';

// The values are shared with node tests (the IPC contract's); component tests import them here.
export { entityView } from '../support/page-values';
export { NO_TOKEN as noToken } from '../support/token-metadata';

/** An instance's status as the pages see it: the first instance, on a first run, unless overridden. */
export function appStatus(overrides: Partial<AppStatus> = {}): AppStatus {
  const status = pageStatus(overrides);
  const key = overrides.key ?? FIRST_INSTANCE_KEY;
  const name =
    overrides.name ??
    instanceDisplayName({
      name: null,
      locationName: status.instance?.locationName ?? null,
      origin: status.instance?.origin ?? null,
    });
  return { ...status, key, name };
}

/** The default settings with the first instance changed: its favourites, rules or name. */
export function withInstance(
  patch: Partial<InstanceEntry>,
  settings: Settings = DEFAULT_SETTINGS,
): Settings {
  const [first, ...rest] = settings.instances;
  return { ...settings, instances: [{ ...first!, ...patch }, ...rest] };
}

/** Settings with these instances (each a new one with the given fields). */
export function withInstances(
  entries: (Partial<InstanceEntry> & { key: string })[],
  settings: Settings = DEFAULT_SETTINGS,
): Settings {
  return {
    ...settings,
    instances: entries.map((entry) => ({ ...newInstanceEntry(entry.key), ...entry })),
  };
}

/** Another Home Assistant for a test of several: its status and entities. */
export interface FakeInstance {
  status: AppStatus;
  entities: EntityView[];
}

/**
 * window.haTray for component tests: every request is a vi.fn; events can be emitted, per
 * instance for the values each instance has its own of. The first argument's status and the
 * entities are the first instance's (`status.key`); `others` adds more, by key.
 */
export function installFakeBridge(
  status: AppStatus = appStatus(),
  settings: Settings = DEFAULT_SETTINGS,
  entities: EntityView[] = [],
  others: Record<string, FakeInstance> = {},
) {
  const instances: Record<string, FakeInstance> = { [status.key]: { status, entities }, ...others };
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const channel = (name: string, instance?: string) =>
    instance === undefined ? name : `${name}@${instance}`;
  const on =
    (name: string) =>
    (listener: (payload: unknown) => void, instance?: string): (() => void) => {
      const key = channel(name, instance);
      if (!listeners.has(key)) listeners.set(key, new Set());
      listeners.get(key)!.add(listener);
      return () => listeners.get(key)!.delete(listener);
    };
  const okReply = <T>(value: T) => Promise.resolve({ ok: true as const, value });
  const of = (key: string) => instances[key] ?? { status, entities: [] };
  const favouritesOf = (key: string) => {
    const entry = settings.instances.find((i) => i.key === key);
    return of(key).entities.filter((e) =>
      entry?.favourites.some((f) => f.entityId === e.entity_id),
    );
  };
  const api = {
    getStatus: vi.fn((key: string) => okReply(of(key).status)),
    getSettings: vi.fn(() => okReply(settings)),
    updateSettings: vi.fn((patch: Partial<Settings>) => okReply({ ...settings, ...patch })),
    updateInstance: vi.fn((key: string, patch: Partial<InstanceEntry>) =>
      okReply({
        ...settings,
        instances: settings.instances.map((i) => (i.key === key ? { ...i, ...patch } : i)),
      }),
    ),
    addInstance: vi.fn(() => okReply('added')),
    removeInstance: vi.fn<(key: string, options: { revokeToken: boolean }) => Promise<unknown>>(
      () => okReply({ revoked: true, revokeProblem: null }),
    ),
    testConnection: vi.fn(),
    saveConnection: vi.fn(),
    allowWeakStorage: vi.fn(() => okReply(status)),
    allowPlainHttp: vi.fn(() => okReply(true)),
    trustCertificate: vi.fn(() => okReply(true)),
    listEntities: vi.fn<(key: string) => Promise<unknown>>((key) => okReply(of(key).entities)),
    getFavouriteEntities: vi.fn((key: string) => okReply(favouritesOf(key))),
    setEntityListOpen: vi.fn(() => okReply(undefined)),
    actOnEntity: vi.fn(() => okReply(undefined)),
    openTokenPage: vi.fn(() => okReply(undefined)),
    // Nothing found and no sign-in under way until a test emits `discovery` or `signIn`.
    getDiscovery: vi.fn<() => Promise<unknown>>(() => okReply(NO_DISCOVERY)),
    refreshDiscovery: vi.fn(() => okReply(undefined)),
    getSignIn: vi.fn<(key: string) => Promise<unknown>>(() => okReply(SIGN_IN_IDLE)),
    startSignIn: vi.fn<(key: string, address: { url: string }) => Promise<unknown>>(() =>
      okReply(SIGN_IN_IDLE),
    ),
    cancelSignIn: vi.fn<(key: string) => Promise<unknown>>(() => okReply(SIGN_IN_IDLE)),
    openInHomeAssistant: vi.fn(() => okReply(undefined)),
    openSettings: vi.fn(() => okReply(undefined)),
    getTokenStatus: vi.fn((_key: string) => new Promise<never>(() => undefined)),
    rotateToken: vi.fn(() => okReply({ phase: 'idle' })),
    snoozeTokenReminder: vi.fn(() => okReply(undefined)),
    replaceToken: vi.fn(),
    revokeOldToken: vi.fn(() => okReply({ ok: true })),
    loadTokenAudit: vi.fn<(key: string) => Promise<unknown>>(() =>
      okReply({ state: 'loaded', rows: [], loadedAt: 0 }),
    ),
    revokeTokens: vi.fn(),
    previewNotification: vi.fn(() =>
      okReply({ title: 'Front door opened', body: 'Previously closed.' }),
    ),
    sendTestNotification: vi.fn(() => okReply(undefined)),
    closePanel: vi.fn(() => okReply(undefined)),
    getDesktopStatus: vi.fn<() => Promise<unknown>>(() => new Promise(() => undefined)),
    setStartAtLogin: vi.fn(),
    setGlobalShortcut: vi.fn(),
    getAbout: vi.fn<() => Promise<unknown>>(() => new Promise(() => undefined)),
    copyDiagnostics: vi.fn(),
    reportPageError: vi.fn(() => okReply(undefined)),
    onStatus: vi.fn(on('status')),
    onFavouriteEntities: vi.fn(on('favouriteEntities')),
    onEntityListChanged: vi.fn(on('entityListChanged')),
    onSettings: vi.fn(on('settings')),
    onTokenStatus: vi.fn(on('tokenStatus')),
    onDesktopStatus: vi.fn(on('desktopStatus')),
    onDiscovery: vi.fn(on('discovery')),
    onSignIn: vi.fn(on('signIn')),
  };
  window.haTray = api as unknown as HaTrayApi;
  /** The first instance's, where a value is an instance's own and no key is given. */
  const PER_INSTANCE = new Set([
    'status',
    'tokenStatus',
    'favouriteEntities',
    'signIn',
    'entityListChanged',
  ]);
  return {
    api,
    emit: (name: string, payload: unknown, instance?: string) => {
      const key = channel(name, instance ?? (PER_INSTANCE.has(name) ? status.key : undefined));
      listeners.get(key)?.forEach((listener) => listener(payload));
    },
  };
}
