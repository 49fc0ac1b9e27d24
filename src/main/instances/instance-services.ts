import { join } from 'node:path';
import { withHomeTemperatureUnit } from '../../shared/domains/climate';
import type { EntityState } from '../../shared/entity';
import { toEntityView } from '../../shared/entity-view';
import { normaliseInstanceUrl } from '../../shared/instance-url';
import type { IpcContract } from '../../shared/ipc/contract';
import type { Publish } from '../../shared/ipc/define';
import { runDetached } from '../detached';
import { addressProbe } from '../discovery/address-probe';
import { MovedInstanceWatch } from '../discovery/moved-instance';
import type { ServiceBrowser } from '../discovery/service-browser';
import { AreaDirectory } from '../ha/area-directory';
import type { Clock } from '../ha/clock';
import {
  ConnectionSupervisor,
  type ConnectionSupervisorOptions,
} from '../ha/connection-supervisor';
import { entityScope, watchedEntityIds } from '../ha/entity-scope';
import { EntityStore } from '../ha/entity-store';
import { EntitySubscription } from '../ha/entity-subscription';
import { HomeUnitSystem } from '../ha/home-unit-system';
import { PageEntityEvents } from '../ha/page-entity-events';
import { probeConnection } from '../ha/probe';
import { RegistryFollower } from '../ha/registry-follower';
import { SubscriptionLayer } from '../ha/subscription-layer';
import { verifyToken } from '../ha/verify-token';
import type { HandledSecrets } from '../log/handled-secrets';
import type { Logger } from '../log/logger';
import type { NotificationService } from '../notify/notification-service';
import { entityFeedFromStore } from '../notify/store-feed';
import type { SettingsStore } from '../settings/settings-store';
import type { ResolveHost } from '../setup/address-class';
import { InstanceSetup, type OtherInstance } from '../setup/instance-setup';
import { plainHttpRefusal } from '../setup/plain-http';
import type { BrowserSignIn } from '../sign-in/browser-sign-in';
import { createSignIn } from '../sign-in/create-sign-in';
import { fileSignInJournalStore } from '../sign-in/sign-in-journal';
import { instanceFolder } from '../storage/instance-folders';
import { INSTANCE_FILES } from '../storage/layout';
import { fetchPresentedCertificate } from '../tls/presented-certificate';
import type { TlsOptions } from '../tls/tls-policy';
import type { PowerEvents } from '../token-lifecycle/power-events';
import { fileReminderMemoryStore } from '../token-lifecycle/reminder-memory-store';
import { reminderNotification } from '../token-lifecycle/reminder-policy';
import { fileJournalStore } from '../token-lifecycle/rotation-journal';
import { TokenLifecycle } from '../token-lifecycle/token-lifecycle';
import type { SecretStore } from '../vault/secret-store';
import { TokenVault } from '../vault/token-vault';
import type { Dialogs } from '../windows/dialogs';
import type { Shell } from '../windows/shell';
import { InstanceSettings } from './instance-settings';

/** What every instance shares: the app's settings, streams, notifications and platform. */
export interface InstanceContext {
  userDataDir: string;
  settings: SettingsStore;
  clock: Clock;
  /** The app's root logger: each instance tags its lines with its key. */
  logger: { child(tag: string): Logger };
  secrets: SecretStore;
  shell: Shell;
  dialogs: Dialogs;
  power: Pick<PowerEvents, 'onResume'>;
  hostname: string;
  serviceBrowser: ServiceBrowser;
  /** The page streams (src/main/ipc/page-streams.ts): each instance publishes under its key. */
  streams: { publish: Publish<IpcContract> };
  notifications: NotificationService;
  handledSecrets: HandledSecrets;
  tlsFor: (origin: string) => TlsOptions | undefined;
  isPinned: (origin: string) => boolean;
  resolveHost: ResolveHost;
  timeoutMs: number;
  entityEventDelayMs: number;
  connection?: Partial<Omit<ConnectionSupervisorOptions, 'logger'>>;
  /** Whether a page lists every entity now (then every instance subscribes to all of them). */
  entityListOpen: () => boolean;
  /** The other instances, as this one compares itself with them: one Home Assistant is followed once. */
  otherInstances: (key: string) => OtherInstance[];
  /** The network id Home Assistant announces at an origin, when discovery heard it. */
  uuidAt: (origin: string) => string | null;
  /** Why this start must not connect (the crash-loop guard), or null. */
  heldBack: string | null;
}

