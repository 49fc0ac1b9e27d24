import {
  mdiBattery,
  mdiBrightness5,
  mdiEye,
  mdiFlash,
  mdiLightningBolt,
  mdiMoleculeCo2,
  mdiRayVertex,
  mdiThermometer,
  mdiWater,
  mdiWaterPercent,
} from '@mdi/js';
import type { EntityView } from '../entity-view';
import { defineDomain, type DomainModule } from './domain';

const ICONS: Record<string, string> = {
  temperature: mdiThermometer,
  humidity: mdiWaterPercent,
  power: mdiFlash,
  energy: mdiLightningBolt,
  battery: mdiBattery,
  carbon_dioxide: mdiMoleculeCo2,
  moisture: mdiWater,
  illuminance: mdiBrightness5,
};

/**
 * A value to read (sensor; number and input_number, which HA Tray does not set). Its headline
 * is a statement: "Living room temperature is 25.5 °C (above 25 °C)".
 */
export function valueDomain(
  domain: string,
  icon: (entity: EntityView) => string,
): DomainModule<[]> {
  return defineDomain({
    domain,
    tray: 'history',
    controls: () => [],
    headline: (facts, _old, _state, words) => `${facts.name} is ${words.state}${words.note}`,
    icon,
  });
}

export const sensor = valueDomain('sensor', (entity) =>
  Object.hasOwn(ICONS, String(entity.attributes.device_class))
    ? ICONS[String(entity.attributes.device_class)]!
    : mdiEye,
);

export const numberIcon = () => mdiRayVertex;
