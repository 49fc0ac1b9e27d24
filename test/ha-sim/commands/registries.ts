import { resultMessage } from '../ws/messages';
import type { Command } from './types';

/** The registries' list commands (components/config/*_registry.py); all need Home Assistant started. */
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
  {
    type: 'config/device_registry/list',
    fields: [],
    afterStart: true,
    handler: (sim, conn, msg) => conn.reply(resultMessage(msg.id, sim.registry.listDevices())),
  },
  {
    // Floors and labels came in 2024.4.
    type: 'config/floor_registry/list',
    generations: ['2026.2'],
    fields: [],
    afterStart: true,
    handler: (sim, conn, msg) => conn.reply(resultMessage(msg.id, sim.registry.listFloors())),
  },
  {
    type: 'config/label_registry/list',
    generations: ['2026.2'],
    fields: [],
    afterStart: true,
    handler: (sim, conn, msg) => conn.reply(resultMessage(msg.id, sim.registry.listLabels())),
  },
];
