import { decodeJwt } from 'jose';
import { AuthStore, type SimUser } from './auth/auth-store';
import { LoginFlows } from './auth/login-flows';
import { PasswordProvider } from './auth/password-provider';
import { startBackgroundEvents } from './background-events';
import { haConfig, type UnitSystemName } from './config';
import { generationOf, HA_RELEASE, type HaGeneration } from './generation';
import { newContext } from './context';
import { EntityRegistry, type RegistryEdits } from './entities/registry';
import { stateAsDict, type SimEntityState } from './entities/serialise';
import { StateMachine } from './entities/state-machine';
import { EventBus } from './events';
import { Faults } from './faults';
import { defaultHomeSpec } from './home';
import type { Home } from './home-types';
import { BanList } from './http/ban';
import { SimHttpServer } from './http/server';
import { scaleHome } from './scale';
import { registerHomeServices } from './services/home-services';
import { ServiceRegistry } from './services/registry';
import type { ReceivedCommand, ServiceCallRecord, SimContext, SimStats } from './sim-context';
import { haTimeOf, MicroClock } from './time';

export interface SimulatorOptions {
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default 0: a free port. restart() keeps the port. */
  port?: number;
  /** The realistic ~45-entity home (default), or `{ scale: N }` generated entities. */
  home?: 'default' | { scale: number };
  /** Random background state changes per second; default 0. */
  eventRatePerSecond?: number;
  /** Default 10,000 (Home Assistant's auth timeout). */
  authTimeoutMs?: number;
  /** Like `http.login_attempts_threshold`; default null: never ban. */
  banThreshold?: number | null;
  /**
   * Default '2024.1.6'. A 2024.1.x version copies Home Assistant 2024.1, a 2026.2.x version 2026.2
   * (see the README for every difference); any other version is refused.
   */
  haVersion?: string;
  /** The clock tokens expire by (2026.2); default the real one. */
  now?: () => Date;
  /** Default 'Home'. */
  locationName?: string;
  /** `unit_system` of configuration.yaml; default 'metric'. */
  unitSystem?: UnitSystemName;
}

export interface RestartOptions {
  /** How long the port refuses connections; default 200 ms. */
  downMs?: number;
  /** Before going down: sockets are closed and every request gets 503 this long; default 0. */
  stoppingMs?: number;
  /** Like stoppingMs, but stopping lasts until this settles: for tests that act while stopping. */
  stoppingUntil?: Promise<unknown>;
  /** After coming back: Home Assistant is still starting (see setStarting) this long; default 0. */
  startingMs?: number;
}

/** The owner's username and password on the login page (`homeassistant` provider). */
export const SIM_OWNER_LOGIN = { username: 'owner', password: 'ha-tray-sim-password' } as const;

/** A user to create: `username` and `password` let them sign in on the login page. */
export interface SimUserOptions {
  isAdmin?: boolean;
  username?: string;
  password?: string;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A Home Assistant 2024.1 or 2026.2 stand-in that speaks its WebSocket and REST protocols over real sockets,
 * with a realistic home and controls for the faults a client must survive.
 */
export class HaSimulator {
  readonly owner: SimUser;
  /** A valid long-lived access token of the owner. */
  readonly token: string;
  readonly stats: SimStats = {
    authAttempts: 0,
    authFailures: 0,
    loginFailures: 0,
    connectionsOpened: 0,
    openSockets: 0,
    restRequests: 0,
    upgradeRequests: 0,
    coalescedFrames: 0,
  };
  readonly serviceCalls: ServiceCallRecord[] = [];
  /** Every command received after a login, in order, over every socket. */
  readonly commands: ReceivedCommand[] = [];

  readonly haVersion: string;
  readonly generation: HaGeneration;

  private readonly context: SimContext;
  private readonly http: SimHttpServer;
  private readonly stopEvents: () => void;
  private startingTimer: NodeJS.Timeout | undefined;
  private readonly host: string;
  private unitSystem: UnitSystemName;

