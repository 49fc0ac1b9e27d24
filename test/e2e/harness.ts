import type { Dialogs } from '../../src/main/windows/dialogs';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createAppServices, type AppServices } from '../../src/main/app-services';
import type { InstanceServices } from '../../src/main/instances/instance-services';
import type { StreamPage } from '../../src/main/ipc/page-streams';
import { normaliseInstanceUrl } from '../../src/shared/instance-url';
import type { DesktopNotification } from '../../src/main/notify/notifier';
import type { MenuItemSpec, TrayHost, TrayIconSpec } from '../../src/main/tray/tray-host';
import { createTray } from '../../src/main/tray/create-tray';
import type { TrayService } from '../../src/main/tray/tray-service';
import { fakeDesktopPlatform } from '../fakes/desktop-platform';
import { FakeSecretStore } from '../fakes/secret-store';
import { FakeServiceBrowser } from '../fakes/service-browser';
import { CHROMIUM_ARGS } from './chromium';
import { ensureRendererBuilt, RENDERER_OUT } from './renderer-build';
import { serveStatic } from './static-server';
import { fastRetry } from '../support/fast-retry';
import { onlyInstance } from '../support/only-instance';
import { snapshotIn } from '../support/supervised-store';
import { waitFor } from '../support/wait-for';

