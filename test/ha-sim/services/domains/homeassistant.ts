import type { EntityRegistry } from '../../entities/registry';
import { domainOf } from '../../../../src/shared/entity';
import { schema } from '../../schema';
import type { ServiceRegistry } from '../registry';
import { referencedEntities, TARGET_FIELDS, TARGET_KEYS } from '../targets';
import type { PlainService, ServiceCall } from '../types';

/**
 * `homeassistant.turn_on/turn_off/toggle`: the targets, grouped by domain, get that domain's service
 * of the same name; domains without one are skipped (Home Assistant logs a warning).
 */
export function homeassistantServices(
  registry: EntityRegistry,
  services: ServiceRegistry,
): Record<string, PlainService> {
  const forward = (service: string) => async (call: ServiceCall) => {
    const targets = Object.fromEntries(
      Object.entries(call.data).filter(([k]) => TARGET_KEYS.has(k)),
    );
    const rest = Object.fromEntries(Object.entries(call.data).filter(([k]) => !TARGET_KEYS.has(k)));
    const ref = referencedEntities(schema(TARGET_FIELDS)(targets, []), registry);
    const byDomain = new Map<string, string[]>();
    for (const id of [...ref.explicit, ...ref.indirect])
      byDomain.set(domainOf(id), [...(byDomain.get(domainOf(id)) ?? []), id]);
    for (const [domain, ids] of byDomain) {
      if (domain === 'homeassistant' || !services.find(domain, service)) continue;
      await call.callService(domain, service, { ...rest, entity_id: ids }, call.context);
    }
  };
  const plain = (name: string, service: string): PlainService => ({
    kind: 'plain',
    name,
    description: `Generic action to ${name.toLowerCase()} devices.`,
    fields: null,
    run: forward(service),
  });
  return {
    turn_on: plain('Generic turn on', 'turn_on'),
    turn_off: plain('Generic turn off', 'turn_off'),
    toggle: plain('Generic toggle', 'toggle'),
  };
}
