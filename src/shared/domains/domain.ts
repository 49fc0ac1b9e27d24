import type { z } from 'zod';
import type { EntityState } from '../entity';
import type { EntityView } from '../entity-view';

/** A service call an action turns into, with the question to ask first where one is needed. */
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

/**
 * How a favourite shows in the tray menu and what a click on it does:
 * `switch` a checkbox that toggles; `run` "▶ Name", a click runs it; `primary` "Name – State
 * (Action)", a click runs the primary action; `panel` "Name – State", a click opens the panel
 * (controls that do not fit a menu); `history` "Name – State", a click opens its history.
 */
export type TrayItemKind = 'switch' | 'run' | 'primary' | 'panel' | 'history';

/** What setting a control to a value does: the action to run, and how the row looks meanwhile. */
export interface ControlChange {
  action: { kind: string } & Record<string, unknown>;
  /** The optimistic look until Home Assistant reports the entity again. */
  patch: Partial<Pick<EntityView, 'state' | 'attributes'>>;
}

/**
 * A control in the panel. Shared code describes it; the renderer maps each kind to its React
 * component (see src/renderer/panel/FavouriteRow.tsx). A slider or a list of options carries
 * its value and what setting it does, so a domain that needs one adds no renderer code.
 */
export type PanelControl =
  | { kind: 'switch' }
  | { kind: 'primary_button' }
  | { kind: 'temperature' }
  | {
      kind: 'slider';
      /** "brightness": the control is labelled "Kitchen lights brightness". */
      label: string;
      min: number;
      max: number;
      value: number;
      /** The value's unit, as Intl names it: every slider so far is a percentage. */
      unit: 'percent';
      set(value: number): ControlChange;
    }
  | {
      kind: 'options';
      label: string;
      options: readonly string[];
      value: string;
      set(option: string): ControlChange;
    };

/** The facts about an entity that decide how its states read in a notification. */
export interface EntityFacts {
  domain: string;
  deviceClass: string | undefined;
  unit: string | undefined;
  name: string;
}

/** The schema of one action a domain adds: an object with a literal `kind`. */
export type ActionSchema = z.ZodObject<{ kind: z.ZodLiteral<string> } & z.ZodRawShape>;

/**
 * Everything HA Tray knows about one Home Assistant domain. One file per domain under
 * src/shared/domains/, listed once in registry.ts; see docs/architecture.md ("Add fan speed").
 * `S` are the schemas of the domain's own actions (beyond primary and turn_on/turn_off).
 */
export interface DomainModule<S extends readonly ActionSchema[] = readonly ActionSchema[]> {
  readonly domain: string;
  readonly tray: TrayItemKind;
  /** turn_on / turn_off are its services, and the primary action toggles. */
  readonly onOff?: boolean;
  /** What a click means; absent for domains without one (read-only, or controlled in the panel). */
  primary?(entity: EntityState, name: string): ActionPlanResult;
  /** The schemas of the domain's own actions: the IPC contract accepts exactly these. */
  readonly actions?: S;
  /** Turns one of the domain's own actions into a service call. */
  plan?(entity: EntityState, action: z.infer<S[number]>, name: string): ActionPlanResult;
  /** The panel's controls for the entity, in order. */
  controls(entity: EntityView): PanelControl[];
  /**
   * Home Assistant's English word for a state, as its UI shows it ("Locked", "Heat/Cool",
   * "Detected"); undefined to fall back to the common words or the raw state. Notifications use
   * the same word in lower case.
   */
  stateWord?(state: string, deviceClass: string | undefined): string | undefined;
  /** The state as the panel shows it when words are not enough ("Heat 21 °C", "Last pressed …"). */
  stateText?(entity: EntityView): string | undefined;
  /**
   * The unit of one of the entity's attributes, for notifications on it ("current temperature is
   * 80 °F"); Home Assistant's states give attributes no unit.
   */
  attributeUnit?(entity: EntityView, attribute: string): string | undefined;
  /** Home Assistant's English names of attributes whose key says it badly ("Target temperature"). */
  readonly attributeNames?: Readonly<Record<string, string>>;
  /**
   * The notification headline for a change, when the domain has a better one than "X changed to
   * Y". `words.state` is the new state as a sentence word, `words.note` " (above 25 °C)" or "".
   */
  headline?(
    facts: EntityFacts,
    oldState: string,
    state: string,
    words: { state: string; note: string },
  ): string | undefined;
  /** States worth suggesting in the rule editor. */
  readonly ruleStates?: readonly string[];
  /** The SVG path of Home Assistant's default icon for the entity (from @mdi/js). */
  icon(entity: EntityView): string;
}

/** Keeps the action type of a domain module while checking its shape. */
export function defineDomain<const S extends readonly ActionSchema[] = []>(
  module: DomainModule<S>,
): DomainModule<S> {
  return module;
}

export const planned = (
  domain: string,
  service: string,
  label: string,
  data: Record<string, unknown> = {},
  confirm?: string,
): ActionPlanResult => ({
  ok: true,
  plan: { domain, service, data, label, ...(confirm ? { confirm } : {}) },
});
