import type { EntityContext } from '../../src/shared/entity';
import type { SimState, StateMachine } from './states';

/** An error shaped like Home Assistant's websocket error result. */
export class ServiceError extends Error {
  constructor(
    readonly code:
      'not_found' | 'invalid_format' | 'service_validation_error' | 'home_assistant_error',
    message: string,
  ) {
    super(message);
  }
}

interface CallContext {
  states: StateMachine;
  entities: SimState[];
  data: Record<string, unknown>;
  context: EntityContext;
  now: () => number;
}

type Handler = (call: CallContext) => void;

/** voluptuous' wording, which Home Assistant passes through as the error message. */
function invalid(message: string, key: string): never {
  throw new ServiceError('invalid_format', `${message} for dictionary value @ data['${key}']`);
}

function numberIn(
  data: Record<string, unknown>,
  key: string,
  min: number,
  max: number,
  required = false,
): number | undefined {
  const value = data[key];
  if (value === undefined) {
    if (required)
      throw new ServiceError('invalid_format', `required key not provided @ data['${key}']`);
    return undefined;
  }
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || Number.isNaN(n)) invalid('expected float', key);
  if (n < min) invalid(`value must be at least ${min}`, key);
  if (n > max) invalid(`value must be at most ${max}`, key);
  return n;
}

const isOn = (s: SimState) => s.state === 'on';

function write(
  call: CallContext,
  entity: SimState,
  state: string,
  attributes: Record<string, unknown> = entity.attributes,
) {
  call.states.set(entity.entity_id, state, attributes, call.context);
}

function lightOn(call: CallContext, entity: SimState) {
  const pct = numberIn(call.data, 'brightness_pct', 0, 100);
  // Home Assistant clamps brightness (VALID_BRIGHTNESS uses vol.Clamp) rather than refusing it.
  let brightness = numberIn(call.data, 'brightness', -Infinity, Infinity);
  if (brightness !== undefined) brightness = Math.min(255, Math.max(0, Math.round(brightness)));
  if (pct !== undefined) brightness = Math.round((pct * 255) / 100);
  const dimmable =
    Array.isArray(entity.attributes.supported_color_modes) &&
    entity.attributes.supported_color_modes.includes('brightness');
  if (brightness === 0)
    return write(call, entity, 'off', { ...entity.attributes, brightness: null, color_mode: null });
  const attrs: Record<string, unknown> = {
    ...entity.attributes,
    color_mode: dimmable ? 'brightness' : 'onoff',
  };
  if (dimmable)
    attrs.brightness =
      brightness ??
      (typeof entity.attributes.brightness === 'number' ? entity.attributes.brightness : 255);
  write(call, entity, 'on', attrs);
}

function lightOff(call: CallContext, entity: SimState) {
  const attrs = { ...entity.attributes, color_mode: null };
  if ('brightness' in attrs) attrs.brightness = null;
  write(call, entity, 'off', attrs);
}

function each(fn: (call: CallContext, entity: SimState) => void): Handler {
  return (call) => call.entities.forEach((entity) => fn(call, entity));
}

const onOff = {
  turn_on: each((c, e) => write(c, e, 'on')),
  turn_off: each((c, e) => write(c, e, 'off')),
  toggle: each((c, e) => write(c, e, isOn(e) ? 'off' : 'on')),
};

function fanSet(call: CallContext, entity: SimState, on: boolean) {
  const percentage = numberIn(call.data, 'percentage', 0, 100);
  const pct = on ? (percentage ?? (Number(entity.attributes.percentage) || 33)) : 0;
  write(call, entity, pct > 0 ? 'on' : 'off', { ...entity.attributes, percentage: pct });
}

function coverPosition(call: CallContext, entity: SimState, position: number) {
  const attrs =
    'current_position' in entity.attributes
      ? { ...entity.attributes, current_position: position }
      : entity.attributes;
  write(call, entity, position > 0 ? 'open' : 'closed', attrs);
}

function runScript(call: CallContext, entity: SimState) {
  write(call, entity, 'off', {
    ...entity.attributes,
    last_triggered: new Date(call.now()).toISOString(),
  });
}

const stamp = (call: CallContext) => new Date(call.now()).toISOString();

function mediaSet(call: CallContext, entity: SimState, state: 'playing' | 'paused') {
  write(call, entity, state);
}

