import { isDeepStrictEqual } from 'node:util';
import type { EntityContext } from '../../../src/shared/entity';
import { epochSeconds } from '../time';
import type { CompressedState } from './serialise';
import type { SimState } from './state-machine';

/** One entity's entry in a `subscribe_entities` `c` event. */
export interface StateDiff {
  '+': Partial<Omit<CompressedState, 'c'>> & { c?: string | Partial<EntityContext> };
  '-'?: { a: string[] };
}

/**
 * `_state_diff` from homeassistant/components/websocket_api/messages.py, rule for rule: `lc` when
 * last_changed moved, else `lu`; context as a partial object when parent or user changed, else the
 * bare id; `a` has the attributes whose value differs (a new attribute whose value is null does not
 * count, as `dict.get` returns None for both); `-` lists removed attribute names.
 */
export function stateDiff(old: SimState, next: SimState): StateDiff {
  const additions: StateDiff['+'] = {};
  const diff: StateDiff = { '+': additions };
  if (old.state !== next.state) additions.s = next.state;
  if (old.lastChanged !== next.lastChanged) additions.lc = epochSeconds(next.lastChanged);
  else if (old.lastUpdated !== next.lastUpdated) additions.lu = epochSeconds(next.lastUpdated);

  let context: Partial<EntityContext> | undefined;
  if (old.context.parent_id !== next.context.parent_id)
    context = { parent_id: next.context.parent_id };
  if (old.context.user_id !== next.context.user_id)
    context = { ...context, user_id: next.context.user_id };
  if (old.context.id !== next.context.id) {
    if (context) context.id = next.context.id;
    else additions.c = next.context.id;
  }
  if (context) additions.c = context;

  if (!isDeepStrictEqual(old.attributes, next.attributes)) {
    const changed: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(next.attributes)) {
      if (!isDeepStrictEqual(old.attributes[key] ?? null, value)) changed[key] = value;
    }
    if (Object.keys(changed).length > 0) additions.a = changed;
    const removed = Object.keys(old.attributes).filter((key) => !(key in next.attributes));
    if (removed.length > 0) diff['-'] = { a: removed };
  }
  return diff;
}
