import { z } from 'zod';
import type { EntityState } from './entity';
import { domainOf } from './entity';

/** What a user can ask of an entity, from the tray menu or the panel. */
export const entityActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('primary') }).strict(),
  z.object({ kind: z.literal('turn_on') }).strict(),
  z.object({ kind: z.literal('turn_off') }).strict(),
  z
    .object({ kind: z.literal('set_brightness'), percent: z.number().int().min(0).max(100) })
    .strict(),
  z
    .object({ kind: z.literal('set_position'), position: z.number().int().min(0).max(100) })
    .strict(),
  z.object({ kind: z.literal('stop') }).strict(),
  z
    .object({ kind: z.literal('set_temperature'), temperature: z.number().min(-50).max(100) })
    .strict(),
  z.object({ kind: z.literal('set_hvac_mode'), mode: z.string().min(1).max(40) }).strict(),
  z.object({ kind: z.literal('play_pause') }).strict(),
]);
export type EntityAction = z.infer<typeof entityActionSchema>;

/** A service call the action turns into, with the question to ask first where one is needed. */
export interface ActionPlan {
  domain: string;
  service: string;
  data: Record<string, unknown>;
  /** Short label for menus: "Turn on", "Unlock…". */
  label: string;
  /** Set for actions with consequences (unlocking a door, opening a garage): ask this first. */
  confirm?: string;
}

export type ActionPlanResult = { ok: true; plan: ActionPlan } | { ok: false; error: string };

/** How each domain behaves on a click. Domains not listed are read-only. */
export type PrimaryKind = 'toggle' | 'cover' | 'lock' | 'run' | 'press' | 'play_pause';

const PRIMARY: Record<string, PrimaryKind> = {
  light: 'toggle',
  switch: 'toggle',
  fan: 'toggle',
  input_boolean: 'toggle',
  automation: 'toggle',
  siren: 'toggle',
  humidifier: 'toggle',
  cover: 'cover',
  lock: 'lock',
  scene: 'run',
  script: 'run',
  button: 'press',
  input_button: 'press',
  media_player: 'play_pause',
};

/** Domains whose primary action shows as an on/off checkbox. */
export const ON_OFF_DOMAINS = new Set(Object.keys(PRIMARY).filter((d) => PRIMARY[d] === 'toggle'));

/** Covers that let people in: opening one asks first. */
const ENTRANCE_COVERS = new Set(['garage', 'gate', 'door']);

export function primaryKind(domain: string): PrimaryKind | undefined {
  return PRIMARY[domain];
}

export function isReadOnly(entity: EntityState): boolean {
  return (
    primaryKind(domainOf(entity.entity_id)) === undefined &&
    domainOf(entity.entity_id) !== 'climate'
  );
}

export function isUnavailable(entity: EntityState): boolean {
  return entity.state === 'unavailable';
}

function nameOf(entity: EntityState): string {
  const name = entity.attributes.friendly_name;
  return typeof name === 'string' && name.trim() !== '' ? name : entity.entity_id;
}

const plan = (
  domain: string,
  service: string,
  label: string,
  data: Record<string, unknown> = {},
  confirm?: string,
): ActionPlanResult => ({
  ok: true,
  plan: { domain, service, data, label, ...(confirm ? { confirm } : {}) },
});

function primary(entity: EntityState, domain: string): ActionPlanResult {
  const name = nameOf(entity);
  switch (PRIMARY[domain]) {
    case 'toggle':
      // The explicit service, not `toggle`: the click means what the user saw in the menu.
      return entity.state === 'on'
        ? plan(domain, 'turn_off', 'Turn off')
        : plan(domain, 'turn_on', 'Turn on');
    case 'cover': {
      if (entity.state === 'open' || entity.state === 'opening')
        return plan(domain, 'close_cover', 'Close');
      const entrance = ENTRANCE_COVERS.has(String(entity.attributes.device_class));
      return plan(
        domain,
        'open_cover',
        entrance ? 'Open…' : 'Open',
        {},
        entrance ? `Open ${name}?` : undefined,
      );
    }
    case 'lock':
      return entity.state === 'locked'
        ? plan(domain, 'unlock', 'Unlock…', {}, `Unlock ${name}?`)
        : plan(domain, 'lock', 'Lock');
    case 'run':
      return plan(domain, 'turn_on', domain === 'scene' ? 'Activate' : 'Run');
    case 'press':
      return plan(domain, 'press', 'Press');
    case 'play_pause':
      return plan(domain, 'media_play_pause', entity.state === 'playing' ? 'Pause' : 'Play');
    default:
      return {
        ok: false,
        error: `${name} cannot be controlled from HA Tray; it only shows its state.`,
      };
  }
}

/** Turns an action on an entity into the Home Assistant service call that performs it. */
export function planAction(entity: EntityState, action: EntityAction): ActionPlanResult {
  const domain = domainOf(entity.entity_id);
  const name = nameOf(entity);
  if (isUnavailable(entity))
    return { ok: false, error: `${name} is unavailable in Home Assistant right now.` };
  const unsupported: ActionPlanResult = { ok: false, error: `${name} does not support that.` };
  switch (action.kind) {
    case 'primary':
      return primary(entity, domain);
    case 'turn_on':
    case 'turn_off':
      if (PRIMARY[domain] !== 'toggle') return unsupported;
      return plan(domain, action.kind, action.kind === 'turn_on' ? 'Turn on' : 'Turn off');
    case 'set_brightness':
      if (domain !== 'light') return unsupported;
      return action.percent === 0
        ? plan(domain, 'turn_off', 'Turn off')
        : plan(domain, 'turn_on', `Brightness ${action.percent}%`, {
            brightness_pct: action.percent,
          });
    case 'set_position': {
      if (domain !== 'cover') return unsupported;
      const entrance =
        ENTRANCE_COVERS.has(String(entity.attributes.device_class)) &&
        action.position > 0 &&
        entity.state === 'closed';
      return plan(
        domain,
        'set_cover_position',
        `Position ${action.position}%`,
        { position: action.position },
        entrance ? `Open ${name}?` : undefined,
      );
    }
    case 'stop':
      return domain === 'cover' ? plan(domain, 'stop_cover', 'Stop') : unsupported;
    case 'set_temperature':
      return domain === 'climate'
        ? plan(domain, 'set_temperature', `${action.temperature}°`, {
            temperature: action.temperature,
          })
        : unsupported;
    case 'set_hvac_mode': {
      if (domain !== 'climate') return unsupported;
      const modes = Array.isArray(entity.attributes.hvac_modes)
        ? (entity.attributes.hvac_modes as unknown[])
        : [];
      if (!modes.includes(action.mode))
        return { ok: false, error: `${name} has no mode "${action.mode}".` };
      return plan(domain, 'set_hvac_mode', action.mode, { hvac_mode: action.mode });
    }
    case 'play_pause':
      return domain === 'media_player'
        ? plan(domain, 'media_play_pause', entity.state === 'playing' ? 'Pause' : 'Play')
        : unsupported;
  }
}
