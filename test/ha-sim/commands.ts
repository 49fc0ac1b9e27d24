import type { SimConnection } from './connection';
import type { SimCore } from './core';
import type { CompressedState, StateDiff } from './compressed';
import { compressState, diffStates } from './compressed';
import { haTime, stateJson } from './format';
import { contextId } from './ids';
import type { Message } from './messages';
import { error, event, pong, result } from './messages';
import { findService, serviceDescriptions, ServiceError, targetEntities } from './services';
import type { StateChange } from './states';

type Handler = (
  sim: SimCore,
  conn: SimConnection,
  msg: Message & { id: number },
) => void | Promise<void>;

interface Command {
  /** Keys allowed besides id and type; anything else is `invalid_format`, as voluptuous says. */
  keys: readonly string[];
  required?: readonly string[];
  handler: Handler;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function subscribeEntities(sim: SimCore, conn: SimConnection, msg: Message & { id: number }) {
  const filter = Array.isArray(msg.entity_ids) ? new Set(msg.entity_ids as string[]) : null;
  const wanted = (id: string) => !filter || filter.has(id);
  conn.reply(result(msg.id));
  const snapshot: Record<string, CompressedState> = {};
  for (const s of sim.machine.all())
    if (wanted(s.entity_id)) snapshot[s.entity_id] = compressState(s);
  conn.send(event(msg.id, { a: snapshot }));

  // Changes of one tick go out as one event: several entities per event, as the issue asks and
  // as clients must accept.
  let pending: {
    a?: Record<string, CompressedState>;
    c?: Record<string, StateDiff>;
    r?: string[];
  } | null = null;
  const unsubscribe = sim.machine.subscribe((change: StateChange) => {
    if (!wanted(change.entityId)) return;
    if (!pending) {
      pending = {};
      setImmediate(() => {
        const batch = pending!;
        pending = null;
        conn.send(event(msg.id, batch));
      });
    }
    if (change.kind === 'added') (pending.a ??= {})[change.entityId] = compressState(change.state);
    else if (change.kind === 'removed') (pending.r ??= []).push(change.entityId);
    else if (pending.a?.[change.entityId]) pending.a[change.entityId] = compressState(change.state);
    else {
      const previous = pending.c?.[change.entityId];
      const diff = diffStates(change.old, change.state);
      (pending.c ??= {})[change.entityId] = previous ? mergeDiffs(previous, diff) : diff;
    }
  });
  conn.subscriptions.set(msg.id, unsubscribe);
}

function mergeDiffs(a: StateDiff, b: StateDiff): StateDiff {
  const plus = { ...a['+'], ...b['+'], a: { ...a['+'].a, ...b['+'].a } };
  if (Object.keys(plus.a).length === 0) delete (plus as { a?: unknown }).a;
  const removed = [...(a['-']?.a ?? []), ...(b['-']?.a ?? [])].filter(
    (k) => !(plus.a && k in plus.a),
  );
  return removed.length > 0 ? { '+': plus, '-': { a: removed } } : { '+': plus };
}

function subscribeEvents(sim: SimCore, conn: SimConnection, msg: Message & { id: number }) {
  const type = msg.event_type;
  if (type === undefined && !conn.user?.isAdmin)
    return conn.replyError(msg.id, 'unauthorized', 'Unauthorized');
  conn.reply(result(msg.id));
  if (type !== undefined && type !== 'state_changed') {
    conn.subscriptions.set(msg.id, () => {});
    return;
  }
  const unsubscribe = sim.machine.subscribe((change) => {
    const old = change.kind === 'added' ? null : stateJson(change.old);
    const next = change.kind === 'removed' ? null : stateJson(change.state);
    const context =
      change.kind === 'removed'
        ? { id: contextId(), parent_id: null, user_id: null }
        : change.state.context;
    conn.send(
      event(msg.id, {
        event_type: 'state_changed',
        data: { entity_id: change.entityId, old_state: old, new_state: next },
        origin: 'LOCAL',
        time_fired: haTime(Date.now()),
        context,
      }),
    );
  });
  conn.subscriptions.set(msg.id, unsubscribe);
}

async function callService(sim: SimCore, conn: SimConnection, msg: Message & { id: number }) {
  const domain = String(msg.domain);
  const service = String(msg.service);
  const data = isPlainObject(msg.service_data) ? msg.service_data : {};
  const target = isPlainObject(msg.target) ? msg.target : undefined;
  const handler = findService(domain, service, sim.machine);
  if (!handler) {
    const message = `Service ${domain}.${service} not found.`;
    return conn.reply({
      ...error(msg.id, 'not_found', message),
      error: {
        code: 'not_found',
        message,
        translation_key: 'service_not_found',
        translation_placeholders: { domain, service },
        translation_domain: 'homeassistant',
      },
    });
  }
  const context = { id: contextId(), parent_id: null, user_id: conn.user!.id };
  sim.recordServiceCall({ domain, service, service_data: data, target, userId: conn.user!.id });
  try {
    handler({
      states: sim.machine,
      entities: targetEntities(domain, service, data, target, sim.machine),
      data,
      context,
      now: Date.now,
    });
  } catch (err) {
    if (err instanceof ServiceError) return conn.replyError(msg.id, err.code, err.message);
    throw err;
  }
  conn.reply(result(msg.id, msg.return_response ? { context, response: null } : { context }));
}

function getConfig(sim: SimCore) {
  return {
    latitude: 52.3731,
    longitude: 4.8922,
    elevation: 0,
    unit_system: {
      length: 'km',
      accumulated_precipitation: 'mm',
      mass: 'g',
      pressure: 'Pa',
      temperature: '°C',
      volume: 'L',
      wind_speed: 'm/s',
    },
    location_name: sim.locationName,
    time_zone: 'Europe/Amsterdam',
    components: [
      'api',
      'auth',
      'websocket_api',
      'http',
      'light',
      'switch',
      'sensor',
      'binary_sensor',
      'lock',
      'cover',
    ],
    config_dir: '/config',
    allowlist_external_dirs: [],
    allowlist_external_urls: [],
    version: sim.haVersion,
    config_source: 'storage',
    recovery_mode: false,
    safe_mode: false,
    state: sim.isStarting() ? 'NOT_RUNNING' : 'RUNNING',
    external_url: null,
    internal_url: null,
    currency: 'EUR',
    country: 'NL',
    language: 'en',
  };
}

const configCommand =
  (build: (sim: SimCore, conn: SimConnection) => unknown): Handler =>
  (sim, conn, msg) => {
    // While Home Assistant starts, the config integration is not loaded yet.
    if (sim.isStarting()) return conn.replyError(msg.id, 'unknown_command', 'Unknown command.');
    conn.reply(result(msg.id, build(sim, conn)));
  };

export const COMMANDS: Record<string, Command> = {
  ping: { keys: [], handler: (_s, conn, msg) => conn.reply(pong(msg.id)) },
  supported_features: {
    keys: ['features'],
    required: ['features'],
    handler: (_s, conn, msg) => {
      const features = isPlainObject(msg.features) ? msg.features : {};
      conn.coalesce = features.coalesce_messages === 1 || features.coalesce_messages === true;
      conn.reply(result(msg.id));
    },
  },
  get_states: {
    keys: [],
    handler: (sim, conn, msg) => conn.reply(result(msg.id, sim.machine.all().map(stateJson))),
  },
  get_config: { keys: [], handler: (sim, conn, msg) => conn.reply(result(msg.id, getConfig(sim))) },
  get_services: {
    keys: [],
    handler: (sim, conn, msg) => conn.reply(result(msg.id, serviceDescriptions(sim.machine))),
  },
  subscribe_entities: { keys: ['entity_ids'], handler: subscribeEntities },
  subscribe_events: { keys: ['event_type'], handler: subscribeEvents },
  unsubscribe_events: {
    keys: ['subscription'],
    required: ['subscription'],
    handler: (_s, conn, msg) => {
      const id = msg.subscription as number;
      const unsubscribe = conn.subscriptions.get(id);
      if (!unsubscribe) return conn.replyError(msg.id, 'not_found', 'Subscription not found.');
      unsubscribe();
      conn.subscriptions.delete(id);
      conn.reply(result(msg.id));
    },
  },
  call_service: {
    keys: ['domain', 'service', 'service_data', 'target', 'return_response'],
    required: ['domain', 'service'],
    handler: callService,
  },
  'config/entity_registry/list_for_display': {
    keys: [],
    handler: configCommand((sim) => ({
      entity_categories: { '0': 'config', '1': 'diagnostic' },
      entities: [...sim.registry.values()].map((entry) => ({
        ei: entry.entity_id,
        pl: entry.platform,
        ...(entry.area_id ? { ai: entry.area_id } : {}),
        ...(entry.icon ? { ic: entry.icon } : {}),
      })),
    })),
  },
  'config/area_registry/list': {
    keys: [],
    handler: configCommand((sim) =>
      sim.areas.map((a) => ({ aliases: [], area_id: a.area_id, name: a.name, picture: null })),
    ),
  },
  'auth/current_user': {
    keys: [],
    handler: (_sim, conn, msg) => {
      const user = conn.user!;
      conn.reply(
        result(msg.id, {
          id: user.id,
          name: user.name,
          is_owner: user.isOwner,
          is_admin: user.isAdmin,
          credentials: [{ auth_provider_type: 'homeassistant', auth_provider_id: null }],
          mfa_modules: [{ id: 'totp', name: 'Authenticator app', enabled: false }],
        }),
      );
    },
  },
  'auth/long_lived_access_token': {
    keys: ['client_name', 'lifespan', 'client_icon'],
    required: ['client_name', 'lifespan'],
    handler: (sim, conn, msg) => {
      if (typeof msg.client_name !== 'string') {
        return conn.replyError(
          msg.id,
          'invalid_format',
          "expected str for dictionary value @ data['client_name']",
        );
      }
      if (typeof msg.lifespan !== 'number' || !Number.isInteger(msg.lifespan)) {
        return conn.replyError(
          msg.id,
          'invalid_format',
          "expected int for dictionary value @ data['lifespan']",
        );
      }
      try {
        const icon = typeof msg.client_icon === 'string' ? msg.client_icon : null;
        conn.reply(
          result(
            msg.id,
            sim.auth.createLongLivedToken(conn.user!.id, msg.client_name, msg.lifespan, icon),
          ),
        );
      } catch {
        // Home Assistant raises ValueError for a duplicate client name; the decorator reports it so.
        conn.replyError(msg.id, 'unknown_error', 'Unknown error');
      }
    },
  },
  'auth/refresh_tokens': {
    keys: [],
    handler: (sim, conn, msg) => {
      conn.reply(
        result(
          msg.id,
          sim.auth.tokensOf(conn.user!.id).map((t) => ({
            id: t.id,
            client_id: null,
            client_name: t.clientName,
            client_icon: t.clientIcon,
            type: t.type,
            created_at: haTime(t.createdAt.getTime()),
            is_current: t.id === conn.refreshTokenId,
            last_used_at: haTime(t.createdAt.getTime()),
            last_used_ip: null,
            auth_provider_type: 'homeassistant',
          })),
        ),
      );
    },
  },
  'auth/delete_refresh_token': {
    keys: ['refresh_token_id'],
    required: ['refresh_token_id'],
    handler: (sim, conn, msg) => {
      const id = msg.refresh_token_id;
      const token = typeof id === 'string' ? sim.auth.refreshTokens.get(id) : undefined;
      if (!token || token.userId !== conn.user!.id) {
        return conn.replyError(msg.id, 'invalid_token_id', 'Received invalid token');
      }
      // The result goes out first; deleting the connection's own token then closes it at once.
      conn.send(result(msg.id, {}));
      setImmediate(() => sim.auth.deleteRefreshToken(token.id));
    },
  },
};
