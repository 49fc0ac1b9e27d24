import type { HaGeneration } from '../generation';
import type { Field } from '../schema';
import type { SimContext } from '../sim-context';
import type { SimConnection } from '../ws/connection';

export type CommandMessage = Record<string, unknown> & { id: number; type: string };

/** A WebSocket command (`@websocket_command`): its schema and its handler. */
export interface Command {
  type: string;
  /** Keys besides id and type; any other key is `invalid_format` "extra keys not allowed". */
  fields: readonly Field[];
  /** `config/*` commands come with the config integration: unknown until Home Assistant started. */
  afterStart?: boolean;
  /** The generations that have this command in this form; default both. */
  generations?: readonly HaGeneration[];
  handler(sim: SimContext, conn: SimConnection, msg: CommandMessage): void | Promise<void>;
}
