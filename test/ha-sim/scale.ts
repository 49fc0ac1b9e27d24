import type { Area } from './entities/registry';
import type { Home, HomeEntity } from './home-types';

const AREAS: Area[] = Array.from({ length: 20 }, (_, i) => ({
  area_id: `area_${String(i).padStart(2, '0')}`,
  name: `Area ${i + 1}`,
}));

const DOMAINS = ['sensor', 'light', 'switch', 'binary_sensor', 'input_boolean'] as const;

function generated(i: number, width: number): HomeEntity {
  const domain = DOMAINS[i % DOMAINS.length]!;
  const n = String(i).padStart(width, '0');
  const entity_id = `${domain}.scale_${n}`;
  const registry = {
    platform: domain === 'input_boolean' ? 'input_boolean' : 'mqtt',
    area_id: AREAS[i % AREAS.length]!.area_id,
  };
  switch (domain) {
    case 'sensor':
      return {
        entity_id,
        state: String((i % 300) / 10),
        attributes: {
          state_class: 'measurement',
          unit_of_measurement: '°C',
          device_class: 'temperature',
          friendly_name: `Temperature ${n}`,
        },
        registry,
      };
    case 'light':
      return {
        entity_id,
        state: i % 2 ? 'on' : 'off',
        attributes: {
          supported_color_modes: ['brightness'],
          color_mode: i % 2 ? 'brightness' : null,
          brightness: i % 2 ? 128 : null,
          supported_features: 40,
          friendly_name: `Light ${n}`,
        },
        registry,
      };
    case 'binary_sensor':
      return {
        entity_id,
        state: 'off',
        attributes: { device_class: 'door', friendly_name: `Door ${n}` },
        registry,
      };
    default:
      return {
        entity_id,
        state: 'off',
        attributes: { friendly_name: `${domain === 'switch' ? 'Switch' : 'Toggle'} ${n}` },
        registry,
      };
  }
}

/**
 * `count` generated entities for scale tests (10,000+), across sensors, lights, switches, binary
 * sensors and input booleans, in 20 areas. Ids are `<domain>.scale_<n>` with n padded to at least
 * five digits: `sensor.scale_00000`, `light.scale_00001`, ...
 */
export function scaleHome(count: number): Home {
  const width = Math.max(5, String(Math.max(0, count - 1)).length);
  return {
    areas: AREAS.map((a) => ({ ...a })),
    entities: Array.from({ length: count }, (_, i) => generated(i, width)),
    scenes: {},
    actions: {},
  };
}
