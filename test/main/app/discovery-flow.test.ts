import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../src/main/app-services';
import type { DiscoveryView } from '../../../src/shared/discovery';
import { requestChannel, streamChannel, SUBSCRIBE_CHANNEL } from '../../../src/shared/ipc/define';
import type { IpcResult } from '../../../src/shared/ipc/result';
import { FakeServiceBrowser, haAnswer } from '../../fakes/service-browser';
import { testPlatform } from '../../support/app-platform';
import { fakeStreamPage } from '../../support/stream-pages';
import { waitFor } from '../../support/wait-for';

let dir: string;
let app: AppServices;
let browser: FakeServiceBrowser;
let haServer: Server;
let haOrigin: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ha-tray-discovery-flow-'));
  // Home Assistant's login page's first read, on loopback: what the probe asks for.
  haServer = createServer((req, res) =>
    req.url === '/auth/providers'
      ? res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"providers":[]}')
      : res.writeHead(404).end(),
  );
  await new Promise<void>((resolve) => haServer.listen(0, '127.0.0.1', resolve));
  haOrigin = `http://127.0.0.1:${(haServer.address() as AddressInfo).port}`;
  browser = new FakeServiceBrowser();
  browser.addSilently(haAnswer({ name: 'Our Home', txt: { internal_url: haOrigin } }));
  app = createAppServices(testPlatform(dir, { serviceBrowser: browser }));
  await app.start();
});
afterEach(async () => {
  await app.dispose();
  await new Promise<void>((resolve) => haServer.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

/** The Connection page: a window whose documents follow streams through the handler table. */
function connectionPage() {
  const page = fakeStreamPage();
  const sender = { url: 'ha-tray://app/settings.html#/connection', isMainFrame: true, page };
  const follow = (on: boolean, document = 'connectionpage1') =>
    app.table.handle(SUBSCRIBE_CHANNEL, sender, [{ stream: 'discovery' }, on, document]);
  const views = () =>
    page.sent
      .filter((event) => event.channel === streamChannel({ stream: 'discovery' }))
      .map((event) => event.payload as DiscoveryView);
  const ask = async <T>(name: string) =>
    (await app.table.handle(requestChannel(name), sender, [])) as IpcResult<T>;
  return { page, sender, follow, views, ask };
}

describe('discovery in the app', () => {
  it('browses while the Connection page follows the list, and sends it what answered', async () => {
    expect(browser.browses).toEqual([]);
    const connection = connectionPage();
    await connection.follow(true);
    expect(browser.running()).toHaveLength(1);
    await waitFor(
      () => connection.views().at(-1)?.instances.length === 1,
      'the instance sent to the page',
    );
    expect(connection.views().at(-1)?.instances[0]).toMatchObject({
      locationName: 'Our Home',
      url: haOrigin,
      savedAs: null,
    });
    expect(await connection.ask('getDiscovery')).toMatchObject({
      ok: true,
      value: { state: 'browsing', instances: [{ url: haOrigin }] },
    });

    await connection.ask('refreshDiscovery');
    expect(browser.browses).toHaveLength(2);
    expect(browser.running()).toHaveLength(1);

    await connection.follow(false);
    expect(browser.running()).toEqual([]);
  });

  it('stops when the page goes away or reloads without asking again', async () => {
    const connection = connectionPage();
    await connection.follow(true);
    // The window reloads: the new document follows only the settings.
    await app.table.handle(SUBSCRIBE_CHANNEL, connection.sender, [
      { stream: 'settings' },
      true,
      'connectionpage2',
    ]);
    expect(browser.running()).toEqual([]);
    await connection.follow(true, 'connectionpage2');
    expect(browser.running()).toHaveLength(1);
    connection.page.close();
    expect(browser.running()).toEqual([]);
  });

  it('keeps browsing while a second page still follows', async () => {
    const [first, second] = [connectionPage(), connectionPage()];
    await first.follow(true);
    await second.follow(true);
    expect(browser.browses).toHaveLength(1);
    first.page.close();
    expect(browser.running()).toHaveLength(1);
    await second.follow(false);
    expect(browser.running()).toEqual([]);
  });
});
