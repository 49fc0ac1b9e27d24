import type { AuthStore } from './auth';
import type { SimConnection } from './connection';
import type { Area } from './home';
import type { StateMachine } from './states';

export interface RegistryEntry {
  entity_id: string;
  platform: string;
  area_id?: string;
  icon?: string;
}

export interface ServiceCall {
  domain: string;
  service: string;
  service_data: Record<string, unknown>;
  target?: unknown;
  userId: string;
}

/** What command handlers need of the simulator. */
export interface SimCore {
  readonly auth: AuthStore;
  readonly machine: StateMachine;
  readonly areas: Area[];
  readonly registry: Map<string, RegistryEntry>;
  readonly haVersion: string;
  readonly locationName: string;
  readonly port: number;
  isStarting(): boolean;
  recordServiceCall(call: ServiceCall): void;
  connections(): Iterable<SimConnection>;
}
