import dns from 'node:dns';
import { join } from 'node:path';
import { withHomeTemperatureUnit } from '../shared/domains/climate';
import type { EntityState } from '../shared/entity';
import { toEntityView } from '../shared/entity-view';
import { normaliseInstanceUrl } from '../shared/instance-url';
import { ipcContract } from '../shared/ipc/contract';
import type { Settings } from '../shared/settings';
import { createPageErrorLog } from './crash/page-error-log';
import { DesktopService } from './desktop/desktop-service';
import type { GlobalShortcuts } from './desktop/global-shortcuts';
import type { LoginItem } from './desktop/login-item';
import { runDetached } from './detached';
import type { AppInfo } from './diagnostics/app-info';
import { Diagnostics } from './diagnostics/diagnostics';
import { addressProbe } from './discovery/address-probe';
import { DiscoveryService } from './discovery/discovery-service';
import { MovedInstanceWatch } from './discovery/moved-instance';
import type { ServiceBrowser } from './discovery/service-browser';
import { AreaDirectory } from './ha/area-directory';
import { systemClock, type Clock } from './ha/clock';
import { ConnectionSupervisor, type ConnectionSupervisorOptions } from './ha/connection-supervisor';
import { entityScope, watchedEntityIds } from './ha/entity-scope';
import { EntityStore } from './ha/entity-store';
import { EntitySubscription } from './ha/entity-subscription';
import { HomeUnitSystem } from './ha/home-unit-system';
import { PageEntityEvents } from './ha/page-entity-events';
import { probeConnection } from './ha/probe';
import { RegistryFollower } from './ha/registry-follower';
import { SubscriptionLayer } from './ha/subscription-layer';
import { verifyToken } from './ha/verify-token';
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
import { InstanceSetup } from './setup/instance-setup';
import { openSavedHaPage } from './setup/open-ha-page';
import { plainHttpRefusal } from './setup/plain-http';
import type { BrowserSignIn } from './sign-in/browser-sign-in';
import { createSignIn } from './sign-in/create-sign-in';
import { fileSignInJournalStore } from './sign-in/sign-in-journal';
import { flushAllJsonFiles } from './storage/json-file-store';
import { INSTANCE_FILES } from './storage/layout';
import { fetchPresentedCertificate } from './tls/presented-certificate';
import { tlsOptionsFor } from './tls/tls-policy';
import { cachedCaSource, type TrustedCaSource } from './tls/trusted-cas';
import type { PowerEvents } from './token-lifecycle/power-events';
import { fileReminderMemoryStore } from './token-lifecycle/reminder-memory-store';
import { reminderNotification } from './token-lifecycle/reminder-policy';
import { fileJournalStore } from './token-lifecycle/rotation-journal';
import { TokenLifecycle } from './token-lifecycle/token-lifecycle';
import type { SecretStore } from './vault/secret-store';
import { TokenVault } from './vault/token-vault';
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
 * Builds the main-process services and wires them together and to the pages. Used by the
 * Electron entry point and, with fakes for the platform, by the end-to-end harness.
 */
