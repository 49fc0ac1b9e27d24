import type { Logger } from '../log/logger';

interface RegistryDisplay {
  entities?: Array<{ ei?: string; ai?: string }>;
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
      const [registry, areas] = await Promise.all([
        send<RegistryDisplay>({ type: 'config/entity_registry/list_for_display' }),
        send<AreaEntry[]>({ type: 'config/area_registry/list' }),
      ]);
      const names = new Map(areas.map((a) => [a.area_id, a.name]));
      const next = new Map<string, string>();
      for (const entry of registry.entities ?? []) {
        const name = entry.ai ? names.get(entry.ai) : undefined;
        if (entry.ei && name) next.set(entry.ei, name);
      }
      this.byEntity = next;
    } catch (error) {
      this.logger.info('Areas are not available from Home Assistant', error);
    }
  }
}
