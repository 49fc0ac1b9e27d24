import type { EntityState } from '../../src/shared/entity';
import type { Area, Device, Floor, Label } from './entities/registry';
import type { Home, HomeEntity } from './home-types';

const AREAS: Area[] = [
  // The three areas onboarding creates, with the icons 2026.2 gives them (onboarding/const.py).
  { area_id: 'living_room', name: 'Living room', floor_id: 'ground_floor', icon: 'mdi:sofa' },
  { area_id: 'kitchen', name: 'Kitchen', floor_id: 'ground_floor', icon: 'mdi:stove' },
  { area_id: 'bedroom', name: 'Bedroom', floor_id: 'first_floor', icon: 'mdi:bed' },
  { area_id: 'hallway', name: 'Hallway', floor_id: 'ground_floor' },
  { area_id: 'garage', name: 'Garage' },
  { area_id: 'office', name: 'Office', floor_id: 'first_floor' },
];

/** Floors and labels exist from 2024.4 on: only the 2026.2 simulator shows them. */
const FLOORS: Floor[] = [
  { floor_id: 'ground_floor', name: 'Ground floor', level: 0, icon: 'mdi:home-floor-0' },
  { floor_id: 'first_floor', name: 'First floor', level: 1, icon: 'mdi:home-floor-1' },
];

const LABELS: Label[] = [
  {
    label_id: 'energy',
    name: 'Energy',
    color: 'amber',
    icon: 'mdi:lightning-bolt',
    description: 'Uses a lot of power',
  },
  { label_id: 'air_quality', name: 'Air quality', color: null, icon: null, description: null },
];

/** A device whose entity has no area of its own: the entity is in the device's area. */
const DEVICES: Device[] = [
  {
    id: 'b3f1c0ffee0ff1ce0a1b2c3d4e5f6a7b',
    name: 'Office air monitor',
    area_id: 'office',
    manufacturer: 'Netatmo',
    model: 'Healthy Home Coach',
  },
];

/** LightEntityFeature.FLASH | TRANSITION. */
const LIGHT_FEATURES = 40;
/** MediaPlayerEntityFeature: PAUSE, VOLUME_SET, VOLUME_MUTE, PREVIOUS/NEXT_TRACK, TURN_ON/OFF, STOP, PLAY. */
const SPEAKER_FEATURES = 1 | 4 | 8 | 16 | 32 | 128 | 256 | 4096 | 16384;
/** A radio that only turns on and off and sets its volume: play and pause are refused. */
const RADIO_FEATURES = 4 | 128 | 256;

function entity(
  entity_id: string,
  state: string,
  friendly_name: string,
  area: string | undefined,
  attributes: Record<string, unknown>,
  platform: string,
): HomeEntity {
  return {
    entity_id,
    state,
    attributes: { ...attributes, friendly_name },
    registry: {
      platform,
      original_name: friendly_name,
      ...(area ? { area_id: area } : {}),
    },
  };
}

const dimmable = (
  id: string,
  state: 'on' | 'off',
  name: string,
  area: string,
  brightness: number,
  extra = {},
) =>
  entity(
    id,
    state,
    name,
    area,
    {
      supported_color_modes: ['brightness'],
      color_mode: state === 'on' ? 'brightness' : null,
      brightness: state === 'on' ? brightness : null,
      supported_features: LIGHT_FEATURES,
      ...extra,
    },
    'hue',
  );

const plainLight = (id: string, state: string, name: string, area: string, extra = {}) =>
  entity(
    id,
    state,
    name,
    area,
    {
      supported_color_modes: ['onoff'],
      color_mode: state === 'on' ? 'onoff' : null,
      supported_features: 0,
      ...extra,
    },
    'shelly',
  );

const measurement = (
  id: string,
  state: string,
  name: string,
  area: string | undefined,
  device_class: string,
  unit: string,
  state_class = 'measurement',
) =>
  entity(id, state, name, area, { state_class, unit_of_measurement: unit, device_class }, 'mqtt');

