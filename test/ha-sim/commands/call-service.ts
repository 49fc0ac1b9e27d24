import { newContext } from '../context';
import {
  HomeAssistantError,
  InvalidArgument,
  ServiceNotFound,
  ServiceValidationError,
} from '../errors';
import { Invalid, MultipleInvalid, ofType, schema } from '../schema';
import { TARGET_FIELDS } from '../services/targets';
import { resultMessage } from '../ws/messages';
import type { Command } from './types';

/**
 * `call_service` (websocket_api/commands.py, HA 2024.1): waits for the service, answers
 * `{context}` (plus `response` when asked), and maps the service's errors to codes: `not_found`,
 * `invalid_format` (voluptuous' text, no "Got"), `service_validation_error` ("Validation error: "),
 * `home_assistant_error`, and `unknown_error` for anything else.
 */
export const callServiceCommand: Command = {
  type: 'call_service',
  fields: [
    { key: 'domain', validate: ofType('str'), required: true },
    { key: 'service', validate: ofType('str'), required: true },
    { key: 'target', validate: schema(TARGET_FIELDS) },
    { key: 'service_data', validate: ofType('dict') },
    { key: 'return_response', validate: ofType('bool'), default: false },
  ],
  handler: async (sim, conn, msg) => {
    const user = conn.user!;
    const domain = msg.domain as string;
    const service = msg.service as string;
    const data = msg.service_data as Record<string, unknown> | undefined;
    const target = msg.target as Record<string, unknown> | undefined;
    const context = newContext(user.id);
    await sim.faults.serviceCallGate();
    try {
      const response = await sim.services.call(domain, service, {
        data,
        target,
        context,
        returnResponse: msg.return_response === true,
        onStart: () =>
          sim.recordServiceCall({
            domain,
            service,
            service_data: data ?? {},
            ...(target === undefined ? {} : { target }),
            userId: user.id,
          }),
      });
      conn.reply(resultMessage(msg.id, msg.return_response ? { context, response } : { context }));
    } catch (err) {
      if (err instanceof ServiceNotFound)
        return conn.replyError(msg.id, 'not_found', err.message, err.translation);
      if (err instanceof Invalid || err instanceof MultipleInvalid)
        return conn.replyError(msg.id, 'invalid_format', err.toString());
      if (err instanceof ServiceValidationError)
        return conn.replyError(
          msg.id,
          'service_validation_error',
          `Validation error: ${err.message}`,
          err.translation,
        );
      if (err instanceof HomeAssistantError)
        return conn.replyError(msg.id, 'home_assistant_error', err.message, err.translation);
      if (err instanceof InvalidArgument)
        return conn.replyError(msg.id, 'unknown_error', err.message);
      throw err;
    }
  },
};
