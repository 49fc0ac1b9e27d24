import type { ServerResponse } from 'node:http';
import type { HaGeneration } from '../generation';

/** A JSON body, as `HomeAssistantView.json` sends it. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
};

/** aiohttp's body for an HTTP exception (`raise HTTPUnauthorized()` and the like): "401: Unauthorized". */
export function sendHttpError(res: ServerResponse, status: keyof typeof REASONS & number): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`${status}: ${REASONS[status]}`);
}

/** An exception nobody caught: aiohttp's 500 page. */
export function sendServerError(res: ServerResponse): void {
  res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('500 Internal Server Error\n\nServer got itself in trouble');
}

/**
 * `web.Response(status=...)` without a body: aiohttp 3.9 (2024.1) labels it
 * application/octet-stream, the aiohttp of 2026.2 sends no Content-Type.
 */
export function sendEmpty(res: ServerResponse, status: number, generation: HaGeneration): void {
  res.writeHead(
    status,
    generation === '2024.1' ? { 'Content-Type': 'application/octet-stream' } : {},
  );
  res.end();
}

/** `web.Response(status=503)`, what every view answers while Home Assistant stops. */
export function sendUnavailable(res: ServerResponse): void {
  res.writeHead(503);
  res.end();
}
