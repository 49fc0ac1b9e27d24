import dns from 'node:dns';
import { instanceDisplayName } from '../shared/app-status';
import { ipcContract } from '../shared/ipc/contract';
import { createPageErrorLog } from './crash/page-error-log';
import { DesktopService } from './desktop/desktop-service';
import type { GlobalShortcuts } from './desktop/global-shortcuts';
import type { LoginItem } from './desktop/login-item';
import type { AppInfo } from './diagnostics/app-info';
import { Diagnostics } from './diagnostics/diagnostics';
import { addressProbe } from './discovery/address-probe';
import { DiscoveryService } from './discovery/discovery-service';
import type { ServiceBrowser } from './discovery/service-browser';
import { systemClock, type Clock } from './ha/clock';
import type { ConnectionSupervisorOptions } from './ha/connection-supervisor';
import { createInstanceServices, type InstanceServices } from './instances/instance-services';
import { InstanceSet } from './instances/instance-set';
import type { Clipboard } from './ipc/clipboard';
import { createHandlerTable, type HandlerTable } from './ipc/handler-table';
import { createHandlers } from './ipc/handlers';
import type { PageWindows } from './ipc/handlers';
import { createPageStreams } from './ipc/page-streams';
import { createSenderPolicy } from './ipc/sender-policy';
import { HandledSecrets } from './log/handled-secrets';
import { logFilePath } from './log/log-file-path';
import { createLogger, type LogSink } from './log/logger';
import { createNotifications } from './notify/create-notifications';
import type { Notifier } from './notify/notifier';
import { SettingsStore } from './settings/settings-store';
import type { ResolveHost } from './setup/address-class';
import { openSavedHaPage } from './setup/open-ha-page';
import { adoptTopLevelInstanceFiles } from './storage/instance-folders';
import { flushAllJsonFiles } from './storage/json-file-store';
import { tlsOptionsFor } from './tls/tls-policy';
import { cachedCaSource, type TrustedCaSource } from './tls/trusted-cas';
import type { PowerEvents } from './token-lifecycle/power-events';
import type { SecretStore } from './vault/secret-store';
import type { Dialogs } from './windows/dialogs';
import type { Shell } from './windows/shell';

export interface AppPlatform {
  userDataDir: string;
  secrets: SecretStore;
  shell: Shell;
  logSink: LogSink;
  /** Origins of the app's own pages, trusted as IPC senders. */
  pageOrigins: string[];
  /** What pages may ask of the windows: open settings on a page, open or close the panel. */
  windows: PageWindows;
  notifier: Notifier;
  /** Native dialogs, for what only main may confirm (weak token storage, a certificate). */
  dialogs: Dialogs;
  power: Pick<PowerEvents, 'onResume'>;
  /** Goes into the names of tokens HA Tray creates, so the user can tell computers apart. */
  hostname: string;
  clock?: Clock;
  /** The desktop around the app: login item, global shortcut, clipboard, versions. */
  desktop: DesktopPlatform;
  /** Why this start must not connect (the crash-loop guard's sentence), or null. */
  startNotice?: string | null;
  /** Browses the network for Home Assistant (mDNS), for the Connection page and a moved instance. */
  serviceBrowser: ServiceBrowser;
}

export interface DesktopPlatform {
  loginItem: LoginItem;
  shortcuts: GlobalShortcuts;
  clipboard: Clipboard;
  appInfo: AppInfo;
}

export interface AppServiceOptions {
  connection?: Partial<Omit<ConnectionSupervisorOptions, 'logger'>>;
  probeTimeoutMs?: number;
  /** Entity page events go out at once after a quiet spell, then at most once per this. */
  entityEventDelayMs?: number;
  /** Name resolution for the plain-http check; the system resolver unless a test injects one. */
  resolveHost?: ResolveHost;
  /** The CAs https:// addresses are checked against; the system's unless a test injects its own. */
  trustedCas?: TrustedCaSource;
}

