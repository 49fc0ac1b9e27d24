import type { IncomingMessage, ServerResponse } from 'node:http';
import { newContext } from '../context';
import { stateAsDict } from '../entities/serialise';
import type { SimState } from '../entities/state-machine';
import { HomeAssistantError, ServiceNotFound } from '../errors';
import { Invalid, MultipleInvalid } from '../schema';
import type { SimContext } from '../sim-context';
import type { SimUser } from '../auth/auth-store';
import { sendHttpError, sendJson, sendServerError } from './responses';

type Handler = (
  sim: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  user: SimUser,
  params: string[],
) => Promise<void> | void;

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** `POST /api/services/<domain>/<service>`: the states the call changed (same context), in order. */
const callService: Handler = async (sim, req, res, user, [domain, service]) => {
  const body = await readBody(req);
  let data: unknown = null;
  try {
    if (body) data = JSON.parse(body);
  } catch {
    return sendJson(res, 400, { message: 'Data should be valid JSON.' });
  }
  const context = newContext(user.id);
  const changed: SimState[] = [];
  const stop = sim.states.onChange(({ newState }) => {
    if (newState && newState.context.id === context.id) changed.push(newState);
  });
  try {
    await sim.services.call(domain!, service!, {
      data,
      context,
      onStart: (serviceData) =>
        sim.recordServiceCall({
          domain: domain!,
          service: service!,
          service_data: serviceData,
          userId: user.id,
        }),
    });
  } catch (err) {
    if (err instanceof ServiceNotFound || err instanceof Invalid || err instanceof MultipleInvalid)
      return sendHttpError(res, 400);
    if (err instanceof HomeAssistantError) return sendServerError(res);
    throw err;
  } finally {
    stop();
  }
  sendJson(res, 200, changed.map(stateAsDict));
};

/** The REST API of homeassistant/components/api that clients use. */
const ROUTES: Route[] = [
  {
    method: 'GET',
    pattern: /^\/api\/$/,
    handler: (_s, _q, res) => sendJson(res, 200, { message: 'API running.' }),
  },
  {
    method: 'GET',
    pattern: /^\/api\/config$/,
    handler: (sim, _q, res) => sendJson(res, 200, sim.config()),
  },
  {
    method: 'GET',
    pattern: /^\/api\/states$/,
    handler: (sim, _q, res) => sendJson(res, 200, sim.states.all().map(stateAsDict)),
  },
  {
    method: 'GET',
    pattern: /^\/api\/states\/([^/]+)$/,
    handler: (sim, _q, res, _u, [entityId]) => {
      const state = sim.states.get(entityId!);
      if (state) sendJson(res, 200, stateAsDict(state));
      else sendJson(res, 404, { message: 'Entity not found.' });
    },
  },
  {
    method: 'GET',
    pattern: /^\/api\/services$/,
    handler: (sim, _q, res) =>
      sendJson(
        res,
        200,
        Object.entries(sim.services.describe()).map(([domain, services]) => ({ domain, services })),
      ),
  },
  { method: 'POST', pattern: /^\/api\/services\/([^/]+)\/([^/]+)$/, handler: callService },
];

export type RouteMatch = { route: Route; params: string[] } | 'not_found' | 'method_not_allowed';

export function matchRoute(method: string, path: string): RouteMatch {
  const matching = ROUTES.flatMap((route) => {
    const m = route.pattern.exec(path);
    return m ? [{ route, params: m.slice(1).map(decodeURIComponent) }] : [];
  });
  if (matching.length === 0) return 'not_found';
  return matching.find((m) => m.route.method === method) ?? 'method_not_allowed';
}

export async function serveRoute(
  sim: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  user: SimUser,
  match: { route: Route; params: string[] },
): Promise<void> {
  await match.route.handler(sim, req, res, user, match.params);
}
