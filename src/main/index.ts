import { hostname } from 'node:os';
import { join } from 'node:path';
import { app, Menu, net, session } from 'electron';
import { createBonjourServiceBrowser } from './adapters/bonjour-service-browser';
import { registerAppScheme, serveAppPages } from './adapters/electron/electron-app-protocol';
import {
  electronAppInfo,
  electronClipboard,
  electronSystemTheme,
} from './adapters/electron/electron-desktop';
import { createElectronDialogs } from './adapters/electron/electron-dialogs';
import { registerIpcHandlers } from './adapters/electron/electron-ipc';
import { createElectronLoginItem } from './adapters/electron/electron-login-item';
import { createElectronNotifier } from './adapters/electron/electron-notifier';
import { createElectronPowerEvents } from './adapters/electron/electron-power-events';
import { createElectronSecretStore } from './adapters/electron/electron-secret-store';
import { createElectronShell } from './adapters/electron/electron-shell';
import { createElectronShortcuts } from './adapters/electron/electron-shortcut';
import { createElectronTrayHost } from './adapters/electron/electron-tray-host';
import { createElectronWindowHost } from './adapters/electron/electron-window-host';
import { createAppServices, type AppServices } from './app-services';
import { fileCrashJournal } from './crash/crash-journal';
import { CRASH_LOOP_NOTICE, inCrashLoop } from './crash/crash-policy';
import { createCrashReporter } from './crash/crash-reporter';
import { shellPlan } from './desktop/shell-plan';
import { systemClock } from './ha/clock';
import type { InstanceServices } from './instances/instance-services';
import { orderlyQuit } from './lifecycle/orderly-quit';
import { fileLogSink } from './log/file-sink';
import { logFilePath } from './log/log-file-path';
import { APP_FILES } from './storage/layout';
import { createTray } from './tray/create-tray';
import type { TrayHost } from './tray/tray-host';
import { trayIconDir } from './tray/tray-icon-dir';
import { APP_ORIGIN } from './windows/app-protocol';
import { denyAllPermissions } from './windows/guards';
import { applicationMenu, devServerUrl, devToolsAllowed } from './windows/shell-policy';
import type { WindowHost } from './windows/window-host';

// Composition root: builds the Electron platform and hands it to the services. No logic here.
registerAppScheme();

/** How long a quit waits for pending writes before it goes anyway. */
const QUIT_LIMIT_MS = 3_000;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      // No logger exists yet when the start fails: say why on stderr and leave, rather than stay
      // running without a tray icon.
      console.error('HA Tray could not start', error);
      app.exit(1);
    });
}

async function start(): Promise<void> {
  const plan = shellPlan(process.platform);
  if (plan.appUserModelId) app.setAppUserModelId(plan.appUserModelId);
  if (plan.hideDock) app.dock?.hide();
  const userDataDir = app.getPath('userData');
  const devServer = devServerUrl(app.isPackaged, process.env.ELECTRON_RENDERER_URL);
  const menu = applicationMenu(app.isPackaged, process.platform);
  if (menu !== 'default') Menu.setApplicationMenu(menu && Menu.buildFromTemplate(menu));
  const shell = createElectronShell();
  const notifier = createElectronNotifier();
  const power = createElectronPowerEvents();
  const dialogs = createElectronDialogs();
  let windows: WindowHost | null = null;
  let trayHost: TrayHost | null = null;
  const openPanel = () => windows?.togglePanel(trayHost?.getBounds() ?? null);

  const logSink = fileLogSink(logFilePath(userDataDir), {
    onWriteError: (error) => console.error('HA Tray cannot write its log file', error),
  });
  const crashJournal = fileCrashJournal(join(userDataDir, APP_FILES.crashJournal));
  const heldBackByGuard = inCrashLoop(crashJournal.crashes(), Date.now());
  const services: AppServices = createAppServices({
    userDataDir,
    startNotice: heldBackByGuard ? CRASH_LOOP_NOTICE : null,
    secrets: createElectronSecretStore(),
    shell,
    logSink,
    pageOrigins: devServer ? [APP_ORIGIN, devServer] : [APP_ORIGIN],
    notifier,
    dialogs,
    power,
    hostname: hostname(),
    serviceBrowser: createBonjourServiceBrowser(),
    desktop: {
      loginItem: createElectronLoginItem(),
      shortcuts: createElectronShortcuts(),
      clipboard: electronClipboard(),
      appInfo: electronAppInfo(),
    },
    windows: {
      showSettings: (page, instance) => windows?.showSettings(page, instance),
      togglePanel: openPanel,
      hidePanel: () => windows?.hidePanel(),
    },
  });

  const crashes = createCrashReporter({
    logger: services.logger.child('crash'),
    journal: crashJournal,
    now: () => Date.now(),
    heldBackByGuard,
    flushLog: () => logSink.flush(),
    relaunch: () => app.relaunch(),
    exit: (code) => app.exit(code),
  });
  process.on('uncaughtException', crashes.uncaughtException);
  process.on('unhandledRejection', crashes.unhandledRejection);
  app.on('render-process-gone', (_event, _contents, details) =>
    crashes.processGone("page's renderer", details),
  );
  app.on('child-process-gone', (_event, details) => crashes.processGone(details.type, details));
  if (heldBackByGuard) services.logger.child('crash').warn(CRASH_LOOP_NOTICE);

  serveAppPages(join(__dirname, '../renderer'));
  denyAllPermissions(session.defaultSession);
  windows = createElectronWindowHost({
    preloadPath: join(__dirname, '../preload/index.js'),
    pageUrl: (page) => `${devServer ?? APP_ORIGIN}/${page}.html`,
    logger: services.logger,
    devTools: devToolsAllowed(app.isPackaged),
  });
  registerIpcHandlers(services.table);

  const everyInstance = (act: (instance: InstanceServices) => void) => () =>
    services.instances.list().forEach(act);
  power.onResume(everyInstance((instance) => instance.supervisor.wake()));
  power.onUnlockScreen(everyInstance((instance) => instance.supervisor.wake()));
  const onlineCheck = setInterval(
    everyInstance((instance) => instance.supervisor.setOnline(net.isOnline())),
    5_000,
  );

  const theme = electronSystemTheme();
  const iconDir = trayIconDir({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
  });
  trayHost = createElectronTrayHost(iconDir, {
    name: 'connecting',
    attention: false,
    dark: theme.isDark(),
  });
  const tray = createTray(services, {
    host: trayHost,
    dialogs,
    shell,
    openPanel,
    openSettings: (page, instance) => windows?.showSettings(page, instance),
    quit: () => app.quit(),
    theme,
  });

  app.on('second-instance', () => windows?.showSettings());
  // A tray app keeps running with every window closed.
  app.on('window-all-closed', () => undefined);
  app.on(
    'before-quit',
    orderlyQuit({
      dispose: async () => {
        clearInterval(onlineCheck);
        tray.dispose();
        trayHost?.destroy();
        await services.dispose();
        // Last: a crash while disposing is still logged.
        process.off('uncaughtException', crashes.uncaughtException);
        process.off('unhandledRejection', crashes.unhandledRejection);
        await logSink.close();
      },
      quit: () => app.quit(),
      clock: systemClock,
      limitMs: QUIT_LIMIT_MS,
      onError: (error) => services.logger.error('Quitting: disposal failed', error),
    }),
  );

  await services.start();
  const unset = services.instances.awaitingSetUp();
  if (unset) windows.showSettings('connection', unset.key);
}