/** Services with real effects, per domain, as the demo and helper integrations behave. */
export const SERVICES: Record<string, Record<string, Handler>> = {
  light: {
    turn_on: each(lightOn),
    turn_off: each(lightOff),
    toggle: each((c, e) => (isOn(e) ? lightOff(c, e) : lightOn(c, e))),
  },
  switch: onOff,
  input_boolean: onOff,
  fan: {
    turn_on: each((c, e) => fanSet(c, e, true)),
    turn_off: each((c, e) => fanSet(c, e, false)),
    toggle: each((c, e) => fanSet(c, e, !isOn(e))),
    set_percentage: (c) => {
      numberIn(c.data, 'percentage', 0, 100, true);
      c.entities.forEach((e) => fanSet(c, e, true));
    },
  },
  cover: {
    open_cover: each((c, e) => coverPosition(c, e, 100)),
    close_cover: each((c, e) => coverPosition(c, e, 0)),
    stop_cover: () => {},
    toggle: each((c, e) => coverPosition(c, e, e.state === 'closed' ? 100 : 0)),
    set_cover_position: (c) => {
      const position = numberIn(c.data, 'position', 0, 100, true)!;
      c.entities.forEach((e) => coverPosition(c, e, position));
    },
  },
  lock: {
    lock: each((c, e) => write(c, e, 'locked')),
    unlock: each((c, e) => write(c, e, 'unlocked')),
  },
  scene: { turn_on: each((c, e) => write(c, e, stamp(c))) },
  script: { turn_on: each(runScript), turn_off: () => {}, toggle: each(runScript) },
  button: { press: each((c, e) => write(c, e, stamp(c))) },
  automation: {
    turn_on: each((c, e) => write(c, e, 'on')),
    turn_off: each((c, e) => write(c, e, 'off')),
    toggle: each((c, e) => write(c, e, isOn(e) ? 'off' : 'on')),
    trigger: each((c, e) => write(c, e, e.state, { ...e.attributes, last_triggered: stamp(c) })),
  },
  climate: {
    set_temperature: (c) => {
      const temperature = numberIn(c.data, 'temperature', -100, 100, true)!;
      c.entities.forEach((e) => write(c, e, e.state, { ...e.attributes, temperature }));
    },
    set_hvac_mode: (c) => {
      const mode = c.data.hvac_mode;
      if (typeof mode !== 'string')
        throw new ServiceError('invalid_format', "required key not provided @ data['hvac_mode']");
      for (const entity of c.entities) {
        const modes = (entity.attributes.hvac_modes as string[] | undefined) ?? [];
        if (!modes.includes(mode)) {
          throw new ServiceError(
            'service_validation_error',
            `Validation error: HVAC mode ${mode} is not valid. Valid HVAC modes are: ${modes.join(', ')}`,
          );
        }
        write(c, entity, mode);
      }
    },
  },
  media_player: {
    media_play: each((c, e) => mediaSet(c, e, 'playing')),
    media_pause: each((c, e) => mediaSet(c, e, 'paused')),
    media_play_pause: each((c, e) => mediaSet(c, e, e.state === 'playing' ? 'paused' : 'playing')),
  },
  homeassistant: {
    turn_on: () => {},
    turn_off: () => {},
    toggle: () => {},
  },
};

/** Script entities are also services of their own: script.goodnight. */
export function findService(
  domain: string,
  service: string,
  states: StateMachine,
): Handler | undefined {
  const handler = SERVICES[domain]?.[service];
  if (handler) return handler;
  if (domain === 'script' && states.has(`script.${service}`)) {
    return (c) => runScript(c, states.get(`script.${service}`)!);
  }
  return undefined;
}

/** entity_id from service data or target: a string, a comma-separated string, a list, or "all". */
export function targetEntities(
  domain: string,
  service: string,
  data: Record<string, unknown>,
  target: Record<string, unknown> | undefined,
  states: StateMachine,
): SimState[] {
  if (domain === 'script' && !SERVICES.script![service]) return [];
  const raw = [data.entity_id, target?.entity_id].flatMap((v) =>
    v === undefined
      ? []
      : Array.isArray(v)
        ? v
        : String(v)
            .split(',')
            .map((s) => s.trim()),
  );
  const ids = raw.includes('all') ? states.all().map((s) => s.entity_id) : raw;
  return ids
    .filter((id): id is string => typeof id === 'string' && id.startsWith(`${domain}.`))
    .map((id) => states.get(id))
    .filter((s): s is SimState => s !== undefined && s.state !== 'unavailable');
}

export function serviceDescriptions(states: StateMachine): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [domain, services] of Object.entries(SERVICES)) {
    out[domain] = Object.fromEntries(
      Object.keys(services).map((s) => [
        s,
        {
          name: s.replaceAll('_', ' '),
          description: '',
          fields: {},
          target: { entity: [{ domain: [domain] }] },
        },
      ]),
    );
  }
  for (const script of states.all().filter((s) => s.entity_id.startsWith('script.'))) {
    out.script![script.entity_id.slice(7)] = {
      name: String(script.attributes.friendly_name ?? ''),
      description: '',
      fields: {},
    };
  }
  return out;
}
