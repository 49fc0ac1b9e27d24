import type { EntityContext } from '../../../../src/shared/entity';
import type { ServiceAction } from '../../home-types';
import type { ServiceCall } from '../types';

/** Runs a script's or automation's actions one after the other, as service calls in `context`. */
export async function runActions(
  call: ServiceCall,
  actions: readonly ServiceAction[],
  context: EntityContext,
): Promise<void> {
  for (const action of actions) {
    const [domain, service] = action.service.split('.') as [string, string];
    const target = action.entity_id === undefined ? {} : { entity_id: action.entity_id };
    await call.callService(domain, service, { ...action.data, ...target }, context);
  }
}
