import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { addressProbe } from '../../../src/main/discovery/address-probe';

let server: Server | null = null;
afterEach(
  () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
);

/** A web server on loopback that answers every request with `status` and `body`. */
async function serve(status: number, body: string) {
  const seen: Array<{ url?: string; headers: IncomingHttpHeaders }> = [];
  server = createServer((req, res) => {
    seen.push({ url: req.url, headers: req.headers });
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, seen };
}

const probe = addressProbe({ timeoutMs: 5_000, tlsFor: () => undefined });

describe('the probe of a discovered address', () => {
  it('knows Home Assistant by its login providers, as 2024.1 and 2026.2 answer, and sends no token', async () => {
    const old = await serve(
      200,
      '[{"name":"Home Assistant Local","id":null,"type":"homeassistant"}]',
    );
    expect(await probe(old.origin)).toBe(true);
    expect(old.seen).toMatchObject([{ url: '/auth/providers' }]);
    expect(old.seen[0]!.headers.authorization).toBeUndefined();
    await new Promise<void>((resolve) => server!.close(() => resolve()));

    const current = await serve(
      200,
      '{"providers":[{"name":"Home Assistant Local","id":null,"type":"homeassistant"}],"preselect_remember_me":false}',
    );
    expect(await probe(current.origin)).toBe(true);
  });

  it('refuses what is not Home Assistant: another page, an error, or nobody at all', async () => {
    const page = await serve(200, '<html>router</html>');
    expect(await probe(page.origin)).toBe(false);
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    const missing = await serve(404, '{}');
    expect(await probe(missing.origin)).toBe(false);
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = null;
    expect(await probe(missing.origin)).toBe(false);
  });
});
