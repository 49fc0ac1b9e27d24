import type { Logger } from '../log/logger';

interface RegistryDisplay {
  entities?: Array<{ ei?: string; ai?: string; di?: string }>;
}

interface DeviceEntry {
  id: string;
  area_id?: string | null;
}

interface AreaEntry {
  area_id: string;
  name: string;
}

/**
 * Which area each entity is in, from Home Assistant's registries, so pickers can search by
 * area. Read on every connect; a user who may not read the registries simply sees no areas.
 */
export class AreaDirectory {
  private byEntity = new Map<string, string>();

  constructor(private readonly logger: Logger) {}

  areaOf(entityId: string): string | undefined {
    return this.byEntity.get(entityId);
  }

  async refresh(send: <T>(message: { type: string }) => Promise<T>): Promise<void> {
    try {
      const [registry, areas, devices] = await Promise.all([
        send<RegistryDisplay>({ type: 'config/entity_registry/list_for_display' }),
        send<AreaEntry[]>({ type: 'config/area_registry/list' }),
        send<DeviceEntry[]>({ type: 'config/device_registry/list' }).catch(
          () => [] as DeviceEntry[],
        ),
      ]);
      const names = new Map(areas.map((a) => [a.area_id, a.name]));
      // Most entities get their area from their device; only some have one of their own.
      const deviceAreas = new Map(
        (Array.isArray(devices) ? devices : []).map((d) => [d.id, d.area_id ?? undefined]),
      );
      const next = new Map<string, string>();
      for (const entry of registry.entities ?? []) {
        const areaId = entry.ai ?? (entry.di ? deviceAreas.get(entry.di) : undefined);
        const name = areaId ? names.get(areaId) : undefined;
        if (entry.ei && name) next.set(entry.ei, name);
      }
      this.byEntity = next;
    } catch (error) {
      this.logger.info('Areas are not available from Home Assistant', error);
    }
  }
}
