import type { IncomingMessage, ServerResponse } from 'node:http';
import { verifyClientId, verifyRedirectUri } from '../auth/indieauth';
import type { PendingLoginFlow } from '../auth/login-flows';
import type { HaGeneration } from '../generation';
import { Invalid, MultipleInvalid, ofType, schema, type Validator } from '../schema';
import type { SimContext } from '../sim-context';
import { sendEmpty, sendJson, sendServerError } from './responses';
import { readBody } from './rest';

/** The one auth provider a login flow can use: `[type, id]` of `homeassistant`. */
const HANDLER = ['homeassistant', null] as const;

/** `voluptuous_serialize.convert` of the provider's form: username and password, both required. */
const DATA_SCHEMA = [
  { type: 'string', name: 'username', required: true },
  { type: 'string', name: 'password', required: true },
];

const USER_INPUT = schema([
  { key: 'username', validate: ofType('str'), required: true },
  { key: 'password', validate: ofType('str'), required: true },
]);

/** 2024.1: `vol.Any(str, list)`; 2026.2: a list of two strings or nulls, made a tuple. */
function handlerValidator(generation: HaGeneration): Validator {
  if (generation === '2024.1')
    return (v, path) => {
      if (typeof v === 'string' || Array.isArray(v)) return v;
      throw new Invalid('expected str', path);
    };
  return (v, path) => {
    if (!Array.isArray(v)) throw new Invalid('expected list', path);
    v.forEach((item, i) => {
      if (item !== null && typeof item !== 'string')
        throw new Invalid('expected str', [...path, i]);
    });
    if (v.length < 2) throw new Invalid('length of value must be at least 2', path);
    if (v.length > 2) throw new Invalid('length of value must be at most 2', path);
    return v;
  };
}

/** What `RequestDataValidator` answers before the view runs (never counted as a failed login). */
type Validated = { ok: true; data: Record<string, unknown> } | { ok: false };

async function validateJson(
  req: IncomingMessage,
  res: ServerResponse,
  validate: Validator<Record<string, unknown>>,
): Promise<Validated> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readBody(req));
  } catch {
    sendJson(res, 400, { message: 'Invalid JSON.' });
    return { ok: false };
  }
  try {
    return { ok: true, data: validate(raw, []) };
  } catch (err) {
    if (!(err instanceof MultipleInvalid)) throw err;
    sendJson(res, 400, { message: `Message format incorrect: ${err.message}` });
    return { ok: false };
  }
}

/**
 * A response of a view under `@log_invalid_auth` (components/http/ban.py): any status from 400 on
 * counts as a failed login for the client's address.
 */
export function countedJson(
  sim: SimContext,
  ip: string,
  res: ServerResponse,
  status: number,
  body: unknown,
  headers?: Record<string, string>,
): void {
  if (status >= 400) recordWrongLogin(sim, ip);
  sendJson(res, status, body, headers);
}

/** `process_wrong_login`: one failed login for the address, toward its ban. */
export function recordWrongLogin(sim: SimContext, ip: string): void {
  sim.stats.loginFailures++;
  sim.bans.recordFailure(ip);
}

function formStep(generation: HaGeneration, flowId: string, errors: Record<string, string>) {
  const fields = {
    type: 'form',
    flow_id: flowId,
    handler: HANDLER,
    data_schema: DATA_SCHEMA,
    errors,
    description_placeholders: null,
    last_step: null,
    preview: null,
  };
  // 2024.1's FlowResult lists step_id right after the handler; 2026.2's at the end.
  if (generation === '2024.1') {
    const { type, flow_id, handler, ...rest } = fields;
    return { type, flow_id, handler, step_id: 'init', ...rest };
  }
  return { ...fields, step_id: 'init' };
}

function createEntry(generation: HaGeneration, flowId: string, code: string) {
  return {
    // FlowHandler.VERSION / MINOR_VERSION: in a login flow's entry up to 2024.1 only.
    ...(generation === '2024.1' ? { version: 1, minor_version: 1 } : {}),
    type: 'create_entry',
    flow_id: flowId,
    handler: HANDLER,
    description: null,
    description_placeholders: null,
    result: code,
  };
}

const isHomeAssistantHandler = (handler: unknown) =>
  Array.isArray(handler) &&
  handler.length === 2 &&
  handler[0] === HANDLER[0] &&
  handler[1] === HANDLER[1];

/**
 * `POST /auth/login_flow` (`LoginFlowIndexView`, components/auth/login_flow.py): checks the client
 * id, starts the password form. The redirect is not looked at yet.
 */
