import type { Area, Device, Floor, Label, RegistryEntry } from './entities/registry';

/** A service call in a script or automation: `{service: 'light.turn_off', entity_id: [...]}`. */
export interface ServiceAction {
  service: `${string}.${string}`;
  entity_id?: string[] | 'all';
  data?: Record<string, unknown>;
}

/** What a scene sets when activated, per member entity. */
export type SceneMembers = Record<string, { state: string; attributes?: Record<string, unknown> }>;

export interface HomeEntity {
  entity_id: string;
  state: string;
  attributes: Record<string, unknown>;
  /** Entity registry details; absent for an entity made in YAML without a unique id. */
  registry?: Omit<RegistryEntry, 'entity_id'>;
}

/** A simulated home: its areas, its entities' first states, and what its scenes, scripts and automations do. */
export interface Home {
  areas: Area[];
  floors?: Floor[];
  labels?: Label[];
  devices?: Device[];
  entities: HomeEntity[];
  scenes: Record<string, SceneMembers>;
  /** Actions of each script and automation, by entity id. */
  actions: Record<string, ServiceAction[]>;
}
