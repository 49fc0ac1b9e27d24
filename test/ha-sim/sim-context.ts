import type { AuthStore } from './auth/auth-store';
import type { LoginFlows } from './auth/login-flows';
import type { PasswordProvider } from './auth/password-provider';
import type { EntityRegistry } from './entities/registry';
import type { StateMachine } from './entities/state-machine';
import type { EventBus } from './events';
import type { Faults } from './faults';
import type { BanList } from './http/ban';
import type { HaGeneration } from './generation';
import type { ServiceRegistry } from './services/registry';

export interface SimStats {
  /** `auth` messages received. */
  authAttempts: number;
  /** `auth_invalid` sent, plus REST 401s. */
  authFailures: number;
  /**
   * Failed logins counted by the sign-in views (`process_wrong_login`): a wrong password, and every
   * refusal of the login flow and the token endpoint. Each counts toward the ban.
   */
  loginFailures: number;
  /** WebSocket upgrades accepted. */
  connectionsOpened: number;
  openSockets: number;
  restRequests: number;
  /** Every WebSocket upgrade request, accepted or refused (403 while banned, 503 while stopping). */
  upgradeRequests: number;
  /** Frames that carried several messages as one JSON array. */
  coalescedFrames: number;
}

/** A command a client sent after logging in, with the number of its socket (1 for the first). */
export interface ReceivedCommand {
  socket: number;
  type: unknown;
  message: unknown;
}

/** A service call a client made (over the WebSocket or REST), for assertions. */
export interface ServiceCallRecord {
  domain: string;
  service: string;
  service_data: Record<string, unknown>;
  target?: unknown;
  userId: string;
}

/** What the WebSocket commands and the REST API work on: one simulated Home Assistant. */
export interface SimContext {
  readonly haVersion: string;
  /** Which Home Assistant's behaviour to copy where 2024.1 and 2026.2 differ. */
  readonly generation: HaGeneration;
  readonly auth: AuthStore;
  /** Usernames and passwords (the `homeassistant` auth provider). */
  readonly passwords: PasswordProvider;
  /** Login flows in progress and unused codes: memory only, lost on restart. */
  readonly logins: LoginFlows;
  readonly states: StateMachine;
  readonly registry: EntityRegistry;
  readonly services: ServiceRegistry;
  readonly bus: EventBus;
  readonly faults: Faults;
  readonly bans: BanList;
  readonly stats: SimStats;
  config(): Record<string, unknown>;
  recordServiceCall(call: ServiceCallRecord): void;
  recordCommand(command: ReceivedCommand): void;
}