export function createAppServices(platform: AppPlatform, options: AppServiceOptions = {}) {
  let vault: TokenVault | null = null;
  let setup: InstanceSetup | null = null;
  // Built after the token lifecycle, which asks it whether a sign-in holds the vault's pending slot.
  let signIn: BrowserSignIn | null = null;
  const handledSecrets = new HandledSecrets();
  // Every token the app holds or handles: stored, pending, tested, pasted for a replacement.
  const secrets = () =>
    [vault?.token(), vault?.pendingToken(), setup?.heldToken(), ...handledSecrets.values()].filter(
      (t): t is string => typeof t === 'string',
    );
  // Debug lines only when the user switched them on (Settings > About); info and above always.
  let debugLog = false;
  const logger = createLogger(platform.logSink, {
    secrets,
    threshold: () => (debugLog ? 'debug' : 'info'),
  });
  const settings = SettingsStore.open({
    cwd: platform.userDataDir,
    logger: logger.child('settings'),
  });
  debugLog = settings.get().diagnostics.debugLog;
  settings.onChange((value) => (debugLog = value.diagnostics.debugLog));
  const clock = platform.clock ?? systemClock;
  vault = new TokenVault({
    clock,
    dir: platform.userDataDir,
    secrets: platform.secrets,
    weakStorageAllowed: () => settings.get().storage.allowWeakEncryption,
    logger: logger.child('vault'),
  });
  const store = new EntityStore();
  const cas = options.trustedCas ?? cachedCaSource();
  const tlsFor = (origin: string) => tlsOptionsFor(origin, settings.get().trust.certificates, cas);
  const isPinned = (origin: string) =>
    settings.get().trust.certificates.some((pin) => pin.origin === origin);
  const supervisor = new ConnectionSupervisor({
    logger: logger.child('connection'),
    tlsFor,
    ...options.connection,
  });
  supervisor.onInstanceChange(() => store.clear());
  // Established on every connection in this order: the entities first.
  const subscriptionLog = logger.child('subscriptions');
  const subscriptions = new SubscriptionLayer(subscriptionLog, supervisor);
  const entities = new EntitySubscription(store, subscriptions, subscriptionLog);
  const units = new HomeUnitSystem(subscriptionLog, subscriptions);
  const registryLog = logger.child('registries');
  const areas = new AreaDirectory(registryLog);
  const view = (state: EntityState) =>
    withHomeTemperatureUnit(
      toEntityView(state, areas.placeOf(state.entity_id)),
      units.temperatureUnit(),
    );
  const entityViews = () => store.all().map(view);
  const streams = createPageStreams(ipcContract, logger.child('streams'));
  const pageEntities = new PageEntityEvents({
    store,
    view,
    send: streams.publish,
    clock,
    intervalMs: options.entityEventDelayMs ?? 200,
  });
  const registries = new RegistryFollower({
    clock,
    logger: registryLog,
    subscriptions,
    read: async (send, haVersion) => {
      if (await areas.refresh(send, haVersion)) pageEntities.viewsChanged();
    },
  });
  const favouriteIds = (value: Settings) => value.favourites.map((f) => f.entityId);
  pageEntities.setFavourites(favouriteIds(settings.get()));
  settings.onChange((value) => pageEntities.setFavourites(favouriteIds(value)));
  let entityListOpen = false;
  const updateEntityScope = () =>
    entities.setScope(entityScope(watchedEntityIds(settings.get()), entityListOpen));
  updateEntityScope();
  settings.onChange(updateEntityScope);
  const timeoutMs = options.probeTimeoutMs ?? 10_000;
  const resolveHost = options.resolveHost ?? systemResolve;
  setup = new InstanceSetup({
    supervisor,
    vault,
    settings,
    logger: logger.child('setup'),
    confirm: (question, detail, label) => platform.dialogs.confirm(question, detail, label),
    resolveHost,
    heldBack: platform.startNotice ?? null,
    presentedCertificate: (origin) => fetchPresentedCertificate(origin, timeoutMs),
    probe: (instance, token) =>
      probeConnection(instance, token, {
        timeoutMs,
        tls: tlsFor(instance.origin),
        pinned: isPinned(instance.origin),
        verifyUser: (target, t) =>
          verifyToken(target, t, { timeoutMs, tls: tlsFor(target.origin) }),
      }),
  });
  const notifyLog = logger.child('notify');
  const notifications = createNotifications({
    clock,
    store,
    supervisor,
    settings,
    notifier: platform.notifier,
    logger: notifyLog,
    openHaPage: (path) =>
      void openSavedHaPage(settings, path, platform.shell).catch((error: unknown) =>
        notifyLog.warn('Could not open Home Assistant', error),
      ),
    openSettings: (page) => platform.windows.showSettings(page),
    temperatureUnit: () => units.temperatureUnit(),
  });
  const interval = () => settings.get().tokenReminder.intervalDays ?? 'off';
  const tokenLog = logger.child('tokens');
  const tokens = new TokenLifecycle({
    supervisor,
    vault,
    clock,
    power: platform.power,
    journal: fileJournalStore(join(platform.userDataDir, INSTANCE_FILES.rotationJournal)),
    reminderMemory: fileReminderMemoryStore(
      join(platform.userDataDir, INSTANCE_FILES.rotationReminder),
      tokenLog,
    ),
    hostname: platform.hostname,
    interval,
    notifyReminder: (status) =>
      notifications.showOncePerDay('token_rotation_due', reminderNotification(status)),
    logger: tokenLog,
    signInOpen: () => signIn?.isOpen() ?? false,
  });
  settings.onChange(() => tokens.setInterval(interval()));
  const probeAddress = addressProbe({ timeoutMs, tlsFor });
  const discovery = new DiscoveryService({
    browser: platform.serviceBrowser,
    clock,
    probe: probeAddress,
    settings,
    publish: (view) => streams.publish('discovery', view),
    logger: logger.child('discovery'),
    platform: process.platform,
  });
  // Browses exactly while a page shows the list (the Connection page, later the add-instance flow).
  streams.onFollowersChange(() => discovery.follow(streams.followers({ stream: 'discovery' }) > 0));
  const movedInstance = new MovedInstanceWatch({
    supervisor,
    browser: platform.serviceBrowser,
    clock,
    probe: probeAddress,
    settings,
    confirm: (question, detail, label) => platform.dialogs.confirm(question, detail, label),
    plainHttpAllowed: async (origin) => {
      const instance = normaliseInstanceUrl(origin);
      if (!instance.ok) return false;
      const { plainHttp } = settings.get().trust;
      return (await plainHttpRefusal(instance.value, plainHttp, resolveHost)) === null;
    },
    reconnect: () => setup.connectIfReady({ restart: true }),
    logger: logger.child('discovery'),
  });
  const desktop = new DesktopService({
    shortcuts: platform.desktop.shortcuts,
    loginItem: platform.desktop.loginItem,
    mac: platform.desktop.appInfo.mac,
    settings,
    openPanel: () => platform.windows.togglePanel(),
  });
  const browserSignIn = createSignIn({
    clock,
    shell: platform.shell,
    dialogs: platform.dialogs,
    supervisor,
    setup,
    tokens,
    vault,
    journal: fileSignInJournalStore(join(platform.userDataDir, INSTANCE_FILES.signInJournal)),
    hostname: platform.hostname,
    interval,
    tlsFor,
    isPinned,
    timeoutMs,
    handledSecrets,
    logger: logger.child('sign-in'),
  });
  signIn = browserSignIn;
  const diagnostics = new Diagnostics({
    appInfo: platform.desktop.appInfo,
    now: () => clock.now(),
    status: () => setup.status(),
    settings: () => settings.get(),
    secrets,
    onConnection: (listener) => supervisor.onStatus(listener),
    onTokens: (listener) => tokens.onStatus(listener),
    logFile: logFilePath(platform.userDataDir),
  });

  const table: HandlerTable = createHandlerTable(
    ipcContract,
    createHandlers({
      setup,
      supervisor,
      store,
      settings,
      shell: platform.shell,
      windows: platform.windows,
      entityViews,
      favouriteViews: () => pageEntities.favouriteViews(),
      temperatureUnit: () => units.temperatureUnit(),
      setEntityListOpen: (open) => {
        entityListOpen = open;
        updateEntityScope();
      },
      tokens,
      notifications,
      desktop,
      diagnostics,
      clipboard: platform.desktop.clipboard,
      pageErrors: createPageErrorLog({ logger: logger.child('page'), clock }),
      discovery,
      signIn: browserSignIn,
    }),
    {
      isTrustedSender: createSenderPolicy(platform.pageOrigins),
      logger: logger.child('ipc'),
      streams,
      handledSecrets,
    },
  );

  const send = streams.publish;
  units.onChange(() => pageEntities.viewsChanged());
  setup.onStatus((status) => send('status', status));
  settings.onChange((value) => send('settings', value));
  tokens.onStatus((status) => send('tokenStatus', status));
  browserSignIn.onStatus((status) => send('signIn', status));
  desktop.onStatus((status) => send('desktopStatus', status));

  return {
    logger,
    settings,
    vault,
    store,
    areas,
    entities,
    units,
    supervisor,
    setup,
    tokens,
    notifications,
    desktop,
    table,
    discovery,
    signIn: browserSignIn,
    async start(): Promise<void> {
      await vault!.open();
      await desktop.start();
      // Before the first connection: the first snapshot is the baseline, never a change.
      notifications.start();
      await tokens.start();
      setup.connectIfReady();
      runDetached(browserSignIn.resume(), logger, 'Cleaning up after a sign-in');
    },
    /** Stops everything and resolves once every pending write is on disk. */
    async dispose(): Promise<void> {
      discovery.dispose();
      movedInstance.dispose();
      desktop.dispose();
      browserSignIn.dispose();
      diagnostics.dispose();
      notifications.dispose();
      pageEntities.dispose();
      registries.stop();
      subscriptions.dispose();
      await Promise.all([supervisor.dispose(), tokens.dispose(), vault!.dispose()]);
      await flushAllJsonFiles();
    },
  };
}

export type AppServices = ReturnType<typeof createAppServices>;
