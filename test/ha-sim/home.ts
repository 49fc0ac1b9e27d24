import type { EntityState } from '../../src/shared/entity';

/** An entity of a simulated home: its first state plus what the entity registry knows of it. */
export interface HomeEntity {
  entity_id: string;
  state: string;
  attributes: Record<string, unknown>;
  area?: string;
  platform: string;
}

export interface Area {
  area_id: string;
  name: string;
}

export interface Home {
  areas: Area[];
  entities: HomeEntity[];
}

const AREAS: Area[] = [
  { area_id: 'living_room', name: 'Living room' },
  { area_id: 'kitchen', name: 'Kitchen' },
  { area_id: 'bedroom', name: 'Bedroom' },
  { area_id: 'hallway', name: 'Hallway' },
  { area_id: 'garage', name: 'Garage' },
  { area_id: 'office', name: 'Office' },
  { area_id: 'garden', name: 'Garden' },
];

const DIMMABLE = { supported_color_modes: ['brightness'], supported_features: 40 };
const ONOFF = { supported_color_modes: ['onoff'], supported_features: 0 };

function e(
  entity_id: string,
  state: string,
  friendly_name: string,
  area: string | undefined,
  attributes: Record<string, unknown> = {},
  platform = 'demo',
): HomeEntity {
  return { entity_id, state, attributes: { ...attributes, friendly_name }, area, platform };
}

/**
 * A realistic default home: every domain the app handles, in areas, with friendly names, icons,
 * units and device classes. Entity ids are stable: tests and docs name them.
 */
export function defaultHomeSpec(): Home {
  return {
    areas: AREAS.map((a) => ({ ...a })),
    entities: [
      // Lights: dimmable and plain.
      e('light.living_room_ceiling', 'on', 'Living room ceiling', 'living_room', {
        ...DIMMABLE,
        color_mode: 'brightness',
        brightness: 180,
      }),
      e('light.living_room_lamp', 'off', 'Reading lamp', 'living_room', {
        ...DIMMABLE,
        color_mode: null,
        brightness: null,
      }),
      e('light.kitchen', 'on', 'Kitchen lights', 'kitchen', {
        ...DIMMABLE,
        color_mode: 'brightness',
        brightness: 255,
      }),
      e('light.bedroom', 'off', 'Bedroom light', 'bedroom', {
        ...DIMMABLE,
        color_mode: null,
        brightness: null,
      }),
      e('light.hallway', 'off', 'Hallway light', 'hallway', { ...ONOFF, color_mode: null }),
      e('light.desk_lamp', 'off', 'Desk lamp', 'office', {
        ...ONOFF,
        color_mode: null,
        icon: 'mdi:desk-lamp',
      }),
      e('light.garden', 'unavailable', 'Garden lights', 'garden', {
        ...ONOFF,
        restored: true,
        supported_features: 0,
      }),
      // Switches, fan, helpers.
      e('switch.coffee_machine', 'off', 'Coffee machine', 'kitchen', { icon: 'mdi:coffee-maker' }),
      e('switch.tv_socket', 'on', 'TV socket', 'living_room', { device_class: 'outlet' }),
      e('fan.bedroom_fan', 'off', 'Bedroom fan', 'bedroom', {
        percentage: 0,
        percentage_step: 33.3,
        supported_features: 1,
      }),
      e(
        'input_boolean.guest_mode',
        'off',
        'Guest mode',
        undefined,
        { icon: 'mdi:account-multiple', editable: true },
        'input_boolean',
      ),
      e(
        'input_boolean.vacation',
        'off',
        'Vacation mode',
        undefined,
        { icon: 'mdi:airplane', editable: true },
        'input_boolean',
      ),
      // Covers: a window with position and a garage door.
      e('cover.living_room_blinds', 'open', 'Living room blinds', 'living_room', {
        current_position: 100,
        device_class: 'blind',
        supported_features: 15,
      }),
      e('cover.garage_door', 'closed', 'Garage door', 'garage', {
        device_class: 'garage',
        supported_features: 3,
      }),
      // Locks.
      e('lock.front_door', 'locked', 'Front door', 'hallway', { supported_features: 0 }),
      e('lock.back_door', 'unlocked', 'Back door', 'kitchen', { supported_features: 0 }),
      // Scenes, scripts, buttons, automations.
      e(
        'scene.movie_night',
        'unknown',
        'Movie night',
        'living_room',
        {
          entity_id: ['light.living_room_ceiling', 'light.living_room_lamp'],
          id: 'movie_night',
          icon: 'mdi:movie-open',
        },
        'homeassistant',
      ),
      e(
        'scene.good_morning',
        'unknown',
        'Good morning',
        undefined,
        { entity_id: ['light.kitchen'], id: 'good_morning' },
        'homeassistant',
      ),
      e(
        'script.goodnight',
        'off',
        'Goodnight',
        undefined,
        { last_triggered: null, mode: 'single', current: 0, icon: 'mdi:weather-night' },
        'script',
      ),
      e(
        'script.water_plants',
        'off',
        'Water the plants',
        'garden',
        { last_triggered: null, mode: 'single', current: 0 },
        'script',
      ),
      e('button.restart_router', 'unknown', 'Restart router', 'office', {
        device_class: 'restart',
      }),
      e(
        'automation.porch_light_at_sunset',
        'on',
        'Porch light at sunset',
        undefined,
        { id: '1700000000001', last_triggered: null, mode: 'single', current: 0 },
        'automation',
      ),
      e(
        'automation.notify_when_door_opens',
        'off',
        'Notify when door opens',
        undefined,
        { id: '1700000000002', last_triggered: null, mode: 'single', current: 0 },
        'automation',
      ),
      // Climate and media.
      e('climate.living_room', 'heat', 'Living room thermostat', 'living_room', {
        hvac_modes: ['off', 'heat', 'cool', 'auto'],
        min_temp: 7,
        max_temp: 35,
        target_temp_step: 0.5,
        current_temperature: 20.5,
        temperature: 21,
        supported_features: 1,
      }),
      e('media_player.living_room_speaker', 'paused', 'Living room speaker', 'living_room', {
        volume_level: 0.4,
        is_volume_muted: false,
        media_title: 'Morning jazz',
        supported_features: 21437,
        device_class: 'speaker',
      }),
      // Sensors with units and device classes.
      e('sensor.living_room_temperature', '21.5', 'Living room temperature', 'living_room', {
        unit_of_measurement: '°C',
        device_class: 'temperature',
        state_class: 'measurement',
      }),
      e('sensor.living_room_humidity', '45', 'Living room humidity', 'living_room', {
        unit_of_measurement: '%',
        device_class: 'humidity',
        state_class: 'measurement',
      }),
      e('sensor.outside_temperature', '8.3', 'Outside temperature', 'garden', {
        unit_of_measurement: '°C',
        device_class: 'temperature',
        state_class: 'measurement',
      }),
      e('sensor.washing_machine_power', '0.0', 'Washing machine power', 'kitchen', {
        unit_of_measurement: 'W',
        device_class: 'power',
        state_class: 'measurement',
      }),
      e('sensor.energy_today', '5.72', 'Energy today', undefined, {
        unit_of_measurement: 'kWh',
        device_class: 'energy',
        state_class: 'total_increasing',
      }),
      e('sensor.office_co2', '612', 'Office CO2', 'office', {
        unit_of_measurement: 'ppm',
        device_class: 'carbon_dioxide',
        state_class: 'measurement',
      }),
      e('sensor.phone_battery', '76', 'Phone battery', undefined, {
        unit_of_measurement: '%',
        device_class: 'battery',
        state_class: 'measurement',
      }),
      e('sensor.garden_soil_moisture', 'unavailable', 'Garden soil moisture', 'garden', {
        unit_of_measurement: '%',
        device_class: 'moisture',
        restored: true,
      }),
      // Binary sensors.
      e('binary_sensor.front_door', 'off', 'Front door', 'hallway', { device_class: 'door' }),
      e('binary_sensor.garage_door_contact', 'off', 'Garage door contact', 'garage', {
        device_class: 'garage_door',
      }),
      e('binary_sensor.hallway_motion', 'off', 'Hallway motion', 'hallway', {
        device_class: 'motion',
      }),
      e('binary_sensor.bedroom_window', 'off', 'Bedroom window', 'bedroom', {
        device_class: 'window',
      }),
      e('binary_sensor.washing_machine_running', 'off', 'Washing machine running', 'kitchen', {
        device_class: 'running',
      }),
      // A person and the sun, read-only.
      e(
        'person.anna',
        'home',
        'Anna',
        undefined,
        { user_id: null, id: 'anna', device_trackers: [] },
        'person',
      ),
      e(
        'sun.sun',
        'above_horizon',
        'Sun',
        undefined,
        { next_rising: '2026-01-01T07:00:00+00:00', elevation: 20.3 },
        'sun',
      ),
    ],
  };
}