const contact = (id: string, name: string, area: string, device_class: string) =>
  entity(id, 'off', name, area, { device_class }, 'zha');

function withRegistry(
  e: HomeEntity,
  registry: Partial<NonNullable<HomeEntity['registry']>>,
): HomeEntity {
  return { ...e, registry: { ...e.registry!, ...registry } };
}

/**
 * The realistic default home: every domain the app handles, in six areas, with friendly names,
 * icons, units and device classes; one unavailable and one unknown entity, one diagnostic and one
 * config entity, one hidden entity and one entity missing from the registry. Its entity ids are
 * stable: tests and test/ha-sim/README.md name them.
 */
export function defaultHomeSpec(): Home {
  const entities: HomeEntity[] = [
    dimmable('light.living_room_ceiling', 'on', 'Living room ceiling', 'living_room', 180),
    dimmable('light.living_room_lamp', 'off', 'Reading lamp', 'living_room', 0, {
      icon: 'mdi:floor-lamp',
    }),
    dimmable('light.kitchen', 'on', 'Kitchen lights', 'kitchen', 255),
    dimmable('light.bedroom', 'off', 'Bedroom light', 'bedroom', 0),
    plainLight('light.hallway', 'off', 'Hallway light', 'hallway'),
    plainLight('light.desk_lamp', 'off', 'Desk lamp', 'office', { icon: 'mdi:desk-lamp' }),
    plainLight('light.garage', 'unavailable', 'Garage light', 'garage', { restored: true }),

    entity(
      'switch.coffee_machine',
      'off',
      'Coffee machine',
      'kitchen',
      { icon: 'mdi:coffee-maker' },
      'shelly',
    ),
    withRegistry(
      entity(
        'switch.tv_socket',
        'on',
        'TV socket',
        'living_room',
        { device_class: 'outlet' },
        'shelly',
      ),
      { labels: ['energy'] },
    ),
    // The icon was chosen in the entity settings: a registry option that shows in the state.
    withRegistry(
      entity('switch.heater', 'off', 'Heater', 'office', { icon: 'mdi:radiator' }, 'tasmota'),
      { icon: 'mdi:radiator' },
    ),
    entity(
      'fan.bedroom_fan',
      'off',
      'Bedroom fan',
      'bedroom',
      {
        percentage: 0,
        percentage_step: 33.333333333333336,
        preset_mode: null,
        preset_modes: ['auto', 'sleep'],
        oscillating: false,
        supported_features: 1 | 2 | 8,
      },
      'xiaomi_miio',
    ),
    entity(
      'input_boolean.guest_mode',
      'off',
      'Guest mode',
      undefined,
      { editable: true, icon: 'mdi:account-multiple' },
      'input_boolean',
    ),
    entity(
      'input_boolean.vacation_mode',
      'off',
      'Vacation mode',
      undefined,
      { editable: true, icon: 'mdi:airplane' },
      'input_boolean',
    ),

    entity(
      'cover.garage_door',
      'closed',
      'Garage door',
      'garage',
      { device_class: 'garage', supported_features: 1 | 2 },
      'ratgdo',
    ),
    entity(
      'cover.living_room_blinds',
      'open',
      'Living room blinds',
      'living_room',
      { current_position: 100, device_class: 'blind', supported_features: 1 | 2 | 4 | 8 },
      'somfy',
    ),
    entity(
      'cover.bedroom_window',
      'closed',
      'Bedroom window',
      'bedroom',
      { current_position: 0, device_class: 'window', supported_features: 1 | 2 | 4 | 8 },
      'somfy',
    ),
    entity('lock.front_door', 'locked', 'Front door', 'hallway', { supported_features: 0 }, 'nuki'),
    entity('lock.back_door', 'unlocked', 'Back door', 'kitchen', { supported_features: 0 }, 'nuki'),

    entity(
      'scene.movie_night',
      'unknown',
      'Movie night',
      'living_room',
      {
        entity_id: ['light.living_room_ceiling', 'light.living_room_lamp', 'switch.tv_socket'],
        id: '1700000000101',
        icon: 'mdi:movie-open',
      },
      'homeassistant',
    ),
    entity(
      'scene.good_morning',
      'unknown',
      'Good morning',
      undefined,
      {
        entity_id: ['light.kitchen', 'light.bedroom', 'switch.coffee_machine'],
        id: '1700000000102',
        icon: 'mdi:weather-sunny',
      },
      'homeassistant',
    ),
    entity(
      'script.goodnight',
      'off',
      'Goodnight',
      undefined,
      { last_triggered: null, mode: 'single', current: 0, icon: 'mdi:weather-night' },
      'script',
    ),
    entity(
      'script.leave_home',
      'off',
      'Leave home',
      undefined,
      { last_triggered: null, mode: 'single', current: 0, icon: 'mdi:exit-run' },
      'script',
    ),
    withRegistry(
      entity(
        'button.restart_router',
        'unknown',
        'Restart router',
        'office',
        { device_class: 'restart' },
        'fritz',
      ),
      { entity_category: 'config' },
    ),
    entity(
      'button.ring_chime',
      'unknown',
      'Ring the chime',
      'hallway',
      { icon: 'mdi:bell-ring' },
      'esphome',
    ),
    entity(
      'automation.porch_light_at_sunset',
      'on',
      'Porch light at sunset',
      undefined,
      { id: '1700000000001', last_triggered: null, mode: 'single', current: 0 },
      'automation',
    ),
    entity(
      'automation.morning_coffee',
      'off',
      'Morning coffee',
      'kitchen',
      { id: '1700000000002', last_triggered: null, mode: 'single', current: 0 },
      'automation',
    ),

    entity(
      'climate.living_room',
      'heat',
      'Living room thermostat',
      'living_room',
      {
        hvac_modes: ['off', 'heat', 'cool', 'auto'],
        min_temp: 7,
        max_temp: 35,
        target_temp_step: 0.5,
        current_temperature: 20.5,
        temperature: 21,
        hvac_action: 'heating',
        supported_features: 1,
      },
      'netatmo',
    ),
    entity(
      'media_player.living_room_speaker',
      'paused',
      'Living room speaker',
      'living_room',
      {
        volume_level: 0.4,
        is_volume_muted: false,
        media_content_type: 'music',
        media_title: 'Morning jazz',
        media_artist: 'Various artists',
        device_class: 'speaker',
        supported_features: SPEAKER_FEATURES,
      },
      'sonos',
    ),
    entity(
      'media_player.kitchen_radio',
      'off',
      'Kitchen radio',
      'kitchen',
      { device_class: 'speaker', supported_features: RADIO_FEATURES },
      'dlna_dmr',
    ),

    measurement(
      'sensor.living_room_temperature',
      '21.5',
      'Living room temperature',
      'living_room',
      'temperature',
      '°C',
    ),
    measurement(
      'sensor.living_room_humidity',
      '45',
      'Living room humidity',
      'living_room',
      'humidity',
      '%',
    ),
    measurement(
      'sensor.bedroom_temperature',
      '19.0',
      'Bedroom temperature',
      'bedroom',
      'temperature',
      '°C',
    ),
    measurement(
      'sensor.outside_temperature',
      '8.3',
      'Outside temperature',
      undefined,
      'temperature',
      '°C',
    ),
    measurement(
      'sensor.garage_temperature',
      'unknown',
      'Garage temperature',
      'garage',
      'temperature',
      '°C',
    ),
    measurement(
      'sensor.washing_machine_power',
      '0.0',
      'Washing machine power',
      'kitchen',
      'power',
      'W',
    ),
    withRegistry(
      measurement('sensor.office_co2', '612', 'Office CO2', undefined, 'carbon_dioxide', 'ppm'),
      { device_id: DEVICES[0]!.id, labels: ['air_quality'] },
    ),
    withRegistry(
      measurement(
        'sensor.hallway_sensor_battery',
        '87',
        'Hallway sensor battery',
        'hallway',
        'battery',
        '%',
      ),
      { entity_category: 'diagnostic' },
    ),
    {
      // A template sensor from YAML without a unique id: a state, but no registry entry.
      entity_id: 'sensor.energy_today',
      state: '5.72',
      attributes: {
        state_class: 'total_increasing',
        unit_of_measurement: 'kWh',
        device_class: 'energy',
        friendly_name: 'Energy today',
      },
    },

    contact('binary_sensor.front_door', 'Front door', 'hallway', 'door'),
    contact('binary_sensor.hallway_motion', 'Hallway motion', 'hallway', 'motion'),
    contact('binary_sensor.bedroom_window', 'Bedroom window', 'bedroom', 'window'),
    contact('binary_sensor.garage_door_contact', 'Garage door contact', 'garage', 'garage_door'),
    withRegistry(
      contact(
        'binary_sensor.washing_machine_running',
        'Washing machine running',
        'kitchen',
        'running',
      ),
      {
        hidden: true,
      },
    ),

    entity(
      'person.anna',
      'home',
      'Anna',
      undefined,
      { id: 'anna', user_id: null, device_trackers: [] },
      'person',
    ),
    entity(
      'sun.sun',
      'above_horizon',
      'Sun',
      undefined,
      {
        next_rising: '2024-01-06T07:48:00+00:00',
        next_setting: '2024-01-05T16:14:00+00:00',
        elevation: 12.3,
        rising: false,
      },
      'sun',
    ),
  ];

  return {
    areas: AREAS.map((a) => ({ ...a })),
    floors: FLOORS.map((f) => ({ ...f })),
    labels: LABELS.map((l) => ({ ...l })),
    devices: DEVICES.map((d) => ({ ...d })),
    entities,
    scenes: {
      'scene.movie_night': {
        'light.living_room_ceiling': {
          state: 'on',
          attributes: { brightness: 60, color_mode: 'brightness' },
        },
        'light.living_room_lamp': {
          state: 'on',
          attributes: { brightness: 120, color_mode: 'brightness' },
        },
        'switch.tv_socket': { state: 'on' },
      },
      'scene.good_morning': {
        'light.kitchen': { state: 'on', attributes: { brightness: 255, color_mode: 'brightness' } },
        'light.bedroom': { state: 'on', attributes: { brightness: 128, color_mode: 'brightness' } },
        'switch.coffee_machine': { state: 'on' },
      },
    },
    actions: {
      'script.goodnight': [
        { service: 'light.turn_off', entity_id: 'all' },
        { service: 'lock.lock', entity_id: ['lock.front_door', 'lock.back_door'] },
        { service: 'switch.turn_off', entity_id: ['switch.tv_socket'] },
      ],
      'script.leave_home': [
        { service: 'light.turn_off', entity_id: 'all' },
        {
          service: 'cover.close_cover',
          entity_id: ['cover.garage_door', 'cover.bedroom_window'],
        },
        { service: 'lock.lock', entity_id: ['lock.front_door', 'lock.back_door'] },
      ],
      'automation.porch_light_at_sunset': [
        { service: 'light.turn_on', entity_id: ['light.hallway'] },
      ],
      'automation.morning_coffee': [
        { service: 'switch.turn_on', entity_id: ['switch.coffee_machine'] },
      ],
    },
  };
}

export type HomeEntityState = EntityState & { area_id: string | null };

/** The default home as states with their areas, so tests can name its entities. */
export function defaultHome(): HomeEntityState[] {
  const epoch = '1970-01-01T00:00:00+00:00';
  return defaultHomeSpec().entities.map((e) => ({
    entity_id: e.entity_id,
    state: e.state,
    attributes: structuredClone(e.attributes),
    last_changed: epoch,
    last_updated: epoch,
    context: { id: '', parent_id: null, user_id: null },
    area_id:
      e.registry?.area_id ?? DEVICES.find((d) => d.id === e.registry?.device_id)?.area_id ?? null,
  }));
}