  constructor(options: SimulatorOptions = {}) {
    this.host = options.host ?? '127.0.0.1';
    const haVersion = options.haVersion ?? HA_RELEASE['2024.1'];
    const generation = generationOf(haVersion);
    this.haVersion = haVersion;
    this.generation = generation;
    const clock = new MicroClock();
    const bus = new EventBus(clock);
    const states = new StateMachine(bus, clock, generation !== '2024.1');
    const home: Home =
      options.home && options.home !== 'default'
        ? scaleHome(options.home.scale)
        : defaultHomeSpec();
    const registry = new EntityRegistry(home, generation, (eventType, data) =>
      bus.fire(eventType, () => data, newContext()),
    );
    for (const entity of home.entities) {
      states.set(entity.entity_id, entity.state, entity.attributes);
      if (entity.registry) registry.add({ entity_id: entity.entity_id, ...entity.registry });
    }
    const services = new ServiceRegistry({ states, registry, bus, clock, generation });
    registerHomeServices(services, home, states, registry, generation);
    const auth = new AuthStore(options.now, {
      expiringTokens: generation !== '2024.1',
      deactivationDeletesTokens: generation !== '2024.1',
    });
    const passwords = new PasswordProvider();
    const faults = new Faults();
    const locationName = options.locationName ?? 'Home';
    this.unitSystem = options.unitSystem ?? 'metric';
    const domains = new Set(home.entities.map((e) => e.entity_id.split('.')[0]!));
    this.context = {
      haVersion,
      generation,
      auth,
      passwords,
      logins: new LoginFlows(options.now),
      states,
      registry,
      services,
      bus,
      faults,
      bans: new BanList(options.banThreshold ?? null),
      stats: this.stats,
      config: () =>
        haConfig({
          haVersion,
          generation,
          unitSystem: this.unitSystem,
          locationName,
          state: faults.starting ? 'NOT_RUNNING' : 'RUNNING',
          domains,
        }),
      recordServiceCall: (call) => this.serviceCalls.push(call),
      recordCommand: (command) => this.commands.push(command),
    };
    this.http = new SimHttpServer(
      this.context,
      this.host,
      options.port ?? 0,
      options.authTimeoutMs ?? 10_000,
    );

    this.owner = auth.createUser('Owner', { isOwner: true });
    passwords.add(SIM_OWNER_LOGIN.username, SIM_OWNER_LOGIN.password, this.owner.id);
    auth.createSessionToken(this.owner.id, 'http://homeassistant.local:8123/');
    this.token = auth.createLongLivedToken(this.owner.id, 'HA Tray tests', 3650);
    // Deleting a refresh token closes its sockets at once, without auth_invalid.
    auth.onRevoke((id) => {
      for (const conn of this.http.connections()) if (conn.refreshTokenId === id) conn.close(false);
    });
    const rate = options.eventRatePerSecond ?? 0;
    this.stopEvents = rate > 0 ? startBackgroundEvents(states, rate) : () => undefined;
  }

  get port(): number {
    return this.http.port;
  }

  /** `http://127.0.0.1:<port>`, no trailing slash. */
  get url(): string {
    return `http://${this.host.includes(':') ? `[${this.host}]` : this.host}:${this.port}`;
  }

  // ---- lifecycle ----------------------------------------------------------------------------

  async start(): Promise<void> {
    this.context.faults.stopping = false;
    await this.http.listen();
  }

  /**
   * Down until start(): every socket closes as on `homeassistant_stop`, the port refuses connections.
   * Login flows in progress and unused codes are lost, as Home Assistant keeps them in memory.
   */
  async stop(): Promise<void> {
    this.context.logins.clear();
    await this.http.close();
  }

  /**
   * Closes every socket, refuses connections for `downMs`, then listens again on the same port.
   * Login flows in progress and unused codes are lost from the moment it starts stopping.
   */
  async restart(opts: RestartOptions = {}): Promise<void> {
    const { faults } = this.context;
    faults.stopping = true;
    this.context.logins.clear();
    this.http.closeConnections();
    if (opts.stoppingMs) await sleep(opts.stoppingMs);
    if (opts.stoppingUntil) await opts.stoppingUntil;
    await this.http.close();
    await sleep(opts.downMs ?? 200);
    if (opts.startingMs) {
      this.setStarting(true);
      this.startingTimer = setTimeout(() => this.setStarting(false), opts.startingMs);
    }
    await this.start();
  }

  /** Closes every socket and the listener, and stops the background events. */
  async close(): Promise<void> {
    clearTimeout(this.startingTimer);
    this.stopEvents();
    await this.http.shutdown();
  }

  // ---- users and tokens ---------------------------------------------------------------------

  /** A user (not an administrator unless asked); with `username` and `password` they can log in. */
  createUser(name: string, opts: SimUserOptions = {}): SimUser {
    const user = this.context.auth.createUser(name, { isAdmin: opts.isAdmin ?? false });
    if (opts.username !== undefined)
      this.context.passwords.add(opts.username, opts.password ?? '', user.id);
    return user;
  }

  /**
   * As switching "Active" off (or on) in Settings -> People: an inactive user's tokens are refused
   * on the WebSocket and REST (2026.2 deletes them all at once), the login flow ends with 403
   * "Login blocked: User is not active", and `/auth/token` refuses their codes with
   * `access_denied`. The owner cannot be deactivated.
   */
  setUserActive(userId: string, active: boolean): void {
    this.context.auth.setUserActive(userId, active);
  }

  /** Login flows in progress and codes not yet exchanged (both lost on stop and restart). */
  get pendingLogins(): { flows: number; codes: number } {
    return this.context.logins.pending;
  }

