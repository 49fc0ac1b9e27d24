import type { RawData, WebSocket } from 'ws';
import { commandFor } from '../commands';
import type { SimContext } from '../sim-context';
import { authenticate } from './auth-phase';
import { SimConnection } from './connection';
import { dispatch } from './dispatcher';

/**
 * One WebSocket from upgrade to close, as websocket_api/http.py runs it: `auth_required`, an auth
 * message within the timeout (else the socket closes without a word), then commands, one by one or
 * several as a JSON array. Text that is not JSON ends the connection; a binary frame does in the auth
 * phase and is ignored after it.
 */
export function runSocketSession(
  sim: SimContext,
  socket: WebSocket,
  ip: string,
  authTimeoutMs: number,
  onClosed: (conn: SimConnection) => void,
): SimConnection {
  const socketNumber = ++sim.stats.connectionsOpened;
  sim.stats.openSockets++;
  const conn = new SimConnection(
    socket,
    ip,
    sim.faults,
    () => sim.stats.coalescedFrames++,
    sim.generation !== '2024.1',
  );
  const authTimer = setTimeout(() => conn.close(true), authTimeoutMs);
  // Messages wait for the one before: the auth check is asynchronous, commands after it are not.
  let inbox = Promise.resolve();

  const handle = async (data: RawData, isBinary: boolean): Promise<void> => {
    if (!conn.isOpen) return;
    if (isBinary) {
      if (conn.phase === 'auth') conn.close(true);
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(data.toString());
    } catch {
      return conn.close(true);
    }
    if (conn.phase === 'auth') {
      clearTimeout(authTimer);
      await authenticate(sim, conn, parsed);
      return;
    }
    for (const msg of Array.isArray(parsed) ? parsed : [parsed]) {
      const type =
        typeof msg === 'object' && msg !== null ? (msg as { type?: unknown }).type : null;
      sim.recordCommand({ socket: socketNumber, type, message: msg });
      dispatch(sim, conn, msg, (type) => commandFor(type, sim.generation, sim.faults));
    }
  };

  socket.on('message', (data, isBinary) => {
    // A dead network path: what the client sends never arrives.
    if (sim.faults.halfOpen) return;
    inbox = inbox.then(() => handle(data, isBinary));
  });
  // Pong frames by hand, so that a half-open connection does not answer WebSocket pings either.
  socket.on('ping', (data) => {
    if (!sim.faults.halfOpen) socket.pong(data);
  });
  socket.on('error', () => conn.close(false));
  socket.on('close', () => {
    clearTimeout(authTimer);
    sim.stats.openSockets--;
    conn.close(false);
    onClosed(conn);
  });
  conn.send({ type: 'auth_required', ha_version: sim.haVersion });
  return conn;
}
