import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimCore } from './core';
import { stateJson } from './format';
import { contextId } from './ids';
import { findService, ServiceError, targetEntities } from './services';
import type { SimState } from './states';

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** aiohttp's default body for an HTTP error, as Home Assistant sends it. */
export function plainError(res: ServerResponse, status: number, reason: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`${status}: ${reason}`);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text.trim() === '' ? {} : JSON.parse(text);
}

/** The REST API (homeassistant/components/api), for an already authenticated request. */
export async function handleRest(
  sim: SimCore,
  req: IncomingMessage,
  res: ServerResponse,
  userId: string,
  path: string,
): Promise<void> {
  const method = req.method ?? 'GET';
  if (method === 'GET' && path === '/api/') return json(res, 200, { message: 'API running.' });
  if (method === 'GET' && path === '/api/config') {
    return json(res, 200, {
      location_name: sim.locationName,
      version: sim.haVersion,
      state: sim.isStarting() ? 'NOT_RUNNING' : 'RUNNING',
      time_zone: 'Europe/Amsterdam',
      unit_system: {
        temperature: '°C',
        length: 'km',
        mass: 'g',
        volume: 'L',
        pressure: 'Pa',
        wind_speed: 'm/s',
        accumulated_precipitation: 'mm',
      },
      components: ['api', 'websocket_api'],
      config_source: 'storage',
      external_url: null,
      internal_url: null,
      language: 'en',
      safe_mode: false,
      recovery_mode: false,
    });
  }
  if (method === 'GET' && path === '/api/states')
    return json(res, 200, sim.machine.all().map(stateJson));
  const stateMatch = /^\/api\/states\/([^/]+)$/.exec(path);
  if (method === 'GET' && stateMatch) {
    const state = sim.machine.get(decodeURIComponent(stateMatch[1]!));
    return state
      ? json(res, 200, stateJson(state))
      : json(res, 404, { message: 'Entity not found.' });
  }
  const serviceMatch = /^\/api\/services\/([^/]+)\/([^/]+)$/.exec(path);
  if (method === 'POST' && serviceMatch) {
    const [domain, service] = [
      decodeURIComponent(serviceMatch[1]!),
      decodeURIComponent(serviceMatch[2]!),
    ];
    let data: unknown;
    try {
      data = await readBody(req);
    } catch {
      return json(res, 400, { message: 'Data should be valid JSON.' });
    }
    const body =
      typeof data === 'object' && data !== null && !Array.isArray(data)
        ? (data as Record<string, unknown>)
        : {};
    const handler = findService(domain, service, sim.machine);
    if (!handler) return plainError(res, 400, 'Bad Request');
    const changed: SimState[] = [];
    const stop = sim.machine.subscribe((change) => {
      if (change.kind !== 'removed') changed.push(change.state);
    });
    try {
      sim.recordServiceCall({ domain, service, service_data: body, userId });
      const context = { id: contextId(), parent_id: null, user_id: userId };
      handler({
        states: sim.machine,
        entities: targetEntities(domain, service, body, undefined, sim.machine),
        data: body,
        context,
        now: Date.now,
      });
    } catch (err) {
      if (err instanceof ServiceError) return plainError(res, 400, 'Bad Request');
      throw err;
    } finally {
      stop();
    }
    return json(res, 200, changed.map(stateJson));
  }
  if (path.startsWith('/api/')) return plainError(res, 404, 'Not Found');
  return plainError(res, 404, 'Not Found');
}
