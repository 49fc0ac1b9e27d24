import { ConnectionService } from './connection/connection-service';
import { ConnectionManager, type ConnectionManagerOptions } from './ha/connection-manager';
import { AreaDirectory } from './ha/area-directory';
import { entityScope, watchedEntityIds } from './ha/entity-scope';
import { EntityStore } from './ha/entity-store';
import { probeConnection } from './ha/probe';
import { verifyToken } from './ha/verify-token';
import { createHandlerTable, type HandlerTable } from './ipc/handler-table';
import { createHandlers } from './ipc/handlers';
import { createSenderPolicy } from './ipc/sender-policy';
import { createLogger, type LogSink } from './log/logger';
import type { SecretStore } from './platform/secret-store';
import type { Shell } from './platform/shell';
import type { Notifier } from './platform/notifier';
import type { PowerEvents } from './platform/power-events';
import { systemClock, type Clock } from './ha/clock';
import { join } from 'node:path';
import { reminderNotification } from './tokens/reminder';
import { fileReminderMemoryStore } from './tokens/reminder-memory-store';
import { fileJournalStore } from './tokens/rotation-journal';
import { TokenLifecycle } from './tokens/token-lifecycle';
import { createNotifications } from './notify/create-notifications';
import { openHaPage } from './connection/open-ha-page';
import type { PageWindows } from './ipc/handlers';
import { SettingsStore } from './settings/settings-store';
import { flushAllJsonFiles } from './storage/json-file-store';
import { TokenVault } from './vault/token-vault';
import { toEntityView } from '../shared/entity-view';
import { ipcContract } from '../shared/ipc/contract';
import { eventChannel } from '../shared/ipc/define';

export interface AppPlatform {
  userDataDir: string;
  secrets: SecretStore;
  shell: Shell;
  logSink: LogSink;
  /** Origins of the app's own pages, trusted as IPC senders. */
  pageOrigins: string[];
  /** Sends an event to every app page. */
  sendToPages: (channel: string, payload: unknown) => void;
  /** What pages may ask of the windows: open settings on a page, open or close the panel. */
  windows: PageWindows;
  notifier: Notifier;
  power: Pick<PowerEvents, 'onResume'>;
  /** Goes into the names of tokens HA Tray creates, so the user can tell computers apart. */
  hostname: string;
  clock?: Clock;
}

export interface AppServiceOptions {
  connection?: Partial<Omit<ConnectionManagerOptions, 'store' | 'logger'>>;
  probeTimeoutMs?: number;
  /** How long entity updates are gathered before one `entities` event goes to the pages. */
  entityEventDelayMs?: number;
}

/**
 * Builds the main-process services and wires them together and to the pages. Used by the
 * Electron entry point and, with fakes for the platform, by the end-to-end harness.
 */
export function createAppServices(platform: AppPlatform, options: AppServiceOptions = {}) {
  let vault: TokenVault | null = null;
  const logger = createLogger(platform.logSink, {
    secrets: () =>
      [vault?.token(), vault?.pendingToken()].filter((t): t is string => typeof t === 'string'),
  });
  const settings = SettingsStore.open({ cwd: platform.userDataDir, logger });
  const clock = platform.clock ?? systemClock;
  vault = new TokenVault({
    clock,
    dir: platform.userDataDir,
    secrets: platform.secrets,
    weakStorageAllowed: () => settings.get().storage.allowWeakEncryption,
    logger,
  });
  const store = new EntityStore();
  const manager = new ConnectionManager({ store, logger, ...options.connection });
  const areas = new AreaDirectory(logger);
  const entityViews = () =>
    store.all().map((state) => toEntityView(state, areas.placeOf(state.entity_id)));
  let entityListOpen = false;
  const updateEntityScope = () =>
    manager.setEntityScope(entityScope(watchedEntityIds(settings.get()), entityListOpen));
  updateEntityScope();
  settings.onChange(updateEntityScope);
  const timeoutMs = options.probeTimeoutMs ?? 10_000;
  const connection = new ConnectionService({
    manager,
    vault,
    settings,
    logger,
    probe: (instance, token) =>
      probeConnection(instance, token, {
        timeoutMs,
        verifyUser: (target, t) => verifyToken(target, t, { timeoutMs }),
      }),
  });
  const notifications = createNotifications({
    clock,
    store,
    manager,
    settings,
    notifier: platform.notifier,
    logger,
    openHaPage: (path) =>
      void openHaPage(settings.get().connection?.origin, path, platform.shell).catch(
        (error: unknown) => logger.warn('Could not open Home Assistant', error),
      ),
    openSettings: (page) => platform.windows.showSettings(page),
  });
  const interval = () => settings.get().tokenReminder.intervalDays ?? 'off';
  const tokens = new TokenLifecycle({
    manager,
    vault,
    clock,
    power: platform.power,
    journal: fileJournalStore(join(platform.userDataDir, 'rotation-journal.json')),
    reminderMemory: fileReminderMemoryStore(
      join(platform.userDataDir, 'rotation-reminder.json'),
      logger,
    ),
    hostname: platform.hostname,
    interval,
    notifyReminder: (status) =>
      notifications.showOncePerDay('token_rotation_due', reminderNotification(status)),
    logger,
  });
  settings.onChange(() => tokens.setInterval(interval()));

  const table: HandlerTable = createHandlerTable(
    ipcContract,
    createHandlers({
      connection,
      manager,
      store,
      settings,
      shell: platform.shell,
      windows: platform.windows,
      entityViews,
      setEntityListOpen: (open) => {
        entityListOpen = open;
        updateEntityScope();
      },
      tokens,
      notifications,
    }),
    { isTrustedSender: createSenderPolicy(platform.pageOrigins), logger },
  );

  const send = platform.sendToPages;
  manager.onStatus((status) => {
    if (status.state === 'connected')
      void areas
        .refresh((message) => manager.send(message), status.haVersion)
        .then(() => send(eventChannel('entities'), entityViews()));
  });
  connection.onStatus((status) => send(eventChannel('status'), status));
  settings.onChange((value) => send(eventChannel('settings'), value));
  tokens.onStatus((status) => send(eventChannel('tokenStatus'), status));
  let entityTimer: NodeJS.Timeout | null = null;
  store.onUpdate(() => {
    // A burst of state changes becomes one event per page, not one per change.
    entityTimer ??= setTimeout(() => {
      entityTimer = null;
      send(eventChannel('entities'), entityViews());
    }, options.entityEventDelayMs ?? 200);
  });

  return {
    logger,
    settings,
    vault,
    store,
    manager,
    connection,
    tokens,
    notifications,
    table,
    async start(): Promise<void> {
      await vault!.open();
      // Before the first connection: the first snapshot is the baseline, never a change.
      notifications.start();
      await tokens.start();
      connection.connectIfReady();
    },
    /** Stops everything and resolves once every pending write is on disk. */
    async dispose(): Promise<void> {
      notifications.dispose();
      if (entityTimer) clearTimeout(entityTimer);
      manager.dispose();
      await Promise.all([tokens.dispose(), vault!.dispose()]);
      await flushAllJsonFiles();
    },
  };
}

export type AppServices = ReturnType<typeof createAppServices>;
