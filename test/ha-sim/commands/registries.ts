import { resultMessage } from '../ws/messages';
import type { Command } from './types';

export const registryCommands: Command[] = [
  {
    type: 'config/entity_registry/list_for_display',
    fields: [],
    afterStart: true,
    handler: (sim, conn, msg) => conn.reply(resultMessage(msg.id, sim.registry.listForDisplay())),
  },
  {
    type: 'config/area_registry/list',
    fields: [],
    afterStart: true,
    handler: (sim, conn, msg) => conn.reply(resultMessage(msg.id, sim.registry.listAreas())),
  },
];