const SCALE_DOMAINS = ['sensor', 'light', 'switch', 'binary_sensor', 'input_boolean'] as const;

/** `count` generated entities across a few domains, for scale tests (10,000+). */
export function scaleHome(count: number): Home {
  const entities: HomeEntity[] = [];
  for (let i = 0; i < count; i++) {
    const domain = SCALE_DOMAINS[i % SCALE_DOMAINS.length]!;
    const n = String(i).padStart(5, '0');
    const area = AREAS[i % AREAS.length]!.area_id;
    if (domain === 'sensor') {
      entities.push(
        e(`sensor.scale_${n}`, String((i % 300) / 10), `Sensor ${n}`, area, {
          unit_of_measurement: '°C',
          device_class: 'temperature',
        }),
      );
    } else if (domain === 'light') {
      entities.push(
        e(`light.scale_${n}`, i % 2 ? 'on' : 'off', `Light ${n}`, area, {
          ...DIMMABLE,
          brightness: i % 2 ? 128 : null,
        }),
      );
    } else if (domain === 'binary_sensor') {
      entities.push(
        e(`binary_sensor.scale_${n}`, 'off', `Contact ${n}`, area, { device_class: 'door' }),
      );
    } else {
      entities.push(
        e(
          `${domain}.scale_${n}`,
          'off',
          `${domain === 'switch' ? 'Switch' : 'Toggle'} ${n}`,
          area,
          {},
          domain === 'switch' ? 'demo' : domain,
        ),
      );
    }
  }
  return { areas: AREAS.map((a) => ({ ...a })), entities };
}

export type HomeEntityState = EntityState & { area_id: string | null };

/** The default home as states (with their area), so tests can name its entities. */
export function defaultHome(): HomeEntityState[] {
  const at = new Date(0).toISOString();
  return defaultHomeSpec().entities.map((e) => ({
    entity_id: e.entity_id,
    state: e.state,
    attributes: structuredClone(e.attributes),
    last_changed: at,
    last_updated: at,
    context: { id: '', parent_id: null, user_id: null },
    area_id: e.area ?? null,
  }));
}
