import { vi } from 'vitest';
import type { AppStatus } from '../../src/shared/app-status';
import { NO_DISCOVERY } from '../../src/shared/discovery';
import type { EntityView } from '../../src/shared/entity-view';
import { DEFAULT_SETTINGS, type Settings } from '../../src/shared/settings';
import { SIGN_IN_IDLE } from '../../src/shared/sign-in';
import type { HaTrayApi } from '../../src/renderer/bridge';
import { appStatus } from '../support/page-values';

// The values are shared with node tests (the IPC contract's); component tests import them here.
export { entityView } from '../support/page-values';
export { NO_TOKEN as noToken } from '../support/token-metadata';
export { appStatus };

/** window.haTray for component tests: every request is a vi.fn; events can be emitted. */
export function installFakeBridge(
  status: AppStatus = appStatus(),
  settings: Settings = DEFAULT_SETTINGS,
  entities: EntityView[] = [],
) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const on = (name: string) => (listener: (payload: unknown) => void) => {
    if (!listeners.has(name)) listeners.set(name, new Set());
    listeners.get(name)!.add(listener);
    return () => listeners.get(name)!.delete(listener);
  };
  const okReply = <T>(value: T) => Promise.resolve({ ok: true as const, value });
  const api = {
    getStatus: vi.fn(() => okReply(status)),
    getSettings: vi.fn(() => okReply(settings)),
    updateSettings: vi.fn((patch: Partial<Settings>) => okReply({ ...settings, ...patch })),
    testConnection: vi.fn(),
    saveConnection: vi.fn(),
    allowWeakStorage: vi.fn(() => okReply(status)),
    allowPlainHttp: vi.fn(() => okReply(true)),
    trustCertificate: vi.fn(() => okReply(true)),
    listEntities: vi.fn<() => Promise<unknown>>(() => okReply(entities)),
    getFavouriteEntities: vi.fn(() =>
      okReply(entities.filter((e) => settings.favourites.some((f) => f.entityId === e.entity_id))),
    ),
    setEntityListOpen: vi.fn(() => okReply(undefined)),
    actOnEntity: vi.fn(() => okReply(undefined)),
    openTokenPage: vi.fn(() => okReply(undefined)),
    // Nothing found and no sign-in under way until a test emits `discovery` or `signIn`.
    getDiscovery: vi.fn<() => Promise<unknown>>(() => okReply(NO_DISCOVERY)),
    refreshDiscovery: vi.fn(() => okReply(undefined)),
    getSignIn: vi.fn<() => Promise<unknown>>(() => okReply(SIGN_IN_IDLE)),
    startSignIn: vi.fn<(address: { url: string }) => Promise<unknown>>(() => okReply(SIGN_IN_IDLE)),
    cancelSignIn: vi.fn<() => Promise<unknown>>(() => okReply(SIGN_IN_IDLE)),
    openInHomeAssistant: vi.fn(() => okReply(undefined)),
    openSettings: vi.fn(() => okReply(undefined)),
    getTokenStatus: vi.fn(() => new Promise<never>(() => undefined)),
    rotateToken: vi.fn(() => okReply({ phase: 'idle' })),
    snoozeTokenReminder: vi.fn(() => okReply(undefined)),
    replaceToken: vi.fn(),
    revokeOldToken: vi.fn(() => okReply({ ok: true })),
    loadTokenAudit: vi.fn<() => Promise<unknown>>(() =>
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
  return {
    api,
    emit: (name: string, payload: unknown) =>
      listeners.get(name)?.forEach((listener) => listener(payload)),
  };
}
