import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimContext } from '../sim-context';
import { AUTHORIZE_PAGE } from './authorize-page';
import {
  abortLoginFlow,
  continueLoginFlow,
  refuseFlowIndex,
  startLoginFlow,
} from './login-flow-views';
import { sendHttpError, sendServerError, sendUnavailable } from './responses';
import { revokeEndpoint, tokenEndpoint } from './token-views';

const FLOW_RESOURCE = /^\/auth\/login_flow\/([^/]+)$/;
const AUTH_PATHS = new Set(['/auth/authorize', '/auth/login_flow', '/auth/token', '/auth/revoke']);

/**
 * The sign-in views, which need no token: the login page, the login flow and the token endpoint.
 * Returns false for any other path. While Home Assistant stops they answer 503 like every view.
 */
export async function serveAuthViews(
  sim: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  ip: string,
): Promise<boolean> {
  const flowId = FLOW_RESOURCE.exec(path)?.[1];
  if (!AUTH_PATHS.has(path) && flowId === undefined) return false;
  if (sim.faults.stopping) {
    sendUnavailable(res);
    return true;
  }
  const method = req.method ?? 'GET';
  const route = `${method} ${flowId === undefined ? path : '/auth/login_flow/<id>'}`;
  switch (route) {
    case 'GET /auth/authorize':
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(AUTHORIZE_PAGE);
      break;
    case 'GET /auth/login_flow':
      refuseFlowIndex(sim, res);
      break;
    case 'POST /auth/login_flow':
      await startLoginFlow(sim, req, res, ip);
      break;
    case 'POST /auth/login_flow/<id>':
      await continueLoginFlow(sim, req, res, ip, flowId!);
      break;
    case 'DELETE /auth/login_flow/<id>':
      abortLoginFlow(sim, res, flowId!);
      break;
    // Its handler takes no flow id, so aiohttp's call fails with a TypeError (both releases).
    case 'GET /auth/login_flow/<id>':
      sendServerError(res);
      break;
    case 'POST /auth/token':
      await tokenEndpoint(sim, req, res, ip);
      break;
    case 'POST /auth/revoke':
      await revokeEndpoint(sim, req, res);
      break;
    default:
      sendHttpError(res, 405);
  }
  return true;
}
