import { getConfig, type Connection } from 'home-assistant-js-websocket';
import { z } from 'zod';
import { Emitter } from '../../shared/emitter';
import { TEMPERATURE_UNITS, type TemperatureUnit } from '../../shared/unit-system';
import { runDetached } from '../detached';
import type { Logger } from '../log/logger';
import { FollowedEvents } from './followed-events';

/** What HA Tray takes of `get_config`: the unit system's temperature unit; the rest may be anything. */
const configSchema = z.object({
  unit_system: z.object({ temperature: z.enum(TEMPERATURE_UNITS) }),
});

/** The part of a library connection this reads with. */
export type ConfigConnection = Pick<Connection, 'sendMessagePromise' | 'subscribeEvents'>;

/**
 * The home's unit system as Home Assistant's own frontend takes it: `unit_system.temperature` of
 * `get_config`, read on every connection and again on `core_config_updated` (which Home Assistant
 * fires when the user saves another unit system; anyone may subscribe to it). Thermostats carry no
 * unit of their own: see src/shared/domains/climate.ts.
 *
 * Not the library's `subscribeConfig`: its collection leaves a failed `get_config` or event
 * subscription as an unhandled rejection (`setupUpdateSubscription` in its collection.js), and it
 * also follows `component_loaded`, which says nothing about units.
 *
 * An answer that is not a known unit system leaves the unit unknown, and thermostats fall back to
 * the unit their limits suggest; a failed read keeps the unit known before.
 */
export class HomeUnitSystem {
  private unit: TemperatureUnit | undefined;
  private readonly events: FollowedEvents<ConfigConnection>;
  private readonly changes = new Emitter<TemperatureUnit | undefined>();

  constructor(private readonly logger: Logger) {
    this.events = new FollowedEvents(logger, 'the unit system');
  }

  /** undefined until a connection told it, or when Home Assistant's answer made no sense. */
  temperatureUnit(): TemperatureUnit | undefined {
    return this.unit;
  }

  onChange(listener: (unit: TemperatureUnit | undefined) => void): () => void {
    return this.changes.on(listener);
  }

  /**
   * A new connection: reads the unit system now and whenever its Home Assistant says its
   * configuration changed. The same connection again changes nothing; a late answer or event
   * from a connection that was replaced is ignored.
   */
  async follow(conn: ConfigConnection): Promise<void> {
    const followed = this.events.follow(conn, ['core_config_updated'], () =>
      runDetached(this.read(conn), this.logger, 'Reading the unit system again'),
    );
    if (followed) await this.read(conn);
  }

  private async read(conn: ConfigConnection): Promise<void> {
    let reply: unknown;
    try {
      reply = await getConfig(conn as Connection);
    } catch (error) {
      this.logger.info("Could not read Home Assistant's unit system", error);
      return;
    }
    if (!this.events.isFollowing(conn)) return;
    const parsed = configSchema.safeParse(reply);
    if (!parsed.success)
      this.logger.info(
        "Home Assistant's unit system is not one HA Tray knows: thermostats show the unit their limits suggest",
      );
    const unit = parsed.success ? parsed.data.unit_system.temperature : undefined;
    if (unit === this.unit) return;
    this.unit = unit;
    this.changes.emit(unit);
  }
}
