import { RealHa } from '../real-ha/harness';
import { RawClient } from '../support/raw-ws-client';
import type { ConformanceTarget } from './target';

/** A command as the owner, as Settings sends it: a helper made or deleted, a registry changed. */
async function ownerCommand(ha: RealHa, message: Record<string, unknown>) {
  const owner = await RawClient.authenticated(ha.url, ha.token);
  try {
    const reply = await owner.command(message);
    if (!reply.success)
      throw new Error(`${String(message.type)} failed: ${JSON.stringify(reply.error)}`);
    return reply.result as { id: string };
  } finally {
    owner.close();
  }
}

/** The real Home Assistant as a conformance target; `ha` must have been started. */
export function realTarget(ha: RealHa): ConformanceTarget {
  return {
    name: `real ${ha.version}`,
    generation: ha.release.generation,
    url: ha.url,
    token: ha.token,
    restart: () => ha.restart(),
    createUser: (name) => ha.createUser(name),
    addHelper: async (name) => {
      const { id } = await ownerCommand(ha, { type: 'input_boolean/create', name });
      return {
        entityId: `input_boolean.${id}`,
        remove: async () => {
          await ownerCommand(ha, { type: 'input_boolean/delete', input_boolean_id: id });
        },
      };
    },
    updateRegistry: async (command) => {
      await ownerCommand(ha, command);
    },
    startBanning: async (threshold) => {
      const banning = await RealHa.start({ banThreshold: threshold, release: ha.release });
      return { url: banning.url, token: banning.token, close: () => banning.destroy() };
    },
  };
}
