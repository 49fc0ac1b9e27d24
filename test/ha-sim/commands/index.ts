import type { Faults } from '../faults';
import type { HaGeneration } from '../generation';
import { authCommands } from './auth';
import { callServiceCommand } from './call-service';
import { coreCommands } from './core';
import { registryCommands } from './registries';
import { subscriptionCommands } from './subscriptions';
import type { Command } from './types';

const COMMANDS: readonly Command[] = [
  ...coreCommands,
  ...subscriptionCommands,
  callServiceCommand,
  ...registryCommands,
  ...authCommands,
];

/**
 * The command registered under `type` in this generation now: `config/*` ones only once Home
 * Assistant has started.
 */
export function commandFor(
  type: string,
  generation: HaGeneration,
  faults: Faults,
): Command | undefined {
  const command = COMMANDS.find(
    (c) => c.type === type && (!c.generations || c.generations.includes(generation)),
  );
  return command?.afterStart && faults.starting ? undefined : command;
}
