import type { DiscoveryView } from '../../shared/discovery';
import type { EntityView } from '../../shared/entity-view';
import { normaliseInstanceUrl } from '../../shared/instance-url';
import type { IpcContract } from '../../shared/ipc/contract';
import type { SettingsPage } from '../../shared/ipc/contract';
import type { Handlers } from '../../shared/ipc/define';
import type { SignInStatus } from '../../shared/sign-in';
import type { TemperatureUnit } from '../../shared/unit-system';
import { UserFacingError } from '../../shared/user-facing-error';
import type { PageErrorLog } from '../crash/page-error-log';
import type { DesktopService } from '../desktop/desktop-service';
import type { Diagnostics } from '../diagnostics/diagnostics';
import type { ConnectionSupervisor } from '../ha/connection-supervisor';
import { runEntityAction } from '../ha/entity-actions';
import type { EntityStore } from '../ha/entity-store';
import type { NotificationService } from '../notify/notification-service';
import { previewMessage } from '../notify/preview';
import type { SettingsStore } from '../settings/settings-store';
import type { InstanceSetup } from '../setup/instance-setup';
import { openSavedHaPage, openTokenCreationPage } from '../setup/open-ha-page';
import type { TokenLifecycle } from '../token-lifecycle/token-lifecycle';
import type { Shell } from '../windows/shell';
import type { Clipboard } from './clipboard';

export interface PageWindows {
  showSettings(page?: SettingsPage): void;
  togglePanel(): void;
  hidePanel(): void;
}

/** Home Assistants on this network, as the Connection page lists them. */
export interface DiscoveryHandlers {
  view(): DiscoveryView;
  refresh(): void;
}

/** Browser sign-in: a long-lived token made through Home Assistant's own login page. */
export interface SignInHandlers {
  status(): SignInStatus;
  start(url: string): Promise<SignInStatus>;
  cancel(): SignInStatus;
}

export interface HandlerDeps {
  /** Where the pages' own errors go: main's log, rate-limited. */
  pageErrors: PageErrorLog;
  setup: InstanceSetup;
  supervisor: ConnectionSupervisor;
  store: EntityStore;
  settings: SettingsStore;
  shell: Shell;
  windows: PageWindows;
  /** Every entity as pages see it, with its area. */
  entityViews: () => EntityView[];
  /** The favourites as pages see them. */
  favouriteViews: () => EntityView[];
  /** The home's temperature unit, for previews of rules on a thermostat's temperatures. */
  temperatureUnit: () => TemperatureUnit | undefined;
  /** A page that lists every entity opened or closed. */
  setEntityListOpen: (open: boolean) => void;
  tokens: TokenLifecycle;
  notifications: NotificationService;
  desktop: DesktopService;
  diagnostics: Diagnostics;
  clipboard: Clipboard;
  discovery: DiscoveryHandlers;
  signIn: SignInHandlers;
}

function entityFor(store: EntityStore, entityId: string) {
  const entity = store.get(entityId);
  if (!entity)
    throw new UserFacingError(
      `${entityId} is not in Home Assistant right now, so there is nothing to preview.`,
    );
  return entity;
}

/** What each request of the contract does. Arguments arrive already validated. */
export function createHandlers({
  setup,
  supervisor,
  store,
  settings,
  shell,
  windows,
  entityViews,
  favouriteViews,
  temperatureUnit,
  setEntityListOpen,
  tokens,
  notifications,
  desktop,
  diagnostics,
  clipboard,
  pageErrors,
  discovery,
  signIn,
}: HandlerDeps): Handlers<IpcContract> {
  return {
    getStatus: () => setup.status(),
    getSettings: () => settings.get(),
    updateSettings: (patch) => settings.update(patch),
    testConnection: (candidate) => setup.test(candidate),
    saveConnection: (candidate) => setup.save(candidate),
    allowWeakStorage: () => setup.allowWeakStorage(),
    allowPlainHttp: (address) => setup.allowPlainHttp(address),
    trustCertificate: (address) => setup.trustCertificate(address),
    listEntities: () => entityViews(),
    getFavouriteEntities: () => favouriteViews(),
    setEntityListOpen: (open) => setEntityListOpen(open),
    actOnEntity: ({ entityId, action, confirmed }) =>
      runEntityAction({ store, connection: () => supervisor.connection() }, entityId, action, {
        confirmed,
      }),
    openTokenPage: ({ url }) => {
      // Only this one page, on an address that is not saved yet: where a new user makes a token.
      const instance = normaliseInstanceUrl(url);
      if (!instance.ok) throw new UserFacingError(instance.error, 'invalid_url');
      return openTokenCreationPage(instance.value.origin, shell);
    },
    getDiscovery: () => discovery.view(),
    refreshDiscovery: () => discovery.refresh(),
    getSignIn: () => signIn.status(),
    startSignIn: ({ url }) => signIn.start(url),
    cancelSignIn: () => signIn.cancel(),
    getTokenStatus: () => tokens.status(),
    rotateToken: () => tokens.rotation.rotate(),
    snoozeTokenReminder: (duration) => {
      tokens.snooze(duration);
      return tokens.status();
    },
    replaceToken: (request) => tokens.manual.replace(request),
    revokeOldToken: () => tokens.manual.revokeOld(),
    loadTokenAudit: () => tokens.audit.load(),
    revokeTokens: (request) => tokens.audit.revoke(request),
    previewNotification: (rule) =>
      previewMessage(rule, entityFor(store, rule.entityId), temperatureUnit()),
    sendTestNotification: (rule) =>
      notifications.sendTest(
        previewMessage(rule, entityFor(store, rule.entityId), temperatureUnit()),
        rule.entityId,
      ),
    openSettings: (page) => windows.showSettings(page),
    closePanel: () => windows.hidePanel(),
    openInHomeAssistant: (path) => openSavedHaPage(settings, path, shell),
    getDesktopStatus: () => desktop.refresh(),
    setStartAtLogin: (enabled) => desktop.setStartAtLogin(enabled),
    setGlobalShortcut: (accelerator) => desktop.setShortcut(accelerator),
    getAbout: () => diagnostics.about(),
    reportPageError: (report) => pageErrors.report(report),
    copyDiagnostics: async (options) => {
      const text = diagnostics.report(options);
      await clipboard.writeText(text);
      return text;
    },
  };
}
