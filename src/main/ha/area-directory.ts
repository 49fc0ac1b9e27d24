import { Emitter } from '../../shared/emitter';
import type { EntityPlace } from '../../shared/entity-view';
import { logListenerError } from '../log/listener-errors';
import type { Logger } from '../log/logger';
import { readFloorsAndLabels } from './floor-label-registry';
import { areaOrder } from './registry-order';

interface RegistryDisplay {
  /** `lb`: label ids, 2024.4 on. */
  entities?: Array<{ ei?: string; ai?: string; di?: string; lb?: string[] }>;
}

interface DeviceEntry {
  id: string;
  area_id?: string | null;
}

interface AreaEntry {
  area_id: string;
  name: string;
  /** 2024.4 on. */
  floor_id?: string | null;
}

/**
 * Which area (and floor) each entity is in and its labels, from Home Assistant's registries, so
 * pickers can search by them and the panel can group by floor. Read on every connect and again
 * whenever a registry changes (src/main/ha/registry-follower.ts); a user who may not read the
 * registries simply sees no areas, and a Home Assistant before 2024.4 no floors or labels.
 */
export class AreaDirectory {
  private byEntity = new Map<string, EntityPlace>();
  /** Reads started so far: only the latest may set the places, however the answers interleave. */
  private reads = 0;
  private readonly changes: Emitter<void>;

  constructor(private readonly logger: Logger) {
    this.changes = new Emitter(logListenerError(logger, 'the areas'));
  }

  /** Whenever an entity's place changed. */
  onChange(listener: () => void): () => void {
    return this.changes.on(listener);
  }

  placeOf(entityId: string): EntityPlace | undefined {
    return this.byEntity.get(entityId);
  }

  /**
   * `haVersion`: the `ha_version` of `auth_ok`, which says whether floors and labels exist.
   * Resolves to whether any entity's place changed; a failed or overtaken read changes nothing.
   */
  async refresh(
    send: <T>(message: { type: string }) => Promise<T>,
    haVersion?: string,
  ): Promise<boolean> {
    const read = ++this.reads;
    try {
      const [registry, areas, devices, { floors, labels }] = await Promise.all([
        send<RegistryDisplay>({ type: 'config/entity_registry/list_for_display' }),
        send<AreaEntry[]>({ type: 'config/area_registry/list' }),
        send<DeviceEntry[]>({ type: 'config/device_registry/list' }).catch(
          () => [] as DeviceEntry[],
        ),
        readFloorsAndLabels(send, haVersion, this.logger),
      ]);
      const areaById = new Map(areas.map((a) => [a.area_id, a]));
      // Only a home with floors is grouped by them, and so needs Home Assistant's order.
      const areaPositions = floors.size ? areaOrder(areas, haVersion) : new Map<string, number>();
      // Most entities get their area from their device; only some have one of their own.
      const deviceAreas = new Map(
        (Array.isArray(devices) ? devices : []).map((d) => [d.id, d.area_id ?? undefined]),
      );
      const next = new Map<string, EntityPlace>();
      for (const entry of registry.entities ?? []) {
        const areaId = entry.ai ?? (entry.di ? deviceAreas.get(entry.di) : undefined);
        const area = areaId ? areaById.get(areaId) : undefined;
        const floor = area?.floor_id ? floors.get(area.floor_id) : undefined;
        const labelNames = (entry.lb ?? []).flatMap((id) => labels.get(id) ?? []);
        const areaPosition = area ? areaPositions.get(area.area_id) : undefined;
        const place: EntityPlace = {
          ...(area ? { area: area.name } : {}),
          ...(areaPosition !== undefined ? { areaOrder: areaPosition } : {}),
          ...(floor ? { floor: floor.name, floorOrder: floor.order } : {}),
          ...(labelNames.length ? { labels: labelNames } : {}),
        };
        if (entry.ei && Object.keys(place).length) next.set(entry.ei, place);
      }
      if (read !== this.reads || samePlaces(next, this.byEntity)) return false;
      this.byEntity = next;
      this.changes.emit();
      return true;
    } catch (error) {
      this.logger.info('Areas are not available from Home Assistant', error);
      return false;
    }
  }
}

// Field by field: run on every reconnect over every entity of the home, where two
// JSON.stringify calls per entity held a 30,000-entity home's main process for tens of ms.
function samePlaces(a: Map<string, EntityPlace>, b: Map<string, EntityPlace>): boolean {
  if (a.size !== b.size) return false;
  for (const [entityId, place] of a) if (!samePlace(place, b.get(entityId))) return false;
  return true;
}

function samePlace(a: EntityPlace, b: EntityPlace | undefined): boolean {
  return (
    b !== undefined &&
    a.area === b.area &&
    a.floor === b.floor &&
    a.areaOrder === b.areaOrder &&
    a.floorOrder === b.floorOrder &&
    (a.labels ?? []).join('\n') === (b.labels ?? []).join('\n')
  );
}