  createLongLivedToken(userId: string, clientName: string, lifespanDays = 3650): string {
    return this.context.auth.createLongLivedToken(userId, clientName, lifespanDays);
  }

  /** As if deleted in Home Assistant's UI: every socket of that token closes, without auth_invalid. */
  revokeToken(token: string): void {
    let issuer: unknown;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      return;
    }
    if (typeof issuer === 'string') this.context.auth.deleteRefreshToken(issuer);
  }

  refreshTokens(userId: string): Array<{
    id: string;
    client_id: string | null;
    client_name: string | null;
    type: string;
    created_at: string;
  }> {
    return this.context.auth.tokensOf(userId).map((t) => ({
      id: t.id,
      client_id: t.clientId,
      client_name: t.clientName,
      type: t.type,
      created_at: haTimeOf(t.createdAt),
    }));
  }

  // ---- states -------------------------------------------------------------------------------

  getState(entityId: string): SimEntityState | undefined {
    const state = this.context.states.get(entityId);
    return state && stateAsDict(state);
  }

  states(): SimEntityState[] {
    return this.context.states.all().map(stateAsDict);
  }

  /** Creates the entity if missing; without `attributes` an existing entity keeps its own. */
  setState(entityId: string, state: string, attributes?: Record<string, unknown>): void {
    const { states, registry } = this.context;
    const existing = states.get(entityId);
    states.set(entityId, state, attributes ?? { ...existing?.attributes }, newContext());
    if (!existing && !registry.has(entityId))
      registry.add({ entity_id: entityId, platform: 'sim' });
  }

  removeEntity(entityId: string): void {
    this.context.states.remove(entityId);
    this.context.registry.remove(entityId);
  }

  /**
   * As saving another unit system in Home Assistant's settings (`config/core/update`): `get_config`
   * answers with it, and `core_config_updated` goes out with what changed (`Config.async_update`).
   */
  setUnitSystem(name: UnitSystemName): void {
    this.unitSystem = name;
    this.context.bus.fire('core_config_updated', () => ({ unit_system: name }), newContext());
  }

  /**
   * The registries, changed as an administrator changes them in Settings (rename a floor, move an
   * area to another floor, an entity or a device to another area, rename a label, reorder): each
   * change fires the `*_registry_updated` event Home Assistant fires (see the README).
   */
  get registries(): RegistryEdits {
    return this.context.registry;
  }

  /** How many `subscribe_events` listen to `eventType` now, over every socket. */
  eventSubscribers(eventType: string): number {
    return this.context.bus.listenerCount(eventType);
  }

  // ---- faults -------------------------------------------------------------------------------

  /** Start-up: get_config says NOT_RUNNING, config/* commands are unknown_command, REST answers 503. */
  setStarting(on: boolean): void {
    this.context.faults.starting = on;
  }

  /** Answers nothing (no results, pongs, events, HTTP responses) and closes nothing. */
  setHalfOpen(on: boolean): void {
    this.context.faults.halfOpen = on;
  }

  /** Every WebSocket result (and pong) goes out `ms` later. */
  setResponseDelay(ms: number): void {
    this.context.faults.responseDelayMs = ms;
  }

  /**
   * Ends, on every socket, the subscriptions whose command `match`es without telling the client,
   * as Home Assistant drops a push channel; returns how many ended. An `unsubscribe_events` for one
   * is then `not_found`.
   */
  dropSubscriptions(match: (command: Record<string, unknown>) => boolean): number {
    let dropped = 0;
    for (const conn of this.http.connections())
      for (const [id, subscription] of conn.subscriptions)
        if (match(subscription.command)) {
          subscription.end();
          conn.subscriptions.delete(id);
          dropped++;
        }
    return dropped;
  }

  /**
   * Holds every WebSocket `call_service` from now on: accepted, but its service does not run and
   * nothing is answered until `releaseServiceCalls` (for tests of what a client shows meanwhile).
   */
  holdServiceCalls(): void {
    this.context.faults.serviceCallHold ??= [];
  }

  /** How many `call_service` commands wait for `releaseServiceCalls`. */
  get heldServiceCalls(): number {
    return this.context.faults.serviceCallHold?.length ?? 0;
  }

  /** Runs the held calls, in the order they came, and stops holding. */
  releaseServiceCalls(): void {
    const held = this.context.faults.serviceCallHold ?? [];
    this.context.faults.serviceCallHold = null;
    for (const release of held) release();
  }

  /** Sends a frame that is not JSON to every authenticated client. */
  sendMalformedFrame(): void {
    for (const conn of this.http.connections())
      if (conn.phase === 'command') conn.sendText('{"id": 1, "type": "res');
  }

  get bannedIps(): ReadonlySet<string> {
    return this.context.bans.banned;
  }

  unban(): void {
    this.context.bans.clear();
  }
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<HaSimulator> {
  const sim = new HaSimulator(options);
  await sim.start();
  return sim;
}
