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

/** Tells the event bus a registry changed: `<registry>_registry_updated` with its data. */
export type RegistryEvents = (eventType: string, data: Record<string, unknown>) => void;

/** The changes tests make to the registries (`sim.registries`). */
export type RegistryEdits = Pick<
  EntityRegistry,
  | 'updateArea'
  | 'updateFloor'
  | 'reorderFloors'
  | 'reorderAreas'
  | 'updateLabel'
  | 'updateEntity'
  | 'updateDevice'
>;

/** `created_at` / `modified_at` of registry entries made before any client connects. */
const REGISTRY_CREATED_AT = 1_700_000_000.0;

/**
 * The entity, area, device, floor and label registries. Entities made in YAML without a unique id
 * have a state but no registry entry, as in Home Assistant, so clients must cope with states the
 * registry lacks. Shapes follow each generation (see the README).
 */
export class EntityRegistry {
  private readonly entries = new Map<string, RegistryEntry>();
  private areas: Area[];
  private floors: Floor[];
  private readonly labels: Label[];
  private readonly devices: Device[];

  constructor(
    contents: RegistryContents,
    private readonly generation: HaGeneration = '2024.1',
    private readonly fire: RegistryEvents = () => undefined,
  ) {
    this.areas = contents.areas.map((a) => ({ ...a }));
    this.floors = (contents.floors ?? []).map((f) => ({ ...f }));
    this.labels = (contents.labels ?? []).map((l) => ({ ...l }));
    this.devices = (contents.devices ?? []).map((d) => ({ ...d }));
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

  // ---- changes, as an administrator makes them in Settings (each fires what Home Assistant fires)

  /**
   * Renames an area or moves it to another floor (`null`: none; floors are 2026.2's). Both
   * releases fire `{action: 'update', area_id}` even when nothing changed
   * (helpers/area_registry.py `AreaRegistry.async_update`).
   */
  updateArea(areaId: string, changes: { name?: string; floor_id?: string | null }): void {
    const area = this.find(this.areas, (a) => a.area_id === areaId, 'area', areaId);
    if (changes.floor_id !== undefined) {
      this.requireFloors();
      if (changes.floor_id === null) delete area.floor_id;
      else
        area.floor_id = this.find(
          this.floors,
          (f) => f.floor_id === changes.floor_id,
          'floor',
          changes.floor_id,
        ).floor_id;
    }
    if (changes.name !== undefined) area.name = changes.name;
    this.fire('area_registry_updated', { action: 'update', area_id: areaId });
  }

  /**
   * Renames a floor or changes its level (2026.2): `{action: 'update', floor_id}` when something
   * changed (helpers/floor_registry.py `FloorRegistry.async_update`).
   */
  updateFloor(floorId: string, changes: { name?: string; level?: number | null }): void {
    this.requireFloors();
    const floor = this.find(this.floors, (f) => f.floor_id === floorId, 'floor', floorId);
    const updated = { ...floor, ...changes };
    if (updated.name === floor.name && updated.level === floor.level) return;
    Object.assign(floor, updated);
    this.fire('floor_registry_updated', { action: 'update', floor_id: floorId });
  }

  /** The user's order of floors (2025.12 on): `{action: 'reorder'}` (`FloorRegistry.async_reorder`). */
  reorderFloors(floorIds: readonly string[]): void {
    this.requireFloors();
    this.floors = this.reordered(this.floors, (f) => f.floor_id, floorIds);
    this.fire('floor_registry_updated', { action: 'reorder' });
  }

  /** The user's order of areas (2025.12 on): `{action: 'reorder', area_id: null}`. */
  reorderAreas(areaIds: readonly string[]): void {
    this.requireFloors();
    this.areas = this.reordered(this.areas, (a) => a.area_id, areaIds);
    this.fire('area_registry_updated', { action: 'reorder', area_id: null });
  }

  /** Renames a label (2026.2): `{action: 'update', label_id}` (`LabelRegistry.async_update`). */
  updateLabel(labelId: string, changes: { name: string }): void {
    this.requireFloors();
    const label = this.find(this.labels, (l) => l.label_id === labelId, 'label', labelId);
    if (label.name === changes.name) return;
    label.name = changes.name;
    this.fire('label_registry_updated', { action: 'update', label_id: labelId });
  }

  /**
   * Moves an entity to another area (`null`: none, then it is in its device's):
   * `{action: 'update', entity_id, changes: {area_id: <the old one>}}` when it moved
   * (helpers/entity_registry.py `EntityRegistry._async_update_entity`).
   */
  updateEntity(entityId: string, changes: { area_id: string | null }): void {
    const entry = this.entries.get(entityId);
    if (!entry) throw new Error(`${entityId} is not in the entity registry`);
    const old = entry.area_id ?? null;
    if (old === changes.area_id) return;
    if (changes.area_id === null) delete entry.area_id;
    else entry.area_id = changes.area_id;
    this.fire('entity_registry_updated', {
      action: 'update',
      entity_id: entityId,
      changes: { area_id: old },
    });
  }

  /**
   * Moves a device to another area: `{action: 'update', device_id, changes: {area_id: <the old
   * one>}}` when it moved (helpers/device_registry.py `DeviceRegistry.async_update_device`).
   */
  updateDevice(deviceId: string, changes: { area_id: string | null }): void {
    const device = this.find(this.devices, (d) => d.id === deviceId, 'device', deviceId);
    if (device.area_id === changes.area_id) return;
    const old = device.area_id;
    device.area_id = changes.area_id;
    this.fire('device_registry_updated', {
      action: 'update',
      device_id: deviceId,
      changes: { area_id: old },
    });
  }

  private find<E>(entries: E[], match: (entry: E) => boolean, kind: string, id: string): E {
    const entry = entries.find(match);
    if (!entry) throw new Error(`There is no ${kind} ${id}`);
    return entry;
  }

  private reordered<E>(entries: E[], idOf: (entry: E) => string, ids: readonly string[]): E[] {
    if (ids.length !== entries.length || !entries.every((e) => ids.includes(idOf(e))))
      throw new Error('The new order must name every entry exactly once');
    return ids.map((id) => entries.find((e) => idOf(e) === id)!);
  }

  /** Floors, labels and the user's order exist in the 2026.2 simulator only. */
  private requireFloors(): void {
    if (this.generation === '2024.1')
      throw new Error('Home Assistant 2024.1 has no floors, labels or user order of areas');
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
