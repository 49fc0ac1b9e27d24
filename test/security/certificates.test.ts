import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../src/main/app-services';
import type { TrustedCaSource } from '../../src/main/tls/trusted-cas';
import { requestChannel } from '../../src/shared/ipc/define';
import { FIRST_INSTANCE_KEY as KEY } from '../../src/shared/settings';
import type { IpcResult } from '../../src/shared/ipc/result';
import { startSimulator, type HaSimulator } from '../ha-sim';
import { fastRetry } from '../support/fast-retry';
import { onlyInstance } from '../support/only-instance';
import { testPlatform } from '../support/app-platform';
import { installNetworkGuard, type NetworkGuard } from '../support/network-guard';
import { makeTlsFixtures, type TlsFixtures } from '../support/tls-fixtures';
import { waitFor } from '../support/wait-for';

const PAGE = { url: 'ha-tray://app/settings.html', isMainFrame: true };

/** HTTPS and WSS in front of the simulator: TLS ends here, and every decrypted byte is counted. */
class TlsFront {
  forwarded = 0;
  private server: tls.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(private readonly upstreamPort: number) {}

  async start(cert: { key: string; cert: string }): Promise<void> {
    this.server = tls.createServer(cert, (client) => {
      const upstream = net.connect(this.upstreamPort, '127.0.0.1');
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('error', () => undefined);
        socket.on('close', () => this.sockets.delete(socket));
      }
      client.on('data', (chunk: Buffer) => (this.forwarded += chunk.length));
      client.pipe(upstream).pipe(client);
    });
    this.server.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.sockets.forEach((socket) => socket.destroy());
    await new Promise((resolve) => this.server?.close(resolve));
  }

  get url(): string {
    return `https://127.0.0.1:${this.port}`;
  }
}

let fixtures: TlsFixtures;
let sim: HaSimulator;
let front: TlsFront;
let guard: NetworkGuard;
let dir: string;
let app: AppServices;
let answer: boolean;
const dialogDetails: string[] = [];

beforeAll(() => {
  fixtures = makeTlsFixtures();
});
beforeEach(async () => {
  dialogDetails.length = 0;
  answer = true;
  guard = installNetworkGuard();
  sim = await startSimulator();
  guard.watch(sim.token);
  front = new TlsFront(Number(new URL(sim.url).port));
  dir = mkdtempSync(join(tmpdir(), 'ha-tray-tls-'));
});
afterEach(async () => {
  await app.dispose();
  guard.restore();
  await front.stop();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

function boot(trustedCas: TrustedCaSource): AppServices {
  app = createAppServices(
    testPlatform(dir, {
      dialogs: {
        confirm: async (_question, detail) => (dialogDetails.push(detail), answer),
        showError: () => undefined,
      },
    }),
    { trustedCas, connection: { retry: fastRetry(10, 50) } },
  );
  return app;
}

/** Every request here is about the app's one Home Assistant: the page names it first. */
const ask = (name: string, ...args: unknown[]) =>
  app.table.handle(requestChannel(name), PAGE, [KEY, ...args]) as Promise<IpcResult<unknown>>;

describe('certificates', () => {
  it('a private CA from the trusted source works for REST and the WebSocket; without it nothing is sent', async () => {
    await front.start(fixtures.valid);
    boot(() => []);
    await app.start();
    expect(await ask('testConnection', { url: front.url, token: sim.token })).toMatchObject({
      value: { ok: false, reason: 'tls_untrusted' },
    });
    expect(front.forwarded).toBe(0);
    await app.dispose();

    boot(() => [fixtures.ca]);
    await app.start();
    expect(await ask('testConnection', { url: front.url, token: sim.token })).toMatchObject({
      value: { ok: true },
    });
    expect(await ask('saveConnection', { url: front.url, token: sim.token })).toMatchObject({
      ok: true,
    });
    await waitFor(
      () => onlyInstance(app).supervisor.getStatus().state === 'connected',
      'connected over wss',
    );
    expect(guard.violations).toEqual([]);
  });

  it('a self-signed certificate is trusted by its fingerprint after the user compared it, and nothing is sent before', async () => {
    await front.start(fixtures.selfSigned);
    boot(() => []);
    await app.start();
    expect(await ask('trustCertificate', { url: front.url })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/Test the connection first/) },
    });
    expect(await ask('testConnection', { url: front.url, token: sim.token })).toMatchObject({
      value: { ok: false, reason: 'tls_self_signed' },
    });
    expect(front.forwarded).toBe(0);
    expect(sim.stats.authAttempts).toBe(0);

    answer = false;
    expect(await ask('trustCertificate', { url: front.url })).toEqual({ ok: true, value: false });
    expect(app.settings.get().trust.certificates).toEqual([]);
    answer = true;
    expect(await ask('trustCertificate', { url: front.url })).toEqual({ ok: true, value: true });
    const fingerprint = new X509Certificate(fixtures.selfSigned.cert).fingerprint256;
    expect(dialogDetails.at(-1)).toContain(fingerprint);
    expect(app.settings.get().trust.certificates).toEqual([
      { origin: front.url, sha256: fingerprint, pem: expect.stringContaining('BEGIN CERTIFICATE') },
    ]);
    expect(front.forwarded).toBe(0);

    expect(await ask('testConnection', { url: front.url, token: sim.token })).toMatchObject({
      value: { ok: true },
    });
    await ask('saveConnection', { url: front.url, token: sim.token });
    await waitFor(
      () => onlyInstance(app).supervisor.getStatus().state === 'connected',
      'connected over wss',
    );

    // After a restart the pinned server is recognised as back (its greeting over the same
    // trust) and the app logs in again.
    await front.stop();
    await waitFor(
      () => onlyInstance(app).supervisor.getStatus().state === 'reconnecting',
      'the drop noticed',
    );
    await front.start(fixtures.selfSigned);
    await waitFor(
      () => onlyInstance(app).supervisor.getStatus().state === 'connected',
      'back over wss',
    );
  });

  it('a changed certificate is refused with a clear message before anything is sent', async () => {
    await front.start(fixtures.selfSigned);
    boot(() => [fixtures.ca]);
    await app.start();
    await ask('testConnection', { url: front.url, token: sim.token });
    await ask('trustCertificate', { url: front.url });
    expect(app.settings.get().trust.certificates).toHaveLength(1);

    // Same address, another certificate - even one a trusted CA signed: the pin wins.
    await front.stop();
    front.forwarded = 0;
    await front.start(fixtures.valid);
    const reply = await ask('testConnection', { url: front.url, token: sim.token });
    expect(reply).toMatchObject({
      value: {
        ok: false,
        reason: 'tls_changed',
        message: expect.stringMatching(/not the one you trusted/),
      },
    });
    expect(front.forwarded).toBe(0);
    expect(JSON.stringify(reply)).not.toContain(sim.token);
    expect(guard.violations).toEqual([]);
  });
});