const systemResolve: ResolveHost = async (hostname) =>
  (await dns.promises.lookup(hostname, { all: true })).map((entry) => entry.address);

/**
 * Builds the main-process services and wires them together and to the pages: the app-wide ones
 * (settings, notifications, discovery, desktop, diagnostics, the IPC table) and one set of
 * services per Home Assistant (src/main/instances/). Used by the Electron entry point and, with
 * fakes for the platform, by the end-to-end harness.
 */
export function createAppServices(platform: AppPlatform, options: AppServiceOptions = {}) {
  // Built below; the logger asks it for every token the app holds.
  let instances: InstanceSet | null = null;
  const handledSecrets = new HandledSecrets();
  // Every token the app holds or handles: stored, pending, tested, pasted for a replacement.
  const secrets = () =>
    [
      ...(instances?.list().flatMap((instance) => instance.secrets()) ?? []),
      ...handledSecrets.values(),
    ].filter((t): t is string => typeof t === 'string');
  // Debug lines only when the user switched them on (Settings > About); info and above always.
  let debugLog = false;
  const logger = createLogger(platform.logSink, {
    secrets,
    threshold: () => (debugLog ? 'debug' : 'info'),
  });
  // Before the settings file can say version 3: see instance-folders.ts.
  adoptTopLevelInstanceFiles(platform.userDataDir, logger.child('settings'));
  const settings = SettingsStore.open({
    cwd: platform.userDataDir,
    logger: logger.child('settings'),
  });
  debugLog = settings.get().diagnostics.debugLog;
  settings.onChange((value) => (debugLog = value.diagnostics.debugLog));
  const clock = platform.clock ?? systemClock;
  const cas = options.trustedCas ?? cachedCaSource();
  const tlsFor = (origin: string) => tlsOptionsFor(origin, settings.get().trust.certificates, cas);
  const isPinned = (origin: string) =>
    settings.get().trust.certificates.some((pin) => pin.origin === origin);
  const streams = createPageStreams(ipcContract, logger.child('streams'));
  const timeoutMs = options.probeTimeoutMs ?? 10_000;
  const resolveHost = options.resolveHost ?? systemResolve;
  const nameOf = (key: string) => instances?.get(key).setup.status().name ?? 'Home Assistant';
  const notifyLog = logger.child('notify');
  const notifications = createNotifications({
    clock,
    settings,
    notifier: platform.notifier,
    logger: notifyLog,
    // With one Home Assistant, notifications look as they always did.
    instanceName: (key) => (settings.get().instances.length > 1 ? nameOf(key) : null),
    openHaPage: (key, path) =>
      void openSavedHaPage(instances!.get(key).settings, path, platform.shell).catch(
        (error: unknown) => notifyLog.warn('Could not open Home Assistant', error),
      ),
    openSettings: (page, key) => platform.windows.showSettings(page, key),
  });
  let entityListOpen = false;
  const diagnostics = new Diagnostics({
    appInfo: platform.desktop.appInfo,
    now: () => clock.now(),
    homes: () =>
      (instances?.list() ?? []).map((instance) => {
        const entry = instance.settings.entry();
        const sensor = settings.get().ui.traySensor;
        const entityIds = entry.favourites.map((f) => f.entityId);
        if (sensor && sensor.instance === entry.key && !entityIds.includes(sensor.entityId))
          entityIds.push(sensor.entityId);
        return { name: instance.setup.status().name, status: instance.setup.status(), entityIds };
      }),
    secrets,
    logFile: logFilePath(platform.userDataDir),
  });
  const followed = new Map<string, () => void>();
  // Built after the instances; an instance asks it for the network id of an address it saves.
  let discovery: DiscoveryService | null = null;
  const createInstance = (key: string): InstanceServices => {
    const instance = createInstanceServices(key, {
      userDataDir: platform.userDataDir,
      settings,
      clock,
      logger,
      secrets: platform.secrets,
      shell: platform.shell,
      dialogs: platform.dialogs,
      power: platform.power,
      hostname: platform.hostname,
      serviceBrowser: platform.serviceBrowser,
      streams,
      notifications,
      handledSecrets,
      tlsFor,
      isPinned,
      resolveHost,
      timeoutMs,
      entityEventDelayMs: options.entityEventDelayMs ?? 200,
      connection: options.connection,
      entityListOpen: () => entityListOpen,
      otherInstances: (self) =>
        (instances?.list() ?? [])
          .filter((other) => other.key !== self)
          .map((other) => {
            const entry = other.settings.entry();
            const connection = other.supervisor.getStatus();
            return {
              origin: entry.origin,
              uuid: entry.uuid,
              name: instanceDisplayName(entry),
              locationName: entry.locationName,
              haVersion: connection.state === 'connected' ? connection.haVersion : null,
            };
          }),
      uuidAt: (origin) =>
        discovery?.view().instances.find((found) => found.url === origin)?.uuid ?? null,
      heldBack: platform.startNotice ?? null,
    });
    followed.set(
      key,
      diagnostics.follow({
        name: () => instance.setup.status().name,
        onConnection: (listener) => instance.supervisor.onStatus(listener),
        onTokens: (listener) => instance.tokens.onStatus(listener),
      }),
    );
    return instance;
  };
  instances = new InstanceSet({
    settings,
    userDataDir: platform.userDataDir,
    create: createInstance,
    logger: logger.child('instances'),
  });
  instances.onChange((live) => {
    for (const [key, off] of followed)
      if (!live.some((instance) => instance.key === key)) {
        off();
        followed.delete(key);
      }
  });
  discovery = new DiscoveryService({
    browser: platform.serviceBrowser,
    clock,
    probe: addressProbe({ timeoutMs, tlsFor }),
    settings,
    publish: (view) => streams.publish('discovery', view),
    logger: logger.child('discovery'),
    platform: process.platform,
  });
  // Browses exactly while a page shows the list (the Connection page of an instance being set up).
  const browsing = discovery;
  streams.onFollowersChange(() => browsing.follow(streams.followers({ stream: 'discovery' }) > 0));
  const desktop = new DesktopService({
    shortcuts: platform.desktop.shortcuts,
    loginItem: platform.desktop.loginItem,
    mac: platform.desktop.appInfo.mac,
    settings,
    openPanel: () => platform.windows.togglePanel(),
  });

  const table: HandlerTable = createHandlerTable(
    ipcContract,
    createHandlers({
      instances,
      settings,
      shell: platform.shell,
      windows: platform.windows,
      setEntityListOpen: (open) => {
        entityListOpen = open;
        for (const instance of instances!.list()) instance.updateEntityScope();
      },
      notifications,
      desktop,
      diagnostics,
      clipboard: platform.desktop.clipboard,
      pageErrors: createPageErrorLog({ logger: logger.child('page'), clock }),
      discovery,
    }),
    {
      isTrustedSender: createSenderPolicy(platform.pageOrigins),
      logger: logger.child('ipc'),
      streams,
      handledSecrets,
    },
  );

  settings.onChange((value) => streams.publish('settings', value));
  desktop.onStatus((status) => streams.publish('desktopStatus', status));

  return {
    logger,
    settings,
    instances,
    notifications,
    desktop,
    table,
    discovery,
    async start(): Promise<void> {
      await desktop.start();
      await instances!.start();
    },
    /** Stops everything and resolves once every pending write is on disk. */
    async dispose(): Promise<void> {
      discovery.dispose();
      desktop.dispose();
      diagnostics.dispose();
      await instances!.dispose();
      notifications.dispose();
      await flushAllJsonFiles();
    },
  };
}

export type AppServices = ReturnType<typeof createAppServices>;
