import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { LookupFunction } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { probeConnection, type ProbeOptions } from '../../../src/main/ha/probe';
import { verifyToken } from '../../../src/main/ha/verify-token';
import { normaliseInstanceUrl, type InstanceUrl } from '../../../src/shared/instance-url';
import { startSimulator, type HaSimulator } from '../../ha-sim';
import { tamper } from '../../support/tamper';
import { makeTlsFixtures, type TlsFixtures } from '../../support/tls-fixtures';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJ4In0.c2lnbmF0dXJl';
const servers: Server[] = [];
let sim: HaSimulator | undefined;
let tls: TlsFixtures;

beforeAll(() => {
  tls = makeTlsFixtures();
});
afterEach(async () => {
  const open = servers.splice(0);
  open.forEach((s) => s.closeAllConnections());
  await Promise.all(open.map((s) => new Promise((resolve) => s.close(resolve))));
  await sim?.close();
  sim = undefined;
});

const instance = (url: string): InstanceUrl => {
  const result = normaliseInstanceUrl(url);
  if (!result.ok) throw new Error(result.error);
  return result.value;
};
const options = (extra: Partial<ProbeOptions> = {}): ProbeOptions => ({
  // Long enough that a busy machine never trips it; the test of a silent server sets its own.
  timeoutMs: 10_000,
  verifyUser: (target, token) => verifyToken(target, token, { timeoutMs: 10_000 }),
  ...extra,
});

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}
const http = (handler: RequestListener) => listen(createHttpServer(handler));
const https = (cert: { key: string; cert: string }) =>
  listen(
    createHttpsServer(cert, (_req, res) =>
      res.end('{"message":"API running."}'),
    ) as unknown as Server,
  );

describe('probeConnection against the simulator', () => {
  it('reports version, location and user on success', async () => {
    sim = await startSimulator({ locationName: 'Cottage' });
    const result = await probeConnection(instance(sim.url), sim.token, options());
    expect(result).toEqual({
      ok: true,
      origin: sim.url,
      version: '2024.1.6',
      locationName: 'Cottage',
      userName: 'Owner',
      userId: sim.owner.id,
      isAdmin: true,
    });
  });

  it('tells a rejected token, and never repeats it', async () => {
    sim = await startSimulator();
    const bad = tamper(sim.token);
    const result = await probeConnection(instance(sim.url), bad, options());
    expect(result).toMatchObject({ ok: false, reason: 'unauthorized' });
    expect(JSON.stringify(result)).not.toContain(bad);
  });

  it('tells an IP ban and how to lift it', async () => {
    sim = await startSimulator({ banThreshold: 1 });
    await probeConnection(instance(sim.url), 'a.b.c', options());
    const result = await probeConnection(instance(sim.url), sim.token, options());
    expect(result).toMatchObject({
      ok: false,
      reason: 'banned',
      message: expect.stringContaining('ip_bans.yaml'),
    });
  });

  it('tells Home Assistant is still starting', async () => {
    sim = await startSimulator();
    sim.setStarting(true);
    expect(await probeConnection(instance(sim.url), sim.token, options())).toMatchObject({
      ok: false,
      reason: 'starting',
    });
  });

  it('tells when the REST API works but the WebSocket does not (a proxy without WebSocket support)', async () => {
    const port = await http((req, res) => {
      res.setHeader('Content-Type', 'application/json');
      res.end(
        req.url === '/api/config'
          ? '{"version":"2024.1.6","location_name":"Home","state":"RUNNING"}'
          : '{"message":"API running."}',
      );
    });
    expect(
      await probeConnection(instance(`http://127.0.0.1:${port}`), TOKEN, options()),
    ).toMatchObject({ ok: false, reason: 'websocket' });
  });
});

describe('probeConnection: what is not Home Assistant', () => {
  it.each([
    [404, 'not_home_assistant'],
    [502, 'proxy'],
    [504, 'proxy'],
    [503, 'starting'],
    [500, 'not_home_assistant'],
  ])('HTTP %i -> %s', async (status, reason) => {
    const port = await http((_req, res) => {
      res.statusCode = status;
      res.end();
    });
    expect(
      await probeConnection(instance(`http://127.0.0.1:${port}`), TOKEN, options()),
    ).toMatchObject({ ok: false, reason });
  });

  it('an HTML page with status 200', async () => {
    const port = await http((_req, res) => res.end('<html><body>router login</body></html>'));
    expect(
      await probeConnection(instance(`http://127.0.0.1:${port}`), TOKEN, options()),
    ).toMatchObject({ ok: false, reason: 'not_home_assistant' });
  });
});

describe('probeConnection: network problems', () => {
  it('connection refused', async () => {
    const port = await http(() => {});
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const result = await probeConnection(instance(`http://127.0.0.1:${port}`), TOKEN, options());
    expect(result).toMatchObject({
      ok: false,
      reason: 'refused',
      message: expect.stringContaining(`port ${port}`),
    });
  });

  it('a name that does not resolve', async () => {
    const lookup: LookupFunction = (hostname, _options, callback) =>
      callback(
        Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }),
        '',
        4,
      );
    const result = await probeConnection(
      instance('homeassistant.local:8123'),
      TOKEN,
      options({ lookup }),
    );
    expect(result).toMatchObject({
      ok: false,
      reason: 'dns',
      message: expect.stringContaining('mDNS'),
    });
  });

  it('a server that never answers', async () => {
    const port = await http(() => {});
    const result = await probeConnection(
      instance(`http://127.0.0.1:${port}`),
      TOKEN,
      options({ timeoutMs: 100 }),
    );
    expect(result).toMatchObject({ ok: false, reason: 'timeout' });
  });

  it('https:// to a plain HTTP port', async () => {
    const port = await http((_req, res) => res.end('{}'));
    expect(
      await probeConnection(instance(`https://127.0.0.1:${port}`), TOKEN, options()),
    ).toMatchObject({ ok: false, reason: 'wrong_protocol' });
  });
});

describe('probeConnection: TLS problems', () => {
  it('a self-signed certificate', async () => {
    const port = await https(tls.selfSigned);
    expect(
      await probeConnection(instance(`https://127.0.0.1:${port}`), TOKEN, options()),
    ).toMatchObject({ ok: false, reason: 'tls_self_signed' });
  });

  it('an expired certificate', async () => {
    const port = await https(tls.expired);
    expect(
      await probeConnection(
        instance(`https://127.0.0.1:${port}`),
        TOKEN,
        options({ tls: { ca: [tls.ca], rejectUnauthorized: true } }),
      ),
    ).toMatchObject({ ok: false, reason: 'tls_expired' });
  });

  it('a certificate for another host', async () => {
    const port = await https(tls.wrongHost);
    expect(
      await probeConnection(
        instance(`https://127.0.0.1:${port}`),
        TOKEN,
        options({ tls: { ca: [tls.ca], rejectUnauthorized: true } }),
      ),
    ).toMatchObject({ ok: false, reason: 'tls_hostname' });
  });

  it('a certificate from an unknown authority', async () => {
    const port = await https(tls.valid);
    expect(
      await probeConnection(instance(`https://127.0.0.1:${port}`), TOKEN, options()),
    ).toMatchObject({ ok: false, reason: 'tls_untrusted' });
  });

  it('a valid certificate gets past TLS', async () => {
    const port = await https(tls.valid);
    const result = await probeConnection(
      instance(`https://127.0.0.1:${port}`),
      TOKEN,
      options({ tls: { ca: [tls.ca], rejectUnauthorized: true } }),
    );
    expect(result).toMatchObject({ ok: false, reason: 'not_home_assistant' });
  });
});
