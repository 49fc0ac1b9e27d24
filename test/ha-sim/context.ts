import type { EntityContext } from '../../src/shared/entity';
import { ulid } from './ids';

/** A new `Context`, as Home Assistant creates one per service call, event or user action. */
export function newContext(
  userId: string | null = null,
  parentId: string | null = null,
): EntityContext {
  return { id: ulid(), parent_id: parentId, user_id: userId };
}
