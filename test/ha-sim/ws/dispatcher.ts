import type { Command, CommandMessage } from '../commands/types';
import { HomeAssistantError, Unauthorized } from '../errors';
import { humanizeError, Invalid, MultipleInvalid, schema } from '../schema';
import type { SimContext } from '../sim-context';
import type { SimConnection } from './connection';

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * One incoming command, by the rules of `ActiveConnection.async_handle` (HA 2024.1): the id must be
 * a positive integer and `type` a non-empty string (else `invalid_format` "Message incorrectly
 * formatted."), ids must increase (`id_reuse`), unknown types are `unknown_command`, and the
 * command's schema rejects unknown keys (`invalid_format` with voluptuous' words). The id counts as
 * used once the command was dispatched, even if its schema failed; an unknown command does not use it.
 */
export function dispatch(
  sim: SimContext,
  conn: SimConnection,
  msg: unknown,
  commandFor: (type: string) => Command | undefined,
): void {
  const id = isPlainObject(msg) ? msg.id : 0;
  const type = isPlainObject(msg) ? msg.type : undefined;
  if (
    typeof id !== 'number' ||
    !Number.isInteger(id) ||
    id === 0 ||
    typeof type !== 'string' ||
    type === ''
  )
    return conn.replyError(id, 'invalid_format', 'Message incorrectly formatted.');
  if (id <= conn.lastId)
    return conn.replyError(id, 'id_reuse', 'Identifier values have to increase.');
  const command = commandFor(type);
  if (!command) return conn.replyError(id, 'unknown_command', 'Unknown command.');
  conn.lastId = id;
  const message = msg as CommandMessage;
  try {
    const validated = validate(sim, command, message);
    const outcome = command.handler(sim, conn, validated);
    if (outcome instanceof Promise)
      outcome.catch((err: unknown) => replyException(conn, message, err));
  } catch (err) {
    replyException(conn, message, err);
  }
}

const ENVELOPE = [
  { key: 'id', validate: (v: unknown) => v, required: true },
  { key: 'type', validate: (v: unknown) => v, required: true },
];

/**
 * `BASE_COMMAND_MESSAGE_SCHEMA.extend(schema)`. In 2026.2 a command whose schema names only its
 * `type` has no schema at all (`websocket_command` sets `_ws_schema = False`,
 * components/websocket_api/decorators.py): any key beyond id and type is refused as a whole,
 * "extra keys not allowed. Got {'id': 7, 'type': 'get_states', 'bogus': 'x'}".
 */
function validate(sim: SimContext, command: Command, msg: CommandMessage): CommandMessage {
  if (sim.generation !== '2024.1' && command.fields.length === 0) {
    if (Object.keys(msg).length > 2) throw new Invalid('extra keys not allowed', []);
    return msg;
  }
  return schema([...ENVELOPE, ...command.fields])(msg, []) as CommandMessage;
}

/** `ActiveConnection.async_handle_exception`. */
export function replyException(conn: SimConnection, msg: CommandMessage, err: unknown): void {
  if (err instanceof Unauthorized) return conn.replyError(msg.id, 'unauthorized', 'Unauthorized');
  if (err instanceof Invalid || err instanceof MultipleInvalid)
    return conn.replyError(msg.id, 'invalid_format', humanizeError(msg, err));
  const message = err instanceof HomeAssistantError && err.message ? err.message : 'Unknown error';
  conn.replyError(msg.id, 'unknown_error', message);
}
