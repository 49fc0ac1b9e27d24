import { z } from 'zod';
import { Emitter } from '../../shared/emitter';
import { TEMPERATURE_UNITS, type TemperatureUnit } from '../../shared/unit-system';
import { runDetached } from '../detached';
import type { Logger } from '../log/logger';
import type { SubscribedConnection, SubscriptionLayer } from './subscription-layer';

/** What HA Tray takes of `get_config`: the unit system's temperature unit; the rest may be anything. */
const configSchema = z.object({
  unit_system: z.object({ temperature: z.enum(TEMPERATURE_UNITS) }),
});

/**
 * The home's unit system as Home Assistant's own frontend takes it: `unit_system.temperature` of
 * `get_config`, read on every connection and again on `core_config_updated` (which Home Assistant
 * fires when the user saves another unit system; anyone may subscribe to it), followed on the
 * subscription layer. Thermostats carry no unit of their own: see src/shared/domains/climate.ts.
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
  private readonly changes = new Emitter<TemperatureUnit | undefined>();

  constructor(
    private readonly logger: Logger,
    subscriptions: SubscriptionLayer,
  ) {
    subscriptions.add({
      what: 'changes of the unit system',
      message: () => ({ type: 'subscribe_events', event_type: 'core_config_updated' }),
      apply: (_event, { on }) =>
        runDetached(this.read(on), this.logger, 'Reading the unit system again'),
      read: (on) => this.read(on),
    });
  }

  /** undefined until a connection told it, or when Home Assistant's answer made no sense. */
  temperatureUnit(): TemperatureUnit | undefined {
    return this.unit;
  }

  onChange(listener: (unit: TemperatureUnit | undefined) => void): () => void {
    return this.changes.on(listener);
  }

  /** A late answer from a connection that was replaced is ignored. */
  private async read(on: SubscribedConnection): Promise<void> {
    let reply: unknown;
    try {
      reply = await on.send({ type: 'get_config' });
    } catch (error) {
      this.logger.info("Could not read Home Assistant's unit system", error);
      return;
    }
    if (!on.current) return;
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
