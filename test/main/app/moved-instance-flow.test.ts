import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../src/main/app-services';
import { SHORT_BURST } from '../../../src/main/discovery/burst';
import { MOVED_AFTER_MS } from '../../../src/main/discovery/moved-instance';
import { startSimulator, type HaSimulator } from '../../ha-sim';
import { FakeServiceBrowser, haAnswer } from '../../fakes/service-browser';
import { testPlatform } from '../../support/app-platform';
import { FakeClock } from '../../support/fake-clock';
import { fastRetry } from '../../support/fast-retry';
import { installNetworkGuard, type NetworkGuard } from '../../support/network-guard';
import { onlyInstance } from '../../support/only-instance';
import { waitFor } from '../../support/wait-for';

const UUID = '5f0d3c2a9b8e4f6a8c1d2e3f4a5b6c7d';

/**
 * Home Assistant at its new address: the simulator behind a proxy on 127.0.0.1 that also answers
 * `/auth/providers` as Home Assistant's login page does (what the discovery's probe reads).
 */
async function movedHomeAssistant(sim: HaSimulator): Promise<MovedHomeAssistant> {
  const target = new URL(sim.url);
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(`${req.url} ${req.headers.authorization === undefined ? 'without' : 'with'} a token`);
    if (req.url === '/auth/providers')
      return res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"providers":[]}');
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  server.on('upgrade', (req, socket, head) => {
    seen.push(`${req.url} (WebSocket)`);
    const upstream = connect(Number(target.port), target.hostname, () => {
      const headers = Object.entries(req.headers).map(([k, v]) => `${k}: ${String(v)}`);
      upstream.write(`${req.method} ${req.url} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`);
      upstream.write(head);
      upstream.pipe(socket).pipe(upstream);
    });
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, seen, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

interface MovedHomeAssistant {
  server: Server;
  origin: string;
  /** Every request that reached the new address, in order. */
  seen: string[];
}

/** An address where nothing answers any more: Home Assistant's old one. */
async function deadOrigin(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.2:${port}`;
}

let sim: HaSimulator;
let moved: MovedHomeAssistant;
let guard: NetworkGuard;
let dir: string;
let app: AppServices;
let clock: FakeClock;
let asked: string[];
/** What had reached the new address when main asked. */
let seenWhenAsked: string[];

beforeEach(async () => {
  guard = installNetworkGuard();
  sim = await startSimulator();
  moved = await movedHomeAssistant(sim);
  dir = mkdtempSync(join(tmpdir(), 'ha-tray-moved-flow-'));
  asked = [];
  seenWhenAsked = [];
});
afterEach(async () => {
  await app?.dispose();
  const closed = new Promise((resolve) => moved.server.close(resolve));
  moved.server.closeAllConnections();
  await closed;
  await sim.close();
  guard.restore();
  rmSync(dir, { recursive: true, force: true });
});

/** The app set up for Home Assistant at `saved`, which it knew by its uuid, with `answer` to main's dialog. */
async function appWhoseHomeAssistantMoved(answer: boolean) {
  const browser = new FakeServiceBrowser();
  browser.addSilently(haAnswer({ uuid: UUID, txt: { internal_url: moved.origin } }));
  clock = new FakeClock(Date.now());
  app = createAppServices(
    testPlatform(dir, {
      serviceBrowser: browser,
      clock,
      dialogs: {
        confirm: async (question) => {
          asked.push(question);
          seenWhenAsked = [...moved.seen];
          return answer;
        },
        showError: () => undefined,
      },
    }),
    { connection: { retry: fastRetry(10, 40) } },
  );
  await app.start();
  const home = onlyInstance(app);
  await home.vault.save(sim.token);
  home.settings.setOrigin(await deadOrigin());
  home.settings.rememberUuid(UUID);
  home.setup.connectIfReady();
  await waitFor(
    () => home.supervisor.getStatus().state === 'reconnecting',
    'the saved address failing',
  );
  return browser;
}

/** Only the token-free probe has reached the new address. */
const PROBE_ONLY = ['/auth/providers without a token'];

describe('a moved Home Assistant, in the app', () => {
  it('reconnects at the new address only after the user agreed in the native dialog', async () => {
    const browser = await appWhoseHomeAssistantMoved(true);
    await clock.advanceAsync(MOVED_AFTER_MS - 1);
    expect(browser.browses).toEqual([]);
    await clock.advanceAsync(1);
    await clock.advanceAsync(SHORT_BURST.listenMs);
    await waitFor(
      () => onlyInstance(app).supervisor.getStatus().state === 'connected',
      'connected at the new address',
    );
    expect(asked).toEqual(['Send your token to 127.0.0.1?']);
    expect(seenWhenAsked).toEqual(PROBE_ONLY);
    expect(moved.seen).toContain('/api/websocket (WebSocket)');
    expect(onlyInstance(app).settings.entry()).toMatchObject({ origin: moved.origin, uuid: UUID });
    expect(guard.violations).toEqual([]);
  });

  it('sends the token nowhere new when the user says no', async () => {
    const browser = await appWhoseHomeAssistantMoved(false);
    const saved = onlyInstance(app).settings.entry();
    await clock.advanceAsync(MOVED_AFTER_MS);
    await clock.advanceAsync(SHORT_BURST.listenMs);
    await waitFor(() => app.settings.get().trust.addressConsents !== undefined, 'the answer kept');
    expect(asked).toEqual(['Send your token to 127.0.0.1?']);
    expect(browser.running()).toEqual([]);
    expect(onlyInstance(app).settings.entry()).toEqual(saved);
    expect(onlyInstance(app).supervisor.getStatus().state).toBe('reconnecting');
    expect(moved.seen).toEqual(PROBE_ONLY);
    expect(guard.violations).toEqual([]);
  });
});
