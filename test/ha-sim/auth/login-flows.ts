import { hexId } from '../ids';

/** A login flow waiting for its password step (`AuthManagerFlowManager`, in memory only). */
export interface PendingLoginFlow {
  id: string;
  /** The address that started it: another address is refused ("IP address changed"). */
  ip: string;
  redirectUri: string;
}

/** OAuth 4.2.1 as Home Assistant applies it: a code is good for 10 minutes. */
export const AUTH_CODE_LIFETIME_MS = 10 * 60_000;

/**
 * What Home Assistant keeps only in memory between the login page and `/auth/token`: the login
 * flows in progress and the authorisation codes not yet exchanged (`_create_auth_code_store` in
 * components/auth/__init__.py). A restart loses both.
 */
export class LoginFlows {
  private readonly flows = new Map<string, PendingLoginFlow>();
  private readonly codes = new Map<string, { userId: string; createdAt: number }>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  start(ip: string, redirectUri: string): PendingLoginFlow {
    const flow = { id: hexId(), ip, redirectUri };
    this.flows.set(flow.id, flow);
    return flow;
  }

  get(flowId: string): PendingLoginFlow | undefined {
    return this.flows.get(flowId);
  }

  /** A flow ends with its entry (or an abort): its id is unknown from then on. */
  finish(flowId: string): void {
    this.flows.delete(flowId);
  }

  /** `store_result`: a new code, bound to the client id of the request that finished the flow. */
  issueCode(clientId: string, userId: string): string {
    const code = hexId();
    this.codes.set(codeKey(clientId, code), { userId, createdAt: this.now().getTime() });
    return code;
  }

  /**
   * `retrieve_result`: the user of a code, once. A code asked for with another client id is not
   * found and stays usable; a found code is used up even when it turns out expired.
   */
  redeemCode(clientId: string, code: string): string | null {
    const key = codeKey(clientId, code);
    const entry = this.codes.get(key);
    if (!entry) return null;
    this.codes.delete(key);
    return this.now().getTime() - entry.createdAt < AUTH_CODE_LIFETIME_MS ? entry.userId : null;
  }

  /** How many flows and codes are pending, for tests of what a restart loses. */
  get pending(): { flows: number; codes: number } {
    return { flows: this.flows.size, codes: this.codes.size };
  }

  /** A restart: every flow in progress and every unused code is gone. */
  clear(): void {
    this.flows.clear();
    this.codes.clear();
  }
}

const codeKey = (clientId: string, code: string) => `${clientId}\n${code}`;
