import type { HaGeneration } from '../generation';

/** An area of the area registry; `floor_id` is shown from 2024.4 on. */
export interface Area {
  area_id: string;
  name: string;
  floor_id?: string;
  /** 2026.2 shows it; onboarding gives the areas it creates one. */
  icon?: string;
}

/** A floor (floor registry, 2024.4 on). */
export interface Floor {
  floor_id: string;
  name: string;
  level: number | null;
  icon: string | null;
}

/** A label (label registry, 2024.4 on). */
export interface Label {
  label_id: string;
  name: string;
  color: string | null;
  icon: string | null;
  description: string | null;
}

/** A device of the device registry; its entities without an area of their own are in its area. */
export interface Device {
  id: string;
  name: string;
  area_id: string | null;
  manufacturer: string | null;
  model: string | null;
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
  /** The name its integration gives it (2026.2 shows it as `en` too). */
  original_name?: string;
  /** An icon chosen in the entity settings (`ic` in 2026.2). */
  icon?: string;
  labels?: string[];
}

export interface RegistryContents {
  areas: readonly Area[];
  floors?: readonly Floor[];
  labels?: readonly Label[];
  devices?: readonly Device[];
}

const CATEGORIES = ['config', 'diagnostic'] as const;

/** `created_at` / `modified_at` of registry entries made before any client connects. */
const REGISTRY_CREATED_AT = 1_700_000_000.0;

/**
 * The entity, area, device, floor and label registries. Entities made in YAML without a unique id
 * have a state but no registry entry, as in Home Assistant, so clients must cope with states the
 * registry lacks. Shapes follow each generation (see the README).
 */
export class EntityRegistry {
  private readonly entries = new Map<string, RegistryEntry>();
  readonly areas: readonly Area[];
  private readonly floors: readonly Floor[];
  private readonly labels: readonly Label[];
  private readonly devices: readonly Device[];

  constructor(
    contents: RegistryContents,
    private readonly generation: HaGeneration = '2024.1',
  ) {
    this.areas = contents.areas;
    this.floors = contents.floors ?? [];
    this.labels = contents.labels ?? [];
    this.devices = contents.devices ?? [];
  }

  add(entry: RegistryEntry): void {
    this.entries.set(entry.entity_id, { ...entry });
  }

  has(entityId: string): boolean {
    return this.entries.has(entityId);
  }

  remove(entityId: string): void {
    this.entries.delete(entityId);
  }

  /** Entities in the area, also through their device (as `async_extract_referenced_entity_ids`). */
  entitiesInArea(areaId: string): string[] {
    const deviceArea = new Map(this.devices.map((d) => [d.id, d.area_id]));
    return [...this.entries.values()]
      .filter(
        (e) =>
          e.area_id === areaId ||
          (e.area_id === undefined &&
            e.device_id !== undefined &&
            deviceArea.get(e.device_id) === areaId),
      )
      .map((e) => e.entity_id);
  }

  /**
   * `config/entity_registry/list_for_display`, `RegistryEntry._as_display_dict` in
   * helpers/entity_registry.py. 2024.1: `ai`, `di`, `ec`, `hb`, and `en` only for an entity with
   * `has_entity_name`. 2026.2 adds `lb` (always, a list), `ic` (the chosen icon), `hn`, and `en`
   * from the name or the original name of every entity.
   */
  listForDisplay(): {
    entity_categories: Record<string, string>;
    entities: Record<string, unknown>[];
  } {
    const newer = this.generation !== '2024.1';
    return {
      entity_categories: Object.fromEntries(CATEGORIES.map((c, i) => [String(i), c])),
      entities: [...this.entries.values()].map((e) => {
        const display: Record<string, unknown> = { ei: e.entity_id, pl: e.platform };
        if (e.area_id !== undefined) display.ai = e.area_id;
        if (newer) display.lb = [...(e.labels ?? [])];
        if (e.device_id !== undefined) display.di = e.device_id;
        if (newer && e.icon !== undefined) display.ic = e.icon;
        if (e.entity_category !== undefined) display.ec = CATEGORIES.indexOf(e.entity_category);
        if (e.hidden) display.hb = true;
        if (newer) {
          if (e.name !== undefined) display.hn = true;
          const name = e.name ?? e.original_name;
          if (name !== undefined) display.en = name;
        } else if (e.name !== undefined) display.en = e.name;
        return display;
      }),
    };
  }

  /**
   * `config/area_registry/list`: 2024.1 `{aliases, area_id, name, picture}`; 2026.2
   * `AreaEntry.json_fragment` (helpers/area_registry.py) adds floor, icon, labels, the
   * temperature and humidity entities and the creation times.
   */
  listAreas(): Record<string, unknown>[] {
    if (this.generation === '2024.1')
      return this.areas.map((a) => ({
        aliases: [],
        area_id: a.area_id,
        name: a.name,
        picture: null,
      }));
    return this.areas.map((a) => ({
      aliases: [],
      area_id: a.area_id,
      floor_id: a.floor_id ?? null,
      humidity_entity_id: null,
      icon: a.icon ?? null,
      labels: [],
      name: a.name,
      picture: null,
      temperature_entity_id: null,
      created_at: REGISTRY_CREATED_AT,
      modified_at: REGISTRY_CREATED_AT,
    }));
  }

  /** `config/floor_registry/list` (2026.2, `_entry_dict` in components/config/floor_registry.py). */
  listFloors(): Record<string, unknown>[] {
    return this.floors.map((f) => ({
      aliases: [],
      created_at: REGISTRY_CREATED_AT,
      floor_id: f.floor_id,
      icon: f.icon,
      level: f.level,
      name: f.name,
      modified_at: REGISTRY_CREATED_AT,
    }));
  }

  /** `config/label_registry/list` (2026.2, `_entry_dict` in components/config/label_registry.py). */
  listLabels(): Record<string, unknown>[] {
    return this.labels.map((l) => ({
      color: l.color,
      created_at: REGISTRY_CREATED_AT,
      description: l.description,
      icon: l.icon,
      label_id: l.label_id,
      name: l.name,
      modified_at: REGISTRY_CREATED_AT,
    }));
  }

  /** `config/device_registry/list`: `DeviceEntry.dict_repr` (helpers/device_registry.py) of each generation. */
  listDevices(): Record<string, unknown>[] {
    return this.devices.map((d) => {
      const entryId = `entry_${d.id}`;
      if (this.generation === '2024.1')
        return {
          area_id: d.area_id,
          configuration_url: null,
          config_entries: [entryId],
          connections: [],
          disabled_by: null,
          entry_type: null,
          hw_version: null,
          id: d.id,
          identifiers: [['sim', d.id]],
          manufacturer: d.manufacturer,
          model: d.model,
          name_by_user: null,
          name: d.name,
          serial_number: null,
          sw_version: null,
          via_device_id: null,
        };
      return {
        area_id: d.area_id,
        configuration_url: null,
        config_entries: [entryId],
        config_entries_subentries: { [entryId]: [null] },
        connections: [],
        created_at: REGISTRY_CREATED_AT,
        disabled_by: null,
        entry_type: null,
        hw_version: null,
        id: d.id,
        identifiers: [['sim', d.id]],
        labels: [],
        manufacturer: d.manufacturer,
        model: d.model,
        model_id: null,
        modified_at: REGISTRY_CREATED_AT,
        name_by_user: null,
        name: d.name,
        primary_config_entry: entryId,
        serial_number: null,
        sw_version: null,
        via_device_id: null,
      };
    });
  }
}
