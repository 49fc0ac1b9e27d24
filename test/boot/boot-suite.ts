import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RETRY } from '../../src/main/ha/backoff';
import { ipcContract } from '../../src/shared/ipc/contract';
import {
  streamChannel,
  requestChannel,
  SUBSCRIBE_CHANNEL,
  valueGetterName,
} from '../../src/shared/ipc/define';
import { FIRST_INSTANCE_KEY as KEY } from '../../src/shared/settings';
import { startSimulator, type HaSimulator } from '../ha-sim';
import { decodeImage } from '../fake-electron/native-image';
import { waitFor } from '../support/wait-for';
import { APP_PAGE, BootedMain, type BootMode, type BootOptions } from './built-main';

const TRAY_STATES = ['connected', 'connecting', 'disconnected', 'error'];

/**
 * The life of the built main process, the same in development and packaged form: each test boots
 * a fresh copy of the bundle on a fresh fake electron and user data.
 */
export function describeBoot(name: string, mode: () => BootMode): void {
  describe(name, () => {
    const booted: BootedMain[] = [];
    let sim: HaSimulator | null = null;
    const boot = (options?: BootOptions) => {
      const main = new BootedMain(mode(), options);
      booted.push(main);
      return main;
    };
    const startedMain = async (options?: BootOptions) => {
      const main = boot(options);
      await main.ready();
      return main;
    };
    const connectedMain = async () => {
      sim = await startSimulator({ locationName: 'Home' });
      const main = await startedMain();
      const page = main.page();
      // As the settings window does: main sends a page only the streams it follows.
      page.onStatus(() => undefined, KEY);
      page.onEntityListChanged(() => undefined, KEY);
      const candidate = { url: sim.url, token: sim.token };
      expect(await page.testConnection(KEY, candidate)).toMatchObject({
        ok: true,
        value: { ok: true },
      });
      expect(await page.saveConnection(KEY, candidate)).toMatchObject({ ok: true });
      await waitFor(() => trayIcon(main) === 'connected', 'the connected tray icon');
      return { main, sim };
    };

    afterEach(async () => {
      // The latest first: a later boot may run on an earlier one's user data.
      for (const main of booted.splice(0).reverse()) {
        await main.dispose();
        main.removeUserData();
        expect(main.fake.log.unknown, 'Electron APIs the fake lacks').toEqual([]);
        expect(main.readsOutside.join('\n'), 'files read outside the app and its data').toBe('');
      }
      await sim?.close();
      sim = null;
    });

    it('takes the single-instance lock; a second instance quits at once', () => {
      const second = boot({ singleInstanceLock: false });
      expect(second.fake.log.of('app.requestSingleInstanceLock')).toHaveLength(1);
      expect(second.fake.log.of('app.quit')).toHaveLength(1);
      expect(second.fake.log.of('app.whenReady')).toHaveLength(0);
    });

    it('a second launch brings the settings window back', async () => {
      const main = await startedMain();
      await waitFor(() => main.fake.windows.length === 1, 'the first-run window');
      main.fake.closeWindow(main.fake.windows[0]!);
      main.fake.emitApp('second-instance', {}, [], '/');
      const reopened = main.fake.windows[1];
      expect(reopened?.loads[0]?.url).toMatch(/^ha-tray:\/\/app\/settings\.html#\//);
      await waitFor(() => reopened!.visible, 'the settings window shown');
    });

    it.each(['linux', 'darwin', 'win32'] as const)(
      'on ready (%s), a tray whose every icon file exists and loads',
      async (platform) => {
        const main = await startedMain({ platform });
        const [tray] = main.fake.trays;
        const first = tray!.images[0]!;
        expect(first.format, first.path).not.toBeNull();
        expect(basename(first.path)).toMatch(/^connecting[^-]/);
        const variants = TRAY_STATES.flatMap((state) =>
          ['', '-attention'].map((suffix) => first.path.replace('connecting', state + suffix)),
        );
        if (platform === 'darwin')
          variants.push(...variants.map((p) => p.replace('.png', '@2x.png')));
        for (const path of variants)
          expect(decodeImage(path, platform).format, path).not.toBeNull();
      },
    );

    it('the panel keeps its CSS size as the page zooms in, and stays not resizable', async () => {
      const main = await startedMain();
      main.fake.trays[0]!.events.emit('click');
      await waitFor(() => main.fake.windows.some((w) => w.bounds), 'the panel placed');
      const panel = main.fake.windows.find((w) => w.bounds)!;
      expect(panel.bounds).toMatchObject({ width: 360, height: 520 });
      panel.contentsEvents.emit('zoom-changed', {}, 'in');
      panel.contentsEvents.emit('zoom-changed', {}, 'in');
      expect(panel.zoomFactor).toBe(1.25);
      expect(panel.bounds).toMatchObject({ width: 450, height: 650 });
      expect(panel.resizable).toBe(false);
    });

    it('panel and settings windows run sandboxed, isolated and guarded', async () => {
      const main = await startedMain();
      main.fake.trays[0]!.events.emit('click');
      await waitFor(() => main.fake.windows.length === 2, 'the settings window and the panel');
      for (const win of main.fake.windows) {
        const prefs = win.options.webPreferences as Record<string, unknown>;
        expect(prefs).toMatchObject({
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          nodeIntegrationInWorker: false,
          nodeIntegrationInSubFrames: false,
          webSecurity: true,
          allowRunningInsecureContent: false,
          webviewTag: false,
        });
        expect(prefs.preload).toBe(join(dirname(main.bundle), '..', 'preload', 'index.js'));
        expect(readFileSync(prefs.preload as string, 'utf8')).toContain('haTray');
        expect(win.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
        const navigation = { url: 'https://example.com', defaultPrevented: false };
        win.contentsEvents.emit('will-navigate', {
          ...navigation,
          preventDefault: () => (navigation.defaultPrevented = true),
        });
        expect(navigation.defaultPrevented).toBe(true);
      }
      const deny = main.fake.state.permissionCheckHandler as () => boolean;
      expect(deny()).toBe(false);
    });

    it('registers every IPC contract channel exactly once', async () => {
      const main = await startedMain();
      const registered = main.fake.log.of('ipcMain.handle').map(([channel]) => channel);
      const served = [
        ...Object.keys(ipcContract.requests),
        ...Object.keys(ipcContract.values).map(valueGetterName),
      ].map(requestChannel);
      expect(registered.toSorted()).toEqual([...served, SUBSCRIBE_CHANNEL].toSorted());
    });

    it('ha-tray:// serves the built pages and nothing outside them', async () => {
      const main = await startedMain();
      const served = async (url: string) => {
        try {
          const response = await main.fake.fetchAppPage(url);
          return { status: response.status, body: await response.text() };
        } catch {
          return { status: 'refused', body: '' };
        }
      };
      for (const page of ['settings.html', 'panel.html']) {
        const { status, body } = await served(`ha-tray://app/${page}`);
        expect(status, page).toBe(200);
        for (const [, asset] of body.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g))
          expect((await served(`ha-tray://app/${asset}`)).status, asset).toBe(200);
      }
      const mainCode = readFileSync(main.bundle, 'utf8');
      for (const url of [
        'ha-tray://app/../main/index.js',
        'ha-tray://app/%2e%2e/main/index.js',
        'ha-tray://app/..%2fmain%2findex.js',
        'ha-tray://app/%2F..%2F..%2Fpackage.json',
        'ha-tray://elsewhere/settings.html',
      ]) {
        const { status, body } = await served(url);
        expect(status, url).not.toBe(200);
        expect(body).not.toBe(mainCode);
      }
    });

    it('ha-tray:// serves each page with its CSP and a nonce new on every load', async () => {
      const main = await startedMain();
      const nonces = new Set<string>();
      for (const page of ['settings.html', 'panel.html', 'settings.html']) {
        const response = await main.fake.fetchAppPage(`ha-tray://app/${page}`);
        const csp = response.headers.get('content-security-policy') ?? '';
        const nonce = csp.match(/style-src 'self' 'nonce-([^']+)'/)?.[1];
        expect(nonce, page).toBeDefined();
        expect(csp).toContain("script-src 'self'");
        expect(await response.text()).toContain(`<meta name="csp-nonce" nonce="${nonce}" />`);
        nonces.add(nonce!);
      }
      expect(nonces.size).toBe(3);
      // Scripts and styles come as they are.
      const asset = (await (await main.fake.fetchAppPage('ha-tray://app/panel.html')).text()).match(
        /src="\.\/(assets\/[^"]+\.js)"/,
      )![1]!;
      const script = await main.fake.fetchAppPage(`ha-tray://app/${asset}`);
      expect(script.headers.get('content-security-policy')).toBeNull();
    });

    it('first run opens the Connection page', async () => {
      const main = await startedMain();
      await waitFor(() => main.fake.windows.length === 1, 'a window');
      const [settings] = main.fake.windows;
      await waitFor(() => settings!.visible, 'the window shown');
      expect(settings!.loads).toEqual([{ url: `${APP_PAGE}#/connection/first`, status: 200 }]);
    });

    it('connects to Home Assistant through the IPC a page uses', async () => {
      const { main, sim } = await connectedMain();
      const status = await main.page().getStatus(KEY);
      expect(status.ok && status.value.connection.state).toBe('connected');
      await waitFor(
        () => lastEvent<{ size: number }>(main, 'entityListChanged')?.size === sim.states().length,
        'the pages told of every entity',
      );
      // The settings window opened at first run, but its page (no preload here) followed nothing.
      expect(main.fake.windows.length).toBeGreaterThan(0);
      expect(main.fake.windows.flatMap((win) => win.sent)).toEqual([]);
      for (const file of readdirSync(main.userDataDir, { recursive: true, withFileTypes: true }))
        if (file.isFile())
          expect(readFileSync(join(file.parentPath, file.name), 'utf8')).not.toContain(sim.token);
    });

    it.each(['resume', 'unlock-screen'] as const)(
      'after %s, a dropped connection is retried at once, not after the wait',
      async (event) => {
        const { main, sim } = await connectedMain();
        await sim.stop();
        await waitFor(() => lastStatus(main) === 'reconnecting', 'the drop noticed');
        const retry = (t: { kind: string; delayMs: number }) =>
          t.kind === 'timeout' &&
          t.delayMs >= DEFAULT_RETRY.quick.minMs &&
          t.delayMs <= DEFAULT_RETRY.backoff.maxMs;
        await waitFor(() => main.pendingTimers().some(retry), 'a retry waiting');
        const waiting = main.pendingTimers().filter(retry);
        main.fake.emitPower(event);
        // The wait is cancelled and the server looked at right away.
        expect(main.pendingTimers().filter((t) => waiting.includes(t))).toEqual([]);
        await sim.start();
        await waitFor(() => lastStatus(main) === 'connected', 'connected again');
      },
    );

    it('quit disposes every service and has written every change first', async () => {
      const listening = () =>
        ['uncaughtException', 'unhandledRejection'].map((event) => process.listenerCount(event));
      const before = listening();
      const { main, sim } = await connectedMain();
      expect(listening()).toEqual(before.map((count) => count + 1));
      const updated = await main
        .page()
        .updateSettings({ ui: { globalShortcut: 'CommandOrControl+Alt+J', startAtLogin: false } });
      expect(updated.ok).toBe(true);
      expect([...main.fake.shortcuts.keys()]).toEqual(['CommandOrControl+Alt+J']);
      main.fake.module.app.quit();
      // The first quit is held back until every service is disposed and its writes are on disk.
      expect(main.fake.state.quit).toBe(false);
      await waitFor(() => main.fake.state.quit, 'quit after disposal');
      const settingsFile = readFileSync(join(main.userDataDir, 'settings.json'), 'utf8');
      expect(settingsFile).toContain('CommandOrControl+Alt+J');
      expect(main.fake.trays[0]!.destroyed).toBe(true);
      expect(main.fake.shortcuts.size).toBe(0);
      await waitFor(() => sim.stats.openSockets === 0, 'the connection closed');
      expect(main.pendingTimers()).toEqual([]);
      // The crash handlers are the last to go: nothing of the app stays on the process.
      expect(listening()).toEqual(before);
    });

    it('quit waits for the connection to end: a request in flight is answered and logged before, nothing after', async () => {
      const { main, sim } = await connectedMain();
      await waitFor(
        () => (lastEvent<{ size: number }>(main, 'entityListChanged')?.size ?? 0) > 0,
        'the entities known',
      );
      // The request stays in flight until the app quits.
      sim.setResponseDelay(60_000);
      let answered = false;
      const action = main
        .page()
        .actOnEntity(KEY, { entityId: 'light.kitchen', action: { kind: 'primary' } })
        .finally(() => (answered = true));
      await waitFor(() => sim.serviceCalls.length > 0, 'the service call sent');
      let atQuit: { answered: boolean; log: string } | null = null;
      main.fake.module.app.on('quit', () => (atQuit = { answered, log: readLog(main) }));
      main.fake.module.app.quit();
      await waitFor(() => atQuit !== null, 'quit after disposal');
      expect(atQuit!.answered, 'the request answered before the quit').toBe(true);
      expect(await action).toMatchObject({ ok: false });
      await waitFor(() => sim.stats.openSockets === 0, 'the socket gone on the server too');
      expect(main.pendingTimers()).toEqual([]);
      expect(readLog(main), 'lines logged after the quit').toBe(atQuit!.log);
    });

    it('a page whose renderer crashed is loaded again once, then shows the error page', async () => {
      const main = await startedMain();
      await waitFor(() => main.fake.windows.length === 1, 'the first-run window');
      const win = main.fake.windows[0]!;
      const gone = { reason: 'crashed', exitCode: 133 };
      const crash = () => {
        main.fake.emitApp('render-process-gone', {}, {}, gone);
        win.contentsEvents.emit('render-process-gone', {}, gone);
      };
      crash();
      await waitFor(() => win.loads.length === 2, 'the page loaded again');
      expect(win.loads[1]!.url).toBe(win.loads[0]!.url);
      crash();
      await waitFor(() => win.loads[2]?.status === 200, 'the error page served');
      expect(win.loads[2]!.url).toBe('ha-tray://app/error.html');
      const errorPage = await (await main.fake.fetchAppPage('ha-tray://app/error.html')).text();
      expect(errorPage).toContain('Copy diagnostics');
      await waitFor(
        () => readLog(main).includes("The page's renderer process is gone: crashed, exit code 133"),
        'the crash logged',
      );
    });

    it('an uncaught exception in main is logged with its stack, recorded, and the app relaunches once', async () => {
      const before = new Set(process.listeners('uncaughtException'));
      const main = await startedMain();
      const handler = process.listeners('uncaughtException').find((l) => !before.has(l))!;
      handler(new Error('Drawing the tray failed'), 'uncaughtException');
      await waitFor(() => main.fake.state.exitCode === 1, 'the exit');
      expect(main.fake.log.of('app.relaunch')).toHaveLength(1);
      expect(readLog(main)).toMatch(
        /ERROR \[crash\] Uncaught exception in the main process Error: Drawing the tray failed\n {2}at /,
      );
      const journal = JSON.parse(readFileSync(join(main.userDataDir, 'crashes.json'), 'utf8'));
      expect(journal.crashes).toHaveLength(1);
      process.off('uncaughtException', handler);
    });

    it('the third start within two minutes after two crashes does not connect, and says why', async () => {
      const { main: first } = await connectedMain();
      await first.dispose();
      const now = Date.now();
      writeFileSync(
        join(first.userDataDir, 'crashes.json'),
        JSON.stringify({ version: 1, crashes: [now - 60_000, now - 5_000] }),
      );
      const main = await startedMain({ userDataDir: first.userDataDir });
      const status = await main.page().getStatus(KEY);
      expect(status.ok && status.value.startNotice).toMatch(/started without connecting/);
      expect(status.ok && status.value.connection.state).toBe('not_configured');
      await waitFor(
        () => readLog(main).includes('WARN [crash] HA Tray closed unexpectedly 3 times'),
        'the reason logged',
      );
    });
  });
}

function readLog(main: BootedMain): string {
  const file = join(main.userDataDir, 'logs', 'ha-tray.log');
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

function trayIcon(main: BootedMain): string {
  const images = main.fake.trays[0]?.images ?? [];
  return basename(images.at(-1)?.path ?? '').replace(/\..*$/, '');
}

/** The last payload main sent the test's page on an event channel. */
/** The last payload main sent a page on the first instance's stream `event`. */
function lastEvent<T>(main: BootedMain, event: string): T | undefined {
  const channel = streamChannel({ stream: event, instance: KEY });
  const sent = main.fake.pageSent.filter((s) => s.channel === channel);
  return sent.at(-1)?.payload as T | undefined;
}

function lastStatus(main: BootedMain): string | undefined {
  return lastEvent<{ connection: { state: string } }>(main, 'status')?.connection.state;
}
