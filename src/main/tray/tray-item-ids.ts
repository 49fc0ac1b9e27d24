import { favouriteSchema, instanceKeySchema } from '../../shared/settings';

/** What the whole app does from the menu, whatever the instances. */
const APP_COMMANDS = [
  'panel',
  'settings',
  'pause-hour',
  'pause-tomorrow',
  'resume-notifications',
  'reconnect',
  'quit',
] as const;
/** What the menu does to one instance: alone in a menu of one instance, `rotate:<key>` with several. */
const INSTANCE_COMMANDS = ['rotate', 'open-ha'] as const;

export type AppCommand = (typeof APP_COMMANDS)[number];
export type InstanceCommand = (typeof INSTANCE_COMMANDS)[number];
/** The plain ids of a menu of one instance. */
export type TrayCommand = AppCommand | InstanceCommand;

/** A clicked menu item, read back from its id. */
export type TrayClick =
  | { kind: 'app'; command: AppCommand }
  /** `instance` null: the menu had one instance, and the command is about it. */
  | { kind: 'instance'; command: InstanceCommand; instance: string | null }
  | { kind: 'favourite'; instance: string; entityId: string };

const FAVOURITE = 'fav';

/** A favourite's item: the instance it is from and its entity (`fav:<key>:<entityId>`). */
export const favouriteItemId = (instance: string, entityId: string): string =>
  `${FAVOURITE}:${instance}:${entityId}`;

/**
 * An instance's status line, which cannot be clicked: plain `status` in a menu of one instance,
 * `status:<key>` as a group's header with several.
 */
export const statusItemId = (instance: string | null): string =>
  instance === null ? 'status' : `status:${instance}`;

/** A floor's header among an instance's favourites, which cannot be clicked. */
export const floorHeaderItemId = (instance: string, groupKey: string): string =>
  `group:${instance}:${groupKey}`;

/** An instance command's item: keyed only where the menu has several instances. */
export const instanceItemId = (command: InstanceCommand, instance: string | null): string =>
  instance === null ? command : `${command}:${instance}`;

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);
const isKey = (value: string) => instanceKeySchema.safeParse(value).success;

/**
 * The one reading of a menu item's id. The menu only holds ids made above, so anything else (an
 * unknown command, a malformed key or entity id) is a stale or foreign id: null, and nothing runs.
 */
export function parseTrayItemId(id: string): TrayClick | null {
  if (isOneOf(APP_COMMANDS, id)) return { kind: 'app', command: id };
  if (isOneOf(INSTANCE_COMMANDS, id)) return { kind: 'instance', command: id, instance: null };
  const [head, instance, ...rest] = id.split(':');
  if (instance === undefined || !isKey(instance)) return null;
  if (head === FAVOURITE) {
    const entityId = rest.join(':');
    return favouriteSchema.shape.entityId.safeParse(entityId).success
      ? { kind: 'favourite', instance, entityId }
      : null;
  }
  if (head !== undefined && isOneOf(INSTANCE_COMMANDS, head) && rest.length === 0)
    return { kind: 'instance', command: head, instance };
  return null;
}
