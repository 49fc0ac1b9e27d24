/**
 * The failure modes tests can switch on. Each flag says what Home Assistant (or the network) does
 * in that situation; the HTTP and WebSocket layers read them on every request and message.
 */
export class Faults {
  /** Bootstrapping: `get_config` says NOT_RUNNING, `config/*` commands are unknown, REST answers 503. */
  starting = false;
  /** Shutting down (`hass.is_stopping`): every view, the WebSocket one included, answers 503. */
  stopping = false;
  /** A dead network path: nothing is answered and nothing is closed. */
  halfOpen = false;
  /** Every WebSocket result (and pong) goes out this much later. */
  responseDelayMs = 0;
  /**
   * While set, a WebSocket `call_service` waits here before its service runs (no state change,
   * no answer): each waiting call is one release function, run by `releaseServiceCalls`.
   */
  serviceCallHold: Array<() => void> | null = null;

  /** Resolves at once, or, while calls are held, when they are released. */
  serviceCallGate(): Promise<void> {
    const held = this.serviceCallHold;
    return held ? new Promise((release) => held.push(release)) : Promise.resolve();
  }
}
