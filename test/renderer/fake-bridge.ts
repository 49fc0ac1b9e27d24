import { vi } from 'vitest';
import type { AppStatus } from '../../src/shared/app-status';
import type { TokenMetadata } from '../../src/shared/token-metadata';
import type { HaTrayApi } from '../../src/renderer/bridge';

export const noToken: TokenMetadata = {
  present: false,
  state: 'empty',
  protection: 'GNOME Keyring (libsecret)',
  weakProtection: false,
  savedAt: null,
  issuedAt: null,
  expiresAt: null,
  name: null,
  message: null,
};

export function appStatus(overrides: Partial<AppStatus> = {}): AppStatus {
  return {
    connection: { state: 'not_configured' },
    instance: null,
    token: noToken,
    settingsNotice: null,
    ...overrides,
  };
}

/** window.haTray for component tests: every request is a vi.fn; events can be emitted. */
export function installFakeBridge(status: AppStatus = appStatus()) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const on = (name: string) => (listener: (payload: unknown) => void) => {
    if (!listeners.has(name)) listeners.set(name, new Set());
    listeners.get(name)!.add(listener);
    return () => listeners.get(name)!.delete(listener);
  };
  const okReply = <T>(value: T) => Promise.resolve({ ok: true as const, value });
  const api = {
    getStatus: vi.fn(() => okReply(status)),
    getSettings: vi.fn(),
    updateSettings: vi.fn(),
    testConnection: vi.fn(),
    saveConnection: vi.fn(),
    allowWeakStorage: vi.fn(() => okReply(status)),
    listEntities: vi.fn(() => okReply([])),
    actOnEntity: vi.fn(() => okReply(undefined)),
    openTokenPage: vi.fn(() => okReply(undefined)),
    openInHomeAssistant: vi.fn(() => okReply(undefined)),
    onStatus: vi.fn(on('status')),
    onEntities: vi.fn(on('entities')),
    onSettings: vi.fn(on('settings')),
  };
  window.haTray = api as unknown as HaTrayApi;
  return {
    api,
    emit: (name: string, payload: unknown) =>
      listeners.get(name)?.forEach((listener) => listener(payload)),
  };
}
