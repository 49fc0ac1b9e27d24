import type { EntityContext } from '../../../src/shared/entity';
import type { EntityRegistry } from '../entities/registry';
import type { SimState, StateMachine } from '../entities/state-machine';
import {
  HomeAssistantError,
  InvalidArgument,
  ServiceNotFound,
  ServiceNotSupported,
} from '../errors';
import type { EventBus } from '../events';
import type { HaGeneration } from '../generation';
import { Invalid, MultipleInvalid, schema, type Field } from '../schema';
import type { MicroClock } from '../time';
import { referencedEntities, TARGET_FIELDS, TARGET_KEYS } from './targets';
import {
  supportedFeatures,
  type EntityService,
  type ServiceCall,
  type ServiceDefinition,
} from './types';

/** The services of one domain; scripts add one service per script entity, so lookups are live. */
export interface DomainProvider {
  get(service: string): ServiceDefinition | undefined;
  list(): Record<string, ServiceDefinition>;
}

export const staticDomain = (services: Record<string, ServiceDefinition>): DomainProvider => ({
  get: (service) => (Object.hasOwn(services, service) ? services[service] : undefined),
  list: () => services,
});

export interface CallRequest {
  /** Service data as the client sent it: REST passes any JSON body. */
  data?: unknown;
  target?: Record<string, unknown>;
  context: EntityContext;
  returnResponse?: boolean;
  /** Called once the service was found and its data accepted, just before it runs. */
  onStart?: (serviceData: Record<string, unknown>) => void;
}

/**
 * Home Assistant's service registry and `entity_service_call`: finds the service, validates the data
 * with its schema (voluptuous' errors), fires `call_service`, picks the target entities (available
 * ones of the service's domain; a named entity lacking a required feature is an error) and runs it.
 */
export class ServiceRegistry {
  private readonly domains = new Map<string, DomainProvider>();

  constructor(
    private readonly deps: {
      states: StateMachine;
      registry: EntityRegistry;
      bus: EventBus;
      clock: MicroClock;
      generation: HaGeneration;
    },
  ) {}

  register(domain: string, provider: DomainProvider): void {
    this.domains.set(domain, provider);
  }

  find(domain: string, service: string): ServiceDefinition | undefined {
    return this.domains.get(domain)?.get(service);
  }

  /** `get_services`: `{domain: {service: {name, description, fields, target?}}}`. */
  describe(): Record<string, Record<string, unknown>> {
    const out: Record<string, Record<string, unknown>> = {};
    for (const [domain, provider] of this.domains) {
      out[domain] = Object.fromEntries(
        Object.entries(provider.list()).map(([service, def]) => [service, describe(domain, def)]),
      );
    }
    return out;
  }

  async call(domain: string, service: string, request: CallRequest): Promise<unknown> {
    const def = this.find(domain, service);
    if (!def) throw new ServiceNotFound(domain, service);
    // `service_data or {}`: a falsy body means no data; anything else must be a dictionary.
    if (request.data && (typeof request.data !== 'object' || Array.isArray(request.data)))
      throw new MultipleInvalid([new Invalid('expected a dictionary')]);
    const serviceData = {
      ...(request.data as Record<string, unknown> | undefined),
      ...request.target,
    };
    if (request.returnResponse && !(def.kind === 'plain' && def.supportsResponse))
      throw new InvalidArgument(
        'Invalid argument return_response=True when handler does not support responses',
      );
    const data = validate(def, serviceData);
    this.deps.bus.fire(
      'call_service',
      () => ({ domain, service, service_data: serviceData }),
      request.context,
    );
    request.onStart?.(serviceData);
    if (def.kind === 'plain') {
      await def.run(this.serviceCall(domain, service, data, request.context));
      return null;
    }
    const fields = Object.fromEntries(Object.entries(data).filter(([k]) => !TARGET_KEYS.has(k)));
    const call = this.serviceCall(domain, service, fields, request.context);
    for (const entity of this.targets(domain, service, def, data)) await def.run(entity, call);
    return null;
  }

  private serviceCall(
    domain: string,
    service: string,
    data: Record<string, unknown>,
    context: EntityContext,
  ): ServiceCall {
    return {
      domain,
      service,
      data,
      context,
      states: this.deps.states,
      now: () => this.deps.clock.now(),
      callService: async (d, s, callData, callContext) => {
        await this.call(d, s, { data: callData, context: callContext });
      },
    };
  }

  private targets(
    domain: string,
    service: string,
    def: EntityService,
    data: Record<string, unknown>,
  ): SimState[] {
    const { states, registry } = this.deps;
    const ref = referencedEntities(data, registry);
    const inDomain = (id: string) => id.startsWith(`${domain}.`);
    const candidates = ref.all
      ? states.all().filter((s) => inDomain(s.entity_id))
      : [...ref.explicit, ...ref.indirect]
          .filter(inDomain)
          .map((id) => states.get(id))
          .filter((s): s is SimState => s !== undefined);
    const chosen: SimState[] = [];
    for (const entity of candidates) {
      if (entity.state === 'unavailable') continue;
      const features = supportedFeatures(entity);
      const supported =
        !def.requiredFeatures || def.requiredFeatures.some((set) => (features & set) === set);
      if (!supported) {
        if (ref.explicit.includes(entity.entity_id))
          throw this.deps.generation === '2024.1'
            ? new HomeAssistantError(`Entity ${entity.entity_id} does not support this service.`)
            : new ServiceNotSupported(domain, service, entity.entity_id);
        continue;
      }
      chosen.push(entity);
    }
    return chosen;
  }
}

function validate(def: ServiceDefinition, data: Record<string, unknown>): Record<string, unknown> {
  if (def.kind === 'plain') return def.fields === null ? data : schema(def.fields)(data, []);
  try {
    def.precheck?.(data);
  } catch (err) {
    if (err instanceof Invalid) throw new MultipleInvalid([err]);
    throw err;
  }
  return schema([...TARGET_FIELDS, ...def.fields])(data, []);
}

function describeFields(fields: readonly Field[] | null): Record<string, unknown> {
  return Object.fromEntries(
    (fields ?? []).map((f) => [
      f.key,
      f.required ? { required: true, selector: {} } : { selector: {} },
    ]),
  );
}

function describe(domain: string, def: ServiceDefinition): Record<string, unknown> {
  const description: Record<string, unknown> = {
    name: def.name,
    description: def.description,
    fields: describeFields(def.fields),
  };
  if (def.kind === 'entity') description.target = { entity: [{ domain: [domain] }] };
  if (def.kind === 'plain' && def.supportsResponse) description.response = { optional: true };
  return description;
}