const pageBridge = () =>
  buildSync({
    entryPoints: [join(import.meta.dirname, 'page-bridge.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    platform: 'browser',
  }).outputFiles[0]!.text;

export interface E2eOptions {
  chromiumPath: string;
  /** How long the app gathers entity changes into one page event; default 50 ms, the app's own 200 ms for the bench. */
  entityEventDelayMs?: number;
}

/**
 * The app without Electron: the built React pages in real Chromium, their `window.haTray`
 * bound to the same handler table the preload calls (same sender checks and validation), and
 * the real main-process services with recording fakes for the keyring, shell and log.
 */
export class E2eHarness {
  /** What main sent the pages, each page only the streams it follows. */
  readonly sentToPages: Array<{ channel: string; payload: unknown }> = [];
  readonly logLines: string[] = [];
  readonly opened: string[] = [];
  /** Desktop notifications the app showed. */
  readonly notifications: DesktopNotification[] = [];
  /** What pages asked of the (absent) native windows. */
  readonly windowRequests: string[] = [];
  readonly secrets = new FakeSecretStore('gnome_libsecret');
  /** Login item, global shortcuts and clipboard as the app left them. */
  readonly desktop = fakeDesktopPlatform();
  /** The network the discovery browses: a journey puts a Home Assistant's answer in it. */
  readonly serviceBrowser = new FakeServiceBrowser();
  readonly userDataDir = mkdtempSync(join(tmpdir(), 'ha-tray-e2e-'));
  readonly pages: Page[] = [];
  /**
   * What the pages complained about, as a person with the developer tools open would see it:
   * console errors and warnings, Content-Security-Policy violations and failed requests.
   */
  readonly pageProblems: string[] = [];
  services!: AppServices;
  /** The tray menu as the app last built it. */
  trayMenu: MenuItemSpec[] = [];
  trayIcon: TrayIconSpec | null = null;
  trayToolTip = '';
  /** The text macOS shows next to the icon: the chosen sensor's state. */
  trayTitle = '';
  readonly dialogsShown: string[] = [];
  /** Native dialogs: each is recorded and answered "yes". */
  readonly dialogs: Dialogs = {
    confirm: async (question) => (this.dialogsShown.push(question), true),
    showError: (title, message) => void this.dialogsShown.push(`${title}: ${message}`),
  };
  private tray: TrayService | null = null;
  private browser!: Browser;
  private server!: { origin: string; close(): Promise<void> };
  private bridgeScript = '';
  private entityEventDelayMs = 50;
  private nextPageId = 1;

  static async start(options: E2eOptions): Promise<E2eHarness> {
    ensureRendererBuilt();
    const harness = new E2eHarness();
    harness.entityEventDelayMs = options.entityEventDelayMs ?? harness.entityEventDelayMs;
    harness.server = await serveStatic(RENDERER_OUT);
    harness.bridgeScript = pageBridge();
    harness.browser = await chromium.launch({
      executablePath: options.chromiumPath,
      args: CHROMIUM_ARGS,
    });
    harness.boot();
    await harness.services.start();
    harness.startTray();
    return harness;
  }

  /** Starts (or restarts, as after quitting the app) the main-process services on the same user data. */
  boot(): void {
    this.services = createAppServices(
      {
        userDataDir: this.userDataDir,
        secrets: this.secrets,
        shell: { openExternal: async (url) => void this.opened.push(url) },
        logSink: { write: (line) => void this.logLines.push(line) },
        notifier: { isSupported: () => true, show: (n) => void this.notifications.push(n) },
        dialogs: this.dialogs,
        power: { onResume: () => () => undefined },
        hostname: 'test-host',
        desktop: this.desktop,
        serviceBrowser: this.serviceBrowser,
        pageOrigins: [this.server.origin],
        windows: {
          showSettings: (page) => void this.windowRequests.push(`settings:${page ?? ''}`),
          togglePanel: () => void this.windowRequests.push('panel'),
          hidePanel: () => void this.windowRequests.push('hide-panel'),
        },
      },
      {
        connection: { retry: fastRetry(100, 1000) },
        probeTimeoutMs: 5000,
        entityEventDelayMs: this.entityEventDelayMs,
      },
    );
  }

  /** The real tray wiring on a recording host; questions are answered "yes" and recorded. */
  private startTray(): void {
    const host: TrayHost = {
      setIcon: (icon) => (this.trayIcon = icon),
      setToolTip: (text) => (this.trayToolTip = text),
      setTitle: (text) => (this.trayTitle = text),
      setContextMenu: (items) => (this.trayMenu = items),
      onMenuItem: () => undefined,
      onClick: () => undefined,
      getBounds: () => null,
      destroy: () => undefined,
    };
    this.tray = createTray(this.services, {
      host,
      dialogs: this.dialogs,
      shell: { openExternal: async (url) => void this.opened.push(url) },
      openPanel: () => void this.windowRequests.push('panel'),
      openSettings: (page) => void this.windowRequests.push(`settings:${page ?? ''}`),
      quit: () => undefined,
      theme: { isDark: () => false, onChange: () => () => undefined },
    });
  }

  /** The one Home Assistant of a journey that has one (onlyInstance in test/support). */
  get home(): InstanceServices {
    return onlyInstance(this.services);
  }

  /**
   * Connects an instance (the first one unless named) to a Home Assistant, as a saved connection
   * would at start.
   */
  async connectTo(
    url: string,
    token: string,
    instance: InstanceServices = this.services.instances.list()[0]!,
  ): Promise<void> {
    const address = normaliseInstanceUrl(url);
    if (!address.ok) throw new Error(address.error);
    await instance.vault.save(token);
    instance.settings.setOrigin(address.value.origin);
    instance.setup.connectIfReady();
    // "Connected" comes before the entities: their snapshot is what the journeys need.
    await snapshotIn(instance.entities);
  }

  /** Labels of the favourites in the tray menu (also in its floors' submenus), in order, with checkbox state. */
  trayFavourites(): string[] {
    const flat = (items: MenuItemSpec[]): MenuItemSpec[] =>
      items.flatMap((item) => (item.type === 'submenu' ? flat(item.submenu) : [item]));
    return flat(this.trayMenu)
      .filter(
        (item): item is Extract<MenuItemSpec, { id: string }> =>
          'id' in item && item.id.startsWith('fav:'),
      )
      .map((item) =>
        item.type === 'checkbox' ? `${item.checked ? '☑' : '☐'} ${item.label}` : item.label,
      );
  }

  async open(
    page: 'settings' | 'panel',
    options: {
      hash?: string;
      colorScheme?: 'light' | 'dark';
      size?: { width: number; height: number };
    } = {},
  ): Promise<Page> {
    const tab = await this.browser.newPage({
      colorScheme: options.colorScheme ?? 'light',
      viewport: options.size ?? { width: 760, height: 560 },
    });
    const streamPage = this.streamPage(tab);
    await tab.exposeBinding('__haTrayInvoke', ({ frame }, channel: string, args: unknown[]) =>
      this.services.table.handle(
        channel,
        { url: frame.url(), isMainFrame: frame === tab.mainFrame(), page: streamPage },
        args,
      ),
    );
    await tab.addInitScript({ content: this.bridgeScript });
    tab.on('pageerror', (error) => this.logLines.push(`PAGE ERROR ${error.message}`));
    await this.recordProblems(tab, page);
    this.pages.push(tab);
    await tab.goto(`${this.server.origin}/${page}.html${options.hash ? `#${options.hash}` : ''}`);
    return tab;
  }

  /** A tab as main's page streams see it: what it subscribed to is sent to its bridge. */
  private streamPage(tab: Page): StreamPage {
    return {
      id: this.nextPageId++,
      send: (channel, payload) => {
        this.sentToPages.push({ channel, payload });
        tab
          .evaluate(
            ([c, p]) =>
              (globalThis as unknown as { __haTrayEmit(c: string, p: unknown): void }).__haTrayEmit(
                c,
                p,
              ),
            [channel, payload] as const,
          )
          .catch(() => undefined);
      },
      isGone: () => tab.isClosed(),
      onGone: (listener) => void tab.once('close', listener),
    };
  }

  private async recordProblems(tab: Page, page: string): Promise<void> {
    const problem = (text: string) => void this.pageProblems.push(`${page}: ${text}`);
    tab.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        problem(`console ${message.type()}: ${message.text()} (${message.location().url})`);
    });
    tab.on('response', (response) => {
      if (response.status() >= 400) problem(`HTTP ${response.status()} for ${response.url()}`);
    });
    tab.on('requestfailed', (request) =>
      problem(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'no reason'})`),
    );
    // The event, not only its console line: a violation a page catches still fires it.
    await tab.exposeBinding('__haTrayCspViolation', (_source, text: string) =>
      problem(`CSP violation: ${text}`),
    );
    await tab.addInitScript({
      content: `document.addEventListener('securitypolicyviolation', (event) =>
        __haTrayCspViolation(event.effectiveDirective + ' refused ' + event.blockedURI));`,
    });
  }

  /**
   * A page outside the app in the same Chromium: for a picture a journey draws itself
   * (test/e2e/menu-picture.ts), or as the user's own browser, where the app sends a sign-in.
   */
  blank(size = { width: 760, height: 560 }): Promise<Page> {
    return this.browser.newPage({ viewport: size, colorScheme: 'light' });
  }

  /** The first address the app opened in the system browser that starts with `prefix`, once it has. */
  async openedInBrowser(prefix: string): Promise<string> {
    const match = () => this.opened.find((url) => url.startsWith(prefix));
    await waitFor(() => match() !== undefined, `the app to open ${prefix} in the browser`);
    return match()!;
  }

  /** Every file in the user-data folder, for leak scans. */
  userDataFiles(): Array<{ path: string; text: string }> {
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? walk(path) : [path];
      });
    return walk(this.userDataDir).map((path) => ({ path, text: readFileSync(path, 'latin1') }));
  }

  async close(): Promise<void> {
    this.tray?.dispose();
    await this.services?.dispose();
    await this.browser?.close();
    await this.server?.close();
    rmSync(this.userDataDir, { recursive: true, force: true });
  }
}

/** Where the suite writes screenshots when asked to (npm run screenshots). */
export function screenshotPath(name: string): string | null {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return null;
  const dir = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, `${name}.png`);
}
