import { mdiBookmark } from '@mdi/js';
import { z } from 'zod';
import type { EntityState } from '../entity';
import { domainOf } from '../entity';
import type { EntityView } from '../entity-view';
import { alarmControlPanel } from './alarm-control-panel';
import { automation } from './automation';
import { binarySensor } from './binary-sensor';
import { button } from './button';
import { climate } from './climate';
import { cover } from './cover';
import { deviceTracker } from './device-tracker';
import type {
  ActionPlanResult,
  ActionSchema,
  DomainModule,
  PanelControl,
  TrayItemKind,
} from './domain';
import { planned } from './domain';
import { fan } from './fan';
import { humidifier } from './humidifier';
import { inputBoolean } from './input-boolean';
import { inputButton } from './input-button';
import { inputNumber } from './input-number';
import { light } from './light';
import { lock } from './lock';
import { mediaPlayer } from './media-player';
import { number } from './number';
import { person } from './person';
import { scene } from './scene';
import { script } from './script';
import { select } from './select';
import { sensor } from './sensor';
import { siren } from './siren';
import { sun } from './sun';
import { switchDomain } from './switch';
import { valve } from './valve';

/** Every domain HA Tray knows. A domain not listed is shown read-only with a generic icon. */
const DOMAINS = [
  alarmControlPanel,
  automation,
  binarySensor,
  button,
  climate,
  cover,
  deviceTracker,
  fan,
  humidifier,
  inputBoolean,
  inputButton,
  inputNumber,
  light,
  lock,
  mediaPlayer,
  number,
  person,
  scene,
  script,
  select,
  sensor,
  siren,
  sun,
  switchDomain,
  valve,
] as const;

type KnownDomain = (typeof DOMAINS)[number];
type ActionOf<M> = M extends DomainModule<infer S> ? z.infer<S[number]> : never;

const BY_NAME: ReadonlyMap<string, DomainModule> = new Map(
  DOMAINS.map((module): [string, DomainModule] => [module.domain, module as DomainModule]),
);

export function domainModule(domain: string): DomainModule | undefined {
  return BY_NAME.get(domain);
}

const moduleOf = (entity: Pick<EntityView, 'entity_id'>) => BY_NAME.get(domainOf(entity.entity_id));

/** Actions every controllable domain understands. */
const COMMON_ACTIONS = [
  z.object({ kind: z.literal('primary') }).strict(),
  z.object({ kind: z.literal('turn_on') }).strict(),
  z.object({ kind: z.literal('turn_off') }).strict(),
] as const;

type CommonAction = z.infer<(typeof COMMON_ACTIONS)[number]>;

/** What a user can ask of an entity, from the tray menu or the panel. */
export type EntityAction = CommonAction | ActionOf<KnownDomain>;

/** The IPC contract's schema for an action: the common ones and every domain's own. */
export const entityActionSchema: z.ZodType<EntityAction> = z.discriminatedUnion('kind', [
  ...COMMON_ACTIONS,
  ...DOMAINS.flatMap((module): readonly ActionSchema[] => module.actions ?? []),
]) as unknown as z.ZodType<EntityAction>;

export function isUnavailable(entity: Pick<EntityView, 'state'>): boolean {
  return entity.state === 'unavailable';
}

/** Neither a primary action nor actions of its own: shown, never controlled. */
export function isReadOnly(entity: Pick<EntityView, 'entity_id'>): boolean {
  const module = moduleOf(entity);
  return !module || (!module.primary && !module.onOff && (module.actions ?? []).length === 0);
}

export function trayItemKind(entity: Pick<EntityView, 'entity_id'>): TrayItemKind {
  return moduleOf(entity)?.tray ?? 'history';
}

/**
 * The panel's controls for the entity. An unavailable entity keeps them, for the panel to show
 * disabled with the reason, as Home Assistant's own cards do.
 */
export function panelControls(entity: EntityView): PanelControl[] {
  return moduleOf(entity)?.controls(entity) ?? [];
}

/** States worth suggesting in the rule editor: the domain's, else the current one. */
export function suggestedRuleStates(entity: EntityView): string[] {
  const states = moduleOf(entity)?.ruleStates;
  return states ? [...states] : [entity.state, 'unavailable'];
}

/** The SVG path of Home Assistant's default icon for the entity's domain and device class. */
export function domainIconPath(entity: EntityView): string {
  return moduleOf(entity)?.icon(entity) ?? mdiBookmark;
}

function nameOf(entity: EntityState): string {
  const name = entity.attributes.friendly_name;
  return typeof name === 'string' && name.trim() !== '' ? name : entity.entity_id;
}

const ownKinds = (module: DomainModule) =>
  new Set((module.actions ?? []).map((schema) => schema.shape.kind.value));

/**
 * The word on the entity's main button ("Unlock…", "Run"), also while it is unavailable and
 * cannot be planned; null when it has none.
 */
export function primaryLabel(entity: EntityState): string | null {
  const planned = moduleOf(entity)?.primary?.(entity, nameOf(entity));
  return planned?.ok ? planned.plan.label : null;
}

/** Turns an action on an entity into the Home Assistant service call that performs it. */
export function planAction(entity: EntityState, action: EntityAction): ActionPlanResult {
  const domain = domainOf(entity.entity_id);
  const module = BY_NAME.get(domain);
  const name = nameOf(entity);
  if (isUnavailable(entity))
    return { ok: false, error: `${name} is unavailable in Home Assistant right now.` };
  const unsupported: ActionPlanResult = { ok: false, error: `${name} does not support that.` };
  switch (action.kind) {
    case 'primary':
      return module?.primary
        ? module.primary(entity, name)
        : {
            ok: false,
            error: `${name} cannot be controlled from HA Tray; it only shows its state.`,
          };
    case 'turn_on':
    case 'turn_off':
      if (!module?.onOff) return unsupported;
      return planned(domain, action.kind, action.kind === 'turn_on' ? 'Turn on' : 'Turn off');
    default:
      if (!module?.plan || !ownKinds(module).has(action.kind)) return unsupported;
      return module.plan(entity, action, name);
  }
}