/**
 * Everything that belongs to one Home Assistant: its token vault, connection and subscriptions,
 * entities and registries, setup, token lifecycle with its journal and reminder, sign-in, the
 * watch for a moved address, and its rules and alerts. Nothing here is shared with another
 * instance, so a fault in one (a ban, a revoked token, a restart, a flood) stays in it.
 */
export function createInstanceServices(key: string, context: InstanceContext) {
  const { clock, streams } = context;
  const settings = new InstanceSettings(key, context.settings);
  const dir = instanceFolder(context.userDataDir, key);
  // One instance's lines carry its key, so a log of several homes can be read apart.
  const log = (tag: string) => context.logger.child(`${tag}@${key}`);
  const publish: PageEntityEventsSend = (stream, payload) => streams.publish(stream, payload, key);

  const vault = new TokenVault({
    clock,
    dir,
    secrets: context.secrets,
    weakStorageAllowed: () => settings.app().storage.allowWeakEncryption,
    logger: log('vault'),
  });
  const store = new EntityStore();
  const supervisor = new ConnectionSupervisor({
    logger: log('connection'),
    tlsFor: context.tlsFor,
    ...context.connection,
  });
  supervisor.onInstanceChange(() => store.clear());
  // Established on every connection in this order: the entities first.
  const subscriptionLog = log('subscriptions');
  const subscriptions = new SubscriptionLayer(subscriptionLog, supervisor);
  const entities = new EntitySubscription(store, subscriptions, subscriptionLog);
  const units = new HomeUnitSystem(subscriptionLog, subscriptions);
  const registryLog = log('registries');
  const areas = new AreaDirectory(registryLog);
  const view = (state: EntityState) =>
    withHomeTemperatureUnit(
      toEntityView(state, areas.placeOf(state.entity_id)),
      units.temperatureUnit(),
    );
  const pageEntities = new PageEntityEvents({
    store,
    view,
    send: publish,
    clock,
    intervalMs: context.entityEventDelayMs,
  });
  const registries = new RegistryFollower({
    clock,
    logger: registryLog,
    subscriptions,
    read: async (send, haVersion) => {
      if (await areas.refresh(send, haVersion)) pageEntities.viewsChanged();
    },
  });
  units.onChange(() => pageEntities.viewsChanged());

  const setup = new InstanceSetup({
    supervisor,
    vault,
    settings,
    otherInstances: () => context.otherInstances(key),
    uuidAt: context.uuidAt,
    logger: log('setup'),
    confirm: (question, detail, label) => context.dialogs.confirm(question, detail, label),
    resolveHost: context.resolveHost,
    heldBack: context.heldBack,
    presentedCertificate: (origin) => fetchPresentedCertificate(origin, context.timeoutMs),
    probe: (instance, token) =>
      probeConnection(instance, token, {
        timeoutMs: context.timeoutMs,
        tls: context.tlsFor(instance.origin),
        pinned: context.isPinned(instance.origin),
        verifyUser: (target, t) =>
          verifyToken(target, t, {
            timeoutMs: context.timeoutMs,
            tls: context.tlsFor(target.origin),
          }),
      }),
  });

  const notifications = context.notifications.watch({
    key,
    entities: entityFeedFromStore(store),
    connection: supervisor,
    rules: settings.entry().rules,
    temperatureUnit: () => units.temperatureUnit(),
  });

  const interval = () => settings.entry().tokenReminder.intervalDays ?? 'off';
  const tokenLog = log('tokens');
  // Built after the token lifecycle, which asks it whether a sign-in holds the vault's pending slot.
  let signIn: BrowserSignIn | null = null;
  const tokens = new TokenLifecycle({
    supervisor,
    vault,
    clock,
    power: context.power,
    journal: fileJournalStore(join(dir, INSTANCE_FILES.rotationJournal)),
    reminderMemory: fileReminderMemoryStore(join(dir, INSTANCE_FILES.rotationReminder), tokenLog),
    hostname: context.hostname,
    interval,
    notifyReminder: (status) =>
      context.notifications.showOncePerDay('token_rotation_due', reminderNotification(status), {
        instance: key,
      }),
    logger: tokenLog,
    signInOpen: () => signIn?.isOpen() ?? false,
  });

  const probeAddress = addressProbe({ timeoutMs: context.timeoutMs, tlsFor: context.tlsFor });
  const movedInstance = new MovedInstanceWatch({
    supervisor,
    browser: context.serviceBrowser,
    clock,
    probe: probeAddress,
    settings,
    confirm: (question, detail, label) => context.dialogs.confirm(question, detail, label),
    plainHttpAllowed: async (origin) => {
      const instance = normaliseInstanceUrl(origin);
      if (!instance.ok) return false;
      const { plainHttp } = settings.app().trust;
      return (await plainHttpRefusal(instance.value, plainHttp, context.resolveHost)) === null;
    },
    reconnect: () => setup.connectIfReady({ restart: true }),
    logger: log('discovery'),
  });
  const signInLog = log('sign-in');
  const browserSignIn = createSignIn({
    clock,
    shell: context.shell,
    dialogs: context.dialogs,
    supervisor,
    setup,
    tokens,
    vault,
    journal: fileSignInJournalStore(join(dir, INSTANCE_FILES.signInJournal)),
    hostname: context.hostname,
    interval,
    tlsFor: context.tlsFor,
    isPinned: context.isPinned,
    timeoutMs: context.timeoutMs,
    handledSecrets: context.handledSecrets,
    logger: signInLog,
  });
  signIn = browserSignIn;

  const updateScope = () =>
    entities.setScope(
      entityScope(watchedEntityIds(settings.entry(), settings.app().ui), context.entityListOpen()),
    );
  const applyEntry = () => {
    pageEntities.setFavourites(settings.entry().favourites.map((f) => f.entityId));
    notifications.setRules(settings.entry().rules);
    tokens.setInterval(interval());
    updateScope();
  };
  applyEntry();
  const offEntry = settings.onChange(applyEntry);
  // The tray sensor is an app-wide setting that may name one of this instance's entities.
  const offApp = context.settings.onChange(updateScope);

  setup.onStatus((status) => publish('status', status));
  tokens.onStatus((status) => publish('tokenStatus', status));
  browserSignIn.onStatus((status) => publish('signIn', status));

  return {
    key,
    settings,
    vault,
    store,
    areas,
    entities,
    units,
    supervisor,
    setup,
    tokens,
    signIn: browserSignIn,
    notifications,
    /** Every entity as pages see it, with its area. */
    entityViews: () => store.all().map(view),
    /** The favourites as pages see them. */
    favouriteViews: () => pageEntities.favouriteViews(),
    /** A page that lists every entity opened or closed. */
    updateEntityScope: updateScope,
    /** Every token this instance holds or handles, for the log's redaction. */
    secrets: (): (string | null)[] => [vault.token(), vault.pendingToken(), setup.heldToken()],
    async start(): Promise<void> {
      await vault.open();
      // Before the first connection: the first snapshot is the baseline, never a change.
      notifications.start();
      await tokens.start();
      setup.connectIfReady();
      runDetached(browserSignIn.resume(), signInLog, 'Cleaning up after a sign-in');
    },
    /** Stops everything of this instance and resolves once its pending writes are on disk. */
    async dispose(): Promise<void> {
      offEntry();
      offApp();
      movedInstance.dispose();
      browserSignIn.dispose();
      notifications.dispose();
      pageEntities.dispose();
      registries.stop();
      subscriptions.dispose();
      settings.dispose();
      await Promise.all([supervisor.dispose(), tokens.dispose(), vault.dispose()]);
    },
  };
}

type PageEntityEventsSend = ConstructorParameters<typeof PageEntityEvents>[0]['send'];

export type InstanceServices = ReturnType<typeof createInstanceServices>;
