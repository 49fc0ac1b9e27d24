/**
 * Runs inside the network namespace test/discovery/namespace-discovery.test.ts makes (only
 * loopback, multicast routed over it), never in a test worker: python-zeroconf announces a Home
 * Assistant as Home Assistant does (ha_responder.py), and the app's own discovery - the
 * bonjour-service adapter, the service, the probe - looks for it. Two web servers answer the
 * probe: one at the announced internal_url, one at the announced address and port, so the result
 * shows which the discovery preferred. Prints one line of JSON: what the adapter heard and the
 * view the Connection page would get.
 *
 * Usage: node --import tsx responder-in-namespace.ts <python with zeroconf> [no-internal-url]
 * (`no-internal-url`: Home Assistant knows no internal URL and announces it empty).
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createBonjourServiceBrowser } from '../../src/main/adapters/bonjour-service-browser';
import { addressProbe } from '../../src/main/discovery/address-probe';
import { DiscoveryService } from '../../src/main/discovery/discovery-service';
import type { AnnouncedService, ServiceBrowser } from '../../src/main/discovery/service-browser';
import { systemClock } from '../../src/main/ha/clock';
import type { Logger } from '../../src/main/log/logger';
import type { DiscoveryView } from '../../src/shared/discovery';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';

/** A ceiling for a loaded machine: the discovery normally finds the responder within a second. */
const GIVE_UP_MS = 30_000;

const [python, variant] = process.argv.slice(2);
if (!python) throw new Error('usage: responder-in-namespace.ts <python with zeroconf>');

const quiet: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** Home Assistant's login page's first read: what the discovery's probe asks for. */
async function fakeHomeAssistant(host: string): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) =>
    req.url === '/auth/providers'
      ? res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"providers":[]}')
      : res.writeHead(404).end(),
  );
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

async function main(): Promise<void> {
  const internal = await fakeHomeAssistant('127.0.0.2');
  const announced = await fakeHomeAssistant('127.0.0.1');
  const spec = {
    location_name: 'Our Home',
    uuid: '5f0d3c2a9b8e4f6a8c1d2e3f4a5b6c7d',
    version: '2026.2.3',
    internal_url: variant === 'no-internal-url' ? '' : `http://127.0.0.2:${internal.port}`,
    external_url: 'https://example.ui.nabu.casa',
    addresses: ['127.0.0.1'],
    port: announced.port,
  };
  const responder = spawn(
    python!,
    [join(import.meta.dirname, 'ha_responder.py'), JSON.stringify(spec)],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const responderGone = new Promise((resolve) => responder.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    responder.once('exit', (code) =>
      reject(new Error(`the responder exited (${code}) before it was ready`)),
    );
    createInterface({ input: responder.stdout! }).on(
      'line',
      (line) => line === 'ready' && resolve(),
    );
  });

  // The app's adapter, with what it reports recorded on the way.
  const heard: AnnouncedService[] = [];
  const real = createBonjourServiceBrowser();
  const browser: ServiceBrowser = {
    browse: (listener) =>
      real.browse({
        found: (service) => {
          heard.push(service);
          listener.found(service);
        },
        gone: listener.gone,
        failed: listener.failed,
      }),
  };
  let view: DiscoveryView | null = null;
  let done = false;
  await new Promise<void>((resolve) => {
    const service = new DiscoveryService({
      browser,
      clock: systemClock,
      probe: addressProbe({ timeoutMs: 5_000, tlsFor: () => undefined }),
      // Nothing saved yet: a first start. (The settings store would load electron-store.)
      settings: {
        get: () => DEFAULT_SETTINGS,
        onChange: () => () => undefined,
        rememberInstanceUuid: () => DEFAULT_SETTINGS,
      },
      publish: (next) => {
        if (done) return;
        view = next;
        if (next.instances.length > 0 || next.state === 'unavailable') finish();
      },
      logger: quiet,
      platform: process.platform,
    });
    const giveUp = setTimeout(finish, GIVE_UP_MS);
    function finish() {
      done = true;
      clearTimeout(giveUp);
      service.dispose();
      resolve();
    }
    service.follow(true);
  });

  responder.stdin!.end();
  await responderGone;
  await Promise.all([internal, announced].map(({ server }) => new Promise((r) => server.close(r))));
  process.stdout.write(`${JSON.stringify({ spec, heard, view })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
