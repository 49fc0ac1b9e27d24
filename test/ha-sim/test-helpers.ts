import { afterEach } from 'vitest';
import { RawClient } from '../support/raw-ws-client';
import { startSimulator, type HaSimulator, type SimulatorOptions } from './index';

/**
 * Simulators and clients opened by a test, closed after it. Tests bind 127.0.0.1 port 0 (the
 * simulator's defaults) and use short timeouts through options, never long sleeps.
 */
export function useSimulator() {
  const sims: HaSimulator[] = [];
  const clients: RawClient[] = [];
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.close());
    await Promise.all(sims.splice(0).map((s) => s.close()));
  });
  const start = async (options: SimulatorOptions = {}) => {
    const sim = await startSimulator(options);
    sims.push(sim);
    return sim;
  };
  const track = (client: RawClient) => {
    clients.push(client);
    return client;
  };
  return {
    start,
    /** A socket that got `auth_required`. */
    connect: async (sim: HaSimulator) => track(await RawClient.connect(sim.url)),
    /** A socket authenticated with `token` (the owner's by default). */
    login: async (sim: HaSimulator, token = sim.token) =>
      track(await RawClient.authenticated(sim.url, token)),
  };
}

export const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });
