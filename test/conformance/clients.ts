import { afterEach } from 'vitest';
import { RawClient, type Msg } from '../support/raw-ws-client';
import type { ConformanceTarget } from './target';

/**
 * Raw clients for a scenario, closed after each test, and the calls the scenarios share.
 * Call it inside a describe block.
 */
export function scenarioClients(target: () => ConformanceTarget) {
  const clients: RawClient[] = [];
  afterEach(() => {
    clients.splice(0).forEach((c) => c.close());
  });
  const track = (client: RawClient) => {
    clients.push(client);
    return client;
  };
  return {
    /** An authenticated socket (the owner's unless another token is given). */
    open: async (token = target().token, url = target().url) =>
      track(await RawClient.authenticated(url, token)),
    /** A socket that got `auth_required` and has not authenticated yet. */
    connect: async (url = target().url) => track(await RawClient.connect(url)),
    call: (
      client: RawClient,
      domain: string,
      service: string,
      entity_id: string,
      service_data: Msg = {},
    ) =>
      client.command({
        type: 'call_service',
        domain,
        service,
        service_data,
        target: { entity_id },
      }),
    stateOf: async (client: RawClient, entityId: string) =>
      ((await client.command({ type: 'get_states' })).result as Msg[]).find(
        (s) => s.entity_id === entityId,
      ),
  };
}
