import type { DiscoveryView } from '../../shared/discovery';
import { normaliseInstanceUrl } from '../../shared/instance-url';
import type { IpcContract } from '../../shared/ipc/contract';
import type { SettingsPage } from '../../shared/ipc/contract';
import type { Handlers } from '../../shared/ipc/define';
import type { NotificationRule } from '../../shared/notification-rules';
import { UserFacingError } from '../../shared/user-facing-error';
import type { PageErrorLog } from '../crash/page-error-log';
import type { DesktopService } from '../desktop/desktop-service';
import type { Diagnostics } from '../diagnostics/diagnostics';
import { runEntityAction } from '../ha/entity-actions';
import type { InstanceServices } from '../instances/instance-services';
import type { InstanceSet } from '../instances/instance-set';
import type { NotificationService } from '../notify/notification-service';
import { previewMessage } from '../notify/preview';
import type { SettingsStore } from '../settings/settings-store';
import { openSavedHaPage, openTokenCreationPage } from '../setup/open-ha-page';
import type { Shell } from '../windows/shell';
import type { Clipboard } from './clipboard';

export interface PageWindows {
  /** Opens the settings window on a page, of one instance where the page is about one. */
  showSettings(page?: SettingsPage, instance?: string): void;
  togglePanel(): void;
  hidePanel(): void;
}

/** Home Assistants on this network, as the Connection page lists them. */
export interface DiscoveryHandlers {
  view(): DiscoveryView;
  refresh(): void;
}

export interface HandlerDeps {
  /** Where the pages' own errors go: main's log, rate-limited. */
  pageErrors: PageErrorLog;
  /** The Home Assistants HA Tray follows: every per-instance request names one by its key. */
  instances: InstanceSet;
  settings: SettingsStore;
  shell: Shell;
  windows: PageWindows;
  /** A page that lists every entity opened or closed. */
  setEntityListOpen: (open: boolean) => void;
  notifications: NotificationService;
  desktop: DesktopService;
  diagnostics: Diagnostics;
  clipboard: Clipboard;
  discovery: DiscoveryHandlers;
}

function entityFor(instance: InstanceServices, entityId: string) {
  const entity = instance.store.get(entityId);
  if (!entity)
    throw new UserFacingError(
      `${entityId} is not in Home Assistant right now, so there is nothing to preview.`,
    );
  return entity;
}

/**
 * What each request of the contract does. Arguments arrive already validated; an instance key is
 * looked up in the live instances, and one that is not there is refused with a sentence.
 */
export function createHandlers({
  instances,
  settings,
  shell,
  windows,
  setEntityListOpen,
  notifications,
  desktop,
  diagnostics,
  clipboard,
  pageErrors,
  discovery,
}: HandlerDeps): Handlers<IpcContract> {
  const the = (key: string) => instances.get(key);
  const preview = (key: string, rule: NotificationRule) => {
    const instance = the(key);
    return previewMessage(
      rule,
      entityFor(instance, rule.entityId),
      instance.units.temperatureUnit(),
    );
  };
  return {
    getSettings: () => settings.get(),
    updateSettings: (patch) => settings.update(patch),
    updateInstance: (key, patch) => {
      the(key);
      return settings.updateInstance(key, patch);
    },
    addInstance: () => instances.add().key,
    removeInstance: (key, { revokeToken }) => instances.remove(key, { revokeToken }),
    getStatus: (key) => the(key).setup.status(),
    testConnection: (key, candidate) => the(key).setup.test(candidate),
    saveConnection: (key, candidate) => the(key).setup.save(candidate),
    allowWeakStorage: (key) => the(key).setup.allowWeakStorage(),
    allowPlainHttp: (key, address) => the(key).setup.allowPlainHttp(address),
    trustCertificate: (key, address) => the(key).setup.trustCertificate(address),
    listEntities: (key) => the(key).entityViews(),
    getFavouriteEntities: (key) => the(key).favouriteViews(),
    setEntityListOpen: (open) => setEntityListOpen(open),
    actOnEntity: (key, { entityId, action, confirmed }) => {
      const { store, supervisor } = the(key);
      return runEntityAction(
        { store, connection: () => supervisor.connection() },
        entityId,
        action,
        {
          confirmed,
        },
      );
    },
    openTokenPage: ({ url }) => {
      // Only this one page, on an address that is not saved yet: where a new user makes a token.
      const instance = normaliseInstanceUrl(url);
      if (!instance.ok) throw new UserFacingError(instance.error, 'invalid_url');
      return openTokenCreationPage(instance.value.origin, shell);
    },
    getDiscovery: () => discovery.view(),
    refreshDiscovery: () => discovery.refresh(),
    getSignIn: (key) => the(key).signIn.status(),
    startSignIn: (key, { url }) => the(key).signIn.start(url),
    cancelSignIn: (key) => the(key).signIn.cancel(),
    getTokenStatus: (key) => the(key).tokens.status(),
    rotateToken: (key) => the(key).tokens.rotation.rotate(),
    snoozeTokenReminder: (key, duration) => {
      const { tokens } = the(key);
      tokens.snooze(duration);
      return tokens.status();
    },
    replaceToken: (key, request) => the(key).tokens.manual.replace(request),
    revokeOldToken: (key) => the(key).tokens.manual.revokeOld(),
    loadTokenAudit: (key) => the(key).tokens.audit.load(),
    revokeTokens: (key, request) => the(key).tokens.audit.revoke(request),
    previewNotification: (key, rule) => preview(key, rule),
    sendTestNotification: (key, rule) =>
      notifications.sendTest(preview(key, rule), { instance: key, entityId: rule.entityId }),
    openSettings: (page, key) => {
      if (key !== undefined) the(key);
      windows.showSettings(page, key);
    },
    closePanel: () => windows.hidePanel(),
    openInHomeAssistant: (key, path) => openSavedHaPage(the(key).settings, path, shell),
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
