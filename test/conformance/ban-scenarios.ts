import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RawClient } from '../support/raw-ws-client';
import { scenarioClients } from './clients';
import type { BanningServer, ConformanceTarget } from './target';

/** `http.login_attempts_threshold`: what the app meets after too many failed logins. */
export function banScenarios(target: () => ConformanceTarget): void {
  describe('IP ban after failed logins', () => {
    const { open, connect } = scenarioClients(target);
    let server: BanningServer;

    beforeAll(async () => {
      server = await target().startBanning(2);
    }, 240_000);
    afterAll(async () => {
      await server?.close();
    }, 120_000);

    const failWebSocketLogin = async () => {
      const client = await connect(server.url);
      expect((await client.auth('not-a-token')).type).toBe('auth_invalid');
      await client.closed;
    };

    it('a good login resets the count; at the threshold every request, the upgrade too, is 403', async () => {
      await failWebSocketLogin();
      await open(server.token, server.url);
      await failWebSocketLogin();
      expect(
        (await fetch(`${server.url}/api/`, { headers: { Authorization: 'Bearer bad' } })).status,
      ).toBe(401);

      await expect(RawClient.connect(server.url)).rejects.toThrow('HTTP 403');
      const rest = await fetch(`${server.url}/api/`, {
        headers: { Authorization: `Bearer ${server.token}` },
      });
      expect(rest.status).toBe(403);
      expect(await rest.text()).toBe('403: Forbidden');
    });
  });
}
