/** An area of the area registry, as `config/area_registry/list` gives it in HA 2024.1. */
export interface Area {
  area_id: string;
  name: string;
}

/** What the entity registry knows of an entity, beyond its state. */
export interface RegistryEntry {
  entity_id: string;
  platform: string;
  area_id?: string;
  device_id?: string;
  entity_category?: 'config' | 'diagnostic';
  hidden?: boolean;
  /** The entity's own name when it has `has_entity_name` (`en`). */
  name?: string;
}

const CATEGORIES = ['config', 'diagnostic'] as const;

/**
 * The entity and area registries. Entities made in YAML without a unique id have a state but no
 * registry entry, as in Home Assistant, so clients must cope with states the registry lacks.
 */
export class EntityRegistry {
  private readonly entries = new Map<string, RegistryEntry>();

  constructor(readonly areas: readonly Area[]) {}

  add(entry: RegistryEntry): void {
    this.entries.set(entry.entity_id, { ...entry });
  }

  has(entityId: string): boolean {
    return this.entries.has(entityId);
  }

  remove(entityId: string): void {
    this.entries.delete(entityId);
  }

  entitiesInArea(areaId: string): string[] {
    return [...this.entries.values()].filter((e) => e.area_id === areaId).map((e) => e.entity_id);
  }

  /**
   * `config/entity_registry/list_for_display` (registry `_as_display_dict` of 2024.1: no `ic`,
   * `hn` or `lb` yet, those came in later releases).
   */
  listForDisplay(): {
    entity_categories: Record<string, string>;
    entities: Record<string, unknown>[];
  } {
    return {
      entity_categories: Object.fromEntries(CATEGORIES.map((c, i) => [String(i), c])),
      entities: [...this.entries.values()].map((e) => {
        const display: Record<string, unknown> = { ei: e.entity_id, pl: e.platform };
        if (e.area_id !== undefined) display.ai = e.area_id;
        if (e.device_id !== undefined) display.di = e.device_id;
        if (e.entity_category !== undefined) display.ec = CATEGORIES.indexOf(e.entity_category);
        if (e.hidden) display.hb = true;
        if (e.name !== undefined) display.en = e.name;
        return display;
      }),
    };
  }

  /** `config/area_registry/list`. */
  listAreas(): Record<string, unknown>[] {
    return this.areas.map((a) => ({
      aliases: [],
      area_id: a.area_id,
      name: a.name,
      picture: null,
    }));
  }
}
