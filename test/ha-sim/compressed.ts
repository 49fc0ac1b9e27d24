import type { EntityContext } from '../../src/shared/entity';
import type { SimState } from './states';

/**
 * The compressed formats of `subscribe_entities`, as Home Assistant builds them
 * (homeassistant/components/websocket_api/messages.py: _state_diff, compressed_state_dict_add).
 */
export interface CompressedState {
  s: string;
  a: Record<string, unknown>;
  c: string | EntityContext;
  lc: number;
  lu?: number;
}

export interface StateDiff {
  '+': Partial<Omit<CompressedState, 'c'>> & { c?: string | Partial<EntityContext> };
  '-'?: { a: string[] };
}

const seconds = (ms: number) => ms / 1000;

function compressContext(context: EntityContext): string | EntityContext {
  return context.parent_id === null && context.user_id === null ? context.id : { ...context };
}

export function compressState(state: SimState): CompressedState {
  const compressed: CompressedState = {
    s: state.state,
    a: state.attributes,
    c: compressContext(state.context),
    lc: seconds(state.lastChanged),
  };
  if (state.lastUpdated !== state.lastChanged) compressed.lu = seconds(state.lastUpdated);
  return compressed;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function diffStates(old: SimState, next: SimState): StateDiff {
  const additions: StateDiff['+'] = {};
  const diff: StateDiff = { '+': additions };
  if (old.state !== next.state) additions.s = next.state;
  if (old.lastChanged !== next.lastChanged) additions.lc = seconds(next.lastChanged);
  else if (old.lastUpdated !== next.lastUpdated) additions.lu = seconds(next.lastUpdated);

  const oc = old.context;
  const nc = next.context;
  let context: Partial<EntityContext> | undefined;
  if (oc.parent_id !== nc.parent_id) context = { parent_id: nc.parent_id };
  if (oc.user_id !== nc.user_id) context = { ...context, user_id: nc.user_id };
  if (oc.id !== nc.id) additions.c = context ? { ...context, id: nc.id } : nc.id;
  else if (context) additions.c = context;

  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next.attributes)) {
    if (!(key in old.attributes) || !sameValue(old.attributes[key], value)) changed[key] = value;
  }
  if (Object.keys(changed).length > 0) additions.a = changed;
  const removed = Object.keys(old.attributes).filter((key) => !(key in next.attributes));
  if (removed.length > 0) diff['-'] = { a: removed };
  return diff;
}
