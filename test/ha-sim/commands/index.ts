import type { Faults } from '../faults';
import { authCommands } from './auth';
import { callServiceCommand } from './call-service';
import { coreCommands } from './core';
import { registryCommands } from './registries';
import { subscriptionCommands } from './subscriptions';
import type { Command } from './types';

const COMMANDS = new Map<string, Command>(
  [
    ...coreCommands,
    ...subscriptionCommands,
    callServiceCommand,
    ...registryCommands,
    ...authCommands,
  ].map((c) => [c.type, c]),
);

/** The command registered under `type` now: `config/*` ones only once Home Assistant has started. */
export function commandFor(type: string, faults: Faults): Command | undefined {
  const command = COMMANDS.get(type);
  return command?.afterStart && faults.starting ? undefined : command;
}
