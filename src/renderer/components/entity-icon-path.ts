import * as mdi from '@mdi/js';
import type { EntityView } from '../../shared/entity-view';
import { domainOf } from '../../shared/entity';

const icons = mdi as Record<string, string>;

/** "mdi:coffee-maker" -> the path of mdiCoffeeMaker, or undefined for another icon set. */
export function mdiPath(icon: string): string | undefined {
  if (!icon.startsWith('mdi:')) return undefined;
  const name = `mdi${icon.slice(4).replace(/(^|-)([a-z0-9])/g, (_m, _dash, c: string) => c.toUpperCase())}`;
  return icons[name];
}

const SENSOR: Record<string, string> = {
  temperature: mdi.mdiThermometer,
  humidity: mdi.mdiWaterPercent,
  power: mdi.mdiFlash,
  energy: mdi.mdiLightningBolt,
  battery: mdi.mdiBattery,
  carbon_dioxide: mdi.mdiMoleculeCo2,
  moisture: mdi.mdiWater,
  illuminance: mdi.mdiBrightness5,
};

const BINARY: Record<string, [on: string, off: string]> = {
  door: [mdi.mdiDoorOpen, mdi.mdiDoorClosed],
  garage_door: [mdi.mdiGarageOpen, mdi.mdiGarage],
  window: [mdi.mdiWindowOpen, mdi.mdiWindowClosed],
  motion: [mdi.mdiMotionSensor, mdi.mdiMotionSensorOff],
  occupancy: [mdi.mdiHomeAccount, mdi.mdiHomeOutline],
  running: [mdi.mdiPlay, mdi.mdiStop],
};

/** Home Assistant's icon for an entity: its `icon` attribute, else its domain and device class default. */
export function entityIconPath(entity: EntityView): string {
  const custom =
    typeof entity.attributes.icon === 'string' ? mdiPath(entity.attributes.icon) : undefined;
  if (custom) return custom;
  const on = entity.state === 'on';
  const deviceClass = String(entity.attributes.device_class ?? '');
  switch (domainOf(entity.entity_id)) {
    case 'light':
      return on ? mdi.mdiLightbulb : mdi.mdiLightbulbOutline;
    case 'switch':
    case 'input_boolean':
      return on ? mdi.mdiToggleSwitch : mdi.mdiToggleSwitchOffOutline;
    case 'fan':
      return on ? mdi.mdiFan : mdi.mdiFanOff;
    case 'cover':
      if (deviceClass === 'garage')
        return entity.state === 'closed' ? mdi.mdiGarage : mdi.mdiGarageOpen;
      if (deviceClass === 'blind')
        return entity.state === 'closed' ? mdi.mdiBlinds : mdi.mdiBlindsOpen;
      return entity.state === 'closed' ? mdi.mdiWindowShutter : mdi.mdiWindowShutterOpen;
    case 'lock':
      return entity.state === 'locked' ? mdi.mdiLock : mdi.mdiLockOpenVariant;
    case 'scene':
      return mdi.mdiPalette;
    case 'script':
      return mdi.mdiScriptText;
    case 'button':
    case 'input_button':
      return mdi.mdiGestureTapButton;
    case 'automation':
      return mdi.mdiRobot;
    case 'climate':
      return mdi.mdiThermostat;
    case 'media_player':
      return deviceClass === 'tv' ? mdi.mdiTelevision : mdi.mdiSpeaker;
    case 'sensor':
      return SENSOR[deviceClass] ?? mdi.mdiEye;
    case 'binary_sensor': {
      const pair = BINARY[deviceClass];
      return pair
        ? pair[on ? 0 : 1]
        : on
          ? mdi.mdiCheckboxMarkedCircle
          : mdi.mdiCheckboxBlankCircleOutline;
    }
    case 'person':
      return mdi.mdiAccount;
    case 'sun':
      return mdi.mdiWhiteBalanceSunny;
    default:
      return mdi.mdiBookmark;
  }
}
