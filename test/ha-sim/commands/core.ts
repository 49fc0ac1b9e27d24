import { stateAsDict } from '../entities/serialise';
import { Invalid, ofType, type Validator } from '../schema';
import { pongMessage, resultMessage } from '../ws/messages';
import type { Command } from './types';

/** `{str: int}` in a voluptuous schema. */
const dictOfInt: Validator = (v, path) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new Invalid('expected a dictionary', path);
  for (const [key, value] of Object.entries(v)) ofType('int')(value, [...path, key]);
  return v;
};

export const coreCommands: Command[] = [
  { type: 'ping', fields: [], handler: (_sim, conn, msg) => conn.reply(pongMessage(msg.id)) },
  {
    type: 'supported_features',
    fields: [{ key: 'features', validate: dictOfInt, required: true }],
    handler: (_sim, conn, msg) => {
      // HA 2024.1: naming the feature turns it on, whatever its value (`in features`).
      conn.coalesce = 'coalesce_messages' in (msg.features as Record<string, number>);
      conn.reply(resultMessage(msg.id));
    },
  },
  {
    type: 'get_states',
    fields: [],
    handler: (sim, conn, msg) =>
      conn.reply(resultMessage(msg.id, sim.states.all().map(stateAsDict))),
  },
  {
    type: 'get_config',
    fields: [],
    handler: (sim, conn, msg) => conn.reply(resultMessage(msg.id, sim.config())),
  },
  {
    type: 'get_services',
    fields: [],
    handler: (sim, conn, msg) => conn.reply(resultMessage(msg.id, sim.services.describe())),
  },
];