export async function startLoginFlow(
  sim: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  ip: string,
): Promise<void> {
  const valid = await validateJson(
    req,
    res,
    schema([
      { key: 'client_id', validate: ofType('str'), required: true },
      { key: 'handler', validate: handlerValidator(sim.generation), required: true },
      { key: 'redirect_uri', validate: ofType('str'), required: true },
      { key: 'type', validate: ofType('str'), default: 'authorize' },
    ]),
  );
  if (!valid.ok) return;
  const { data } = valid;
  if (!verifyClientId(data.client_id as string))
    return countedJson(sim, ip, res, 400, { message: 'Invalid client id' });
  // Any other provider raises KeyError (a string, TypeError on 2024.1) in the flow manager:
  // aiohttp's 500, which `@log_invalid_auth` never sees.
  if (!isHomeAssistantHandler(data.handler)) return sendServerError(res);
  const flow = sim.logins.start(ip, data.redirect_uri as string);
  sendJson(res, 200, formStep(sim.generation, flow.id, {}));
}

/**
 * `POST /auth/login_flow/<flow_id>` (`LoginFlowResourceView`): the password step. A wrong password
 * is the form again with `invalid_auth` (200, counted as a failed login); a right one ends the flow,
 * and only then are the redirect (403 "Invalid redirect URI") and the user (403 "Login blocked:
 * User is not active") checked, each counted. A code is bound to the client id of this request.
 */
export async function continueLoginFlow(
  sim: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  ip: string,
  flowId: string,
): Promise<void> {
  const valid = await validateJson(req, res, (raw, path) => {
    // `vol.Schema({vol.Required("client_id"): str}, extra=vol.ALLOW_EXTRA)`
    const own =
      raw !== null && typeof raw === 'object' && !Array.isArray(raw) && 'client_id' in raw
        ? { client_id: (raw as Record<string, unknown>).client_id }
        : raw;
    schema([{ key: 'client_id', validate: ofType('str'), required: true }])(own, path);
    return raw as Record<string, unknown>;
  });
  if (!valid.ok) return;
  const { client_id: clientId, ...userInput } = valid.data as { client_id: string };
  if (!verifyClientId(clientId))
    return countedJson(sim, ip, res, 400, { message: 'Invalid client id' });
  const flow = sim.logins.get(flowId);
  if (!flow) return countedJson(sim, ip, res, 404, { message: 'Invalid flow specified' });
  if (flow.ip !== ip) return countedJson(sim, ip, res, 400, { message: 'IP address changed' });
  let input: Record<string, unknown>;
  try {
    input = USER_INPUT(userInput, []);
  } catch (err) {
    if (!(err instanceof MultipleInvalid)) throw err;
    return countedJson(sim, ip, res, 400, { message: 'User input malformed' });
  }
  const userId = sim.passwords.validate(input.username as string, input.password as string);
  if (userId === null) {
    // "@log_invalid_auth does not work here since it returns HTTP 200."
    recordWrongLogin(sim, ip);
    return sendJson(res, 200, formStep(sim.generation, flow.id, { base: 'invalid_auth' }));
  }
  await finishLoginFlow(sim, res, ip, flow, clientId, userId);
}

async function finishLoginFlow(
  sim: SimContext,
  res: ServerResponse,
  ip: string,
  flow: PendingLoginFlow,
  clientId: string,
  userId: string,
): Promise<void> {
  sim.logins.finish(flow.id);
  if (!(await verifyRedirectUri(clientId, flow.redirectUri)))
    return countedJson(sim, ip, res, 403, { message: 'Invalid redirect URI' });
  if (!sim.auth.user(userId)?.isActive)
    return countedJson(sim, ip, res, 403, { message: 'Login blocked: User is not active' });
  sim.bans.recordSuccess(ip);
  sendJson(res, 200, createEntry(sim.generation, flow.id, sim.logins.issueCode(clientId, userId)));
}

/** `GET /auth/login_flow`: "Do not allow index of flows in progress." */
export function refuseFlowIndex(sim: SimContext, res: ServerResponse): void {
  sendEmpty(res, 405, sim.generation);
}

/** `DELETE /auth/login_flow/<flow_id>`: the login page's "start over". */
export function abortLoginFlow(sim: SimContext, res: ServerResponse, flowId: string): void {
  if (!sim.logins.get(flowId)) return sendJson(res, 404, { message: 'Invalid flow specified' });
  sim.logins.finish(flowId);
  sendJson(res, 200, { message: 'Flow aborted' });
}
