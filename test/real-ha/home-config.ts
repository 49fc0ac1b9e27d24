/**
 * configuration.yaml of the test home: only built-in, requirement-free integrations (template
 * entities backed by helpers, generic_thermostat, universal), so Home Assistant starts offline
 * in seconds. Entity ids match the simulator's default home where both have the entity, so the
 * conformance scenarios name the same entities on both targets. No `default_config:` (it pulls in
 * cloud, zeroconf, bluetooth… which need the internet).
 */
export function homeConfiguration(
  port: number,
  options: { banThreshold?: number; locationName?: string } = {},
): string {
  const toggle = (entity: string) => ({
    on: `service: input_boolean.turn_on\n          target: { entity_id: ${entity} }`,
    off: `service: input_boolean.turn_off\n          target: { entity_id: ${entity} }`,
  });
  const kitchen = toggle('input_boolean.kitchen_light');
  const hallway = toggle('input_boolean.hallway_light');
  const coffee = toggle('input_boolean.coffee_machine');
  const heater = toggle('input_boolean.heater');
  const fan = toggle('input_boolean.bedroom_fan');
  return `homeassistant:
  name: ${JSON.stringify(options.locationName ?? 'Test Home')}
  unit_system: metric
  time_zone: UTC
  latitude: 52.3731
  longitude: 4.8922
  elevation: 0
  currency: EUR
  country: NL

http:
  server_host: 127.0.0.1
  server_port: ${port}
  ip_ban_enabled: ${options.banThreshold ? 'true' : 'false'}
  login_attempts_threshold: ${options.banThreshold ?? -1}

api:
websocket_api:
auth:
onboarding:
config:

input_boolean:
  guest_mode: { name: Guest mode, icon: mdi:account-multiple }
  kitchen_light: { name: Kitchen light power, initial: true }
  hallway_light: { name: Hallway light power, initial: false }
  coffee_machine: { name: Coffee machine power, initial: false }
  heater: { name: Heater power, initial: false }
  bedroom_fan: { name: Bedroom fan power, initial: false }
  front_door_locked: { name: Front door bolt, initial: true }
  front_door_open: { name: Front door contact, initial: false }
  garage_open: { name: Garage door motor, initial: false }
  speaker_playing: { name: Speaker playing, initial: false }

input_select:
  bedroom_fan_preset: { name: Bedroom fan preset, options: [auto, sleep], initial: auto }

input_number:
  kitchen_brightness: { name: Kitchen brightness, min: 0, max: 255, step: 1, initial: 255 }
  blinds_position: { name: Blinds position, min: 0, max: 100, step: 1, initial: 100 }
  living_room_temp: { name: Living room temperature input, min: 0, max: 40, step: 0.5, initial: 21.5 }

light:
  - platform: template
    lights:
      kitchen:
        friendly_name: Kitchen lights
        unique_id: ha_tray_light_kitchen
        value_template: "{{ is_state('input_boolean.kitchen_light', 'on') }}"
        level_template: "{{ states('input_number.kitchen_brightness') | int }}"
        turn_on:
          ${kitchen.on}
        turn_off:
          ${kitchen.off}
        set_level:
          - service: input_number.set_value
            target: { entity_id: input_number.kitchen_brightness }
            data: { value: "{{ brightness }}" }
          - ${kitchen.on.replace('\n          ', '\n            ')}
      hallway:
        friendly_name: Hallway light
        unique_id: ha_tray_light_hallway
        value_template: "{{ is_state('input_boolean.hallway_light', 'on') }}"
        turn_on:
          ${hallway.on}
        turn_off:
          ${hallway.off}

switch:
  - platform: template
    switches:
      coffee_machine:
        friendly_name: Coffee machine
        unique_id: ha_tray_switch_coffee
        icon_template: mdi:coffee-maker
        value_template: "{{ is_state('input_boolean.coffee_machine', 'on') }}"
        turn_on:
          ${coffee.on}
        turn_off:
          ${coffee.off}
      heater:
        friendly_name: Heater
        unique_id: ha_tray_switch_heater
        value_template: "{{ is_state('input_boolean.heater', 'on') }}"
        turn_on:
          ${heater.on}
        turn_off:
          ${heater.off}

fan:
  - platform: template
    fans:
      bedroom_fan:
        friendly_name: Bedroom fan
        unique_id: ha_tray_fan_bedroom
        value_template: "{{ 'on' if is_state('input_boolean.bedroom_fan', 'on') else 'off' }}"
        turn_on:
          ${fan.on}
        turn_off:
          ${fan.off}
        # A preset needs both the list and a template (template/fan.py).
        preset_modes: [auto, sleep]
        preset_mode_template: "{{ states('input_select.bedroom_fan_preset') }}"
        set_preset_mode:
          service: input_select.select_option
          target: { entity_id: input_select.bedroom_fan_preset }
          data: { option: "{{ preset_mode }}" }

cover:
  - platform: template
    covers:
      living_room_blinds:
        friendly_name: Living room blinds
        unique_id: ha_tray_cover_blinds
        device_class: blind
        position_template: "{{ states('input_number.blinds_position') | int }}"
        open_cover:
          service: input_number.set_value
          target: { entity_id: input_number.blinds_position }
          data: { value: 100 }
        close_cover:
          service: input_number.set_value
          target: { entity_id: input_number.blinds_position }
          data: { value: 0 }
        stop_cover: []
        set_cover_position:
          service: input_number.set_value
          target: { entity_id: input_number.blinds_position }
          data: { value: "{{ position }}" }
      garage_door:
        friendly_name: Garage door
        unique_id: ha_tray_cover_garage
        device_class: garage
        value_template: "{{ is_state('input_boolean.garage_open', 'on') }}"
        open_cover:
          service: input_boolean.turn_on
          target: { entity_id: input_boolean.garage_open }
        close_cover:
          service: input_boolean.turn_off
          target: { entity_id: input_boolean.garage_open }

lock:
  - platform: template
    name: Front door
    unique_id: ha_tray_lock_front
    value_template: "{{ is_state('input_boolean.front_door_locked', 'on') }}"
    lock:
      service: input_boolean.turn_on
      target: { entity_id: input_boolean.front_door_locked }
    unlock:
      service: input_boolean.turn_off
      target: { entity_id: input_boolean.front_door_locked }

climate:
  - platform: generic_thermostat
    name: Living room
    unique_id: ha_tray_climate_living_room
    heater: switch.heater
    target_sensor: sensor.living_room_temperature
    min_temp: 7
    max_temp: 35
    target_temp: 21

media_player:
  - platform: universal
    name: Living room speaker
    unique_id: ha_tray_media_speaker
    state_template: "{{ 'playing' if is_state('input_boolean.speaker_playing', 'on') else 'paused' }}"
    commands:
      media_play:
        service: input_boolean.turn_on
        target: { entity_id: input_boolean.speaker_playing }
      media_pause:
        service: input_boolean.turn_off
        target: { entity_id: input_boolean.speaker_playing }
      media_play_pause:
        service: input_boolean.toggle
        target: { entity_id: input_boolean.speaker_playing }

template:
  - sensor:
      - name: Living room temperature
        unique_id: ha_tray_sensor_living_room_temperature
        unit_of_measurement: "°C"
        device_class: temperature
        state_class: measurement
        state: "{{ states('input_number.living_room_temp') }}"
      - name: Washing machine power
        unique_id: ha_tray_sensor_washer_power
        unit_of_measurement: W
        device_class: power
        state_class: measurement
        state: "0.0"
    binary_sensor:
      - name: Front door
        unique_id: ha_tray_binary_front_door
        device_class: door
        state: "{{ is_state('input_boolean.front_door_open', 'on') }}"
    button:
      - name: Restart router
        unique_id: ha_tray_button_router
        device_class: restart
        press:
          service: input_boolean.toggle
          target: { entity_id: input_boolean.guest_mode }

script:
  goodnight:
    alias: Goodnight
    icon: mdi:weather-night
    sequence:
      - service: input_boolean.turn_off
        target: { entity_id: [input_boolean.kitchen_light, input_boolean.hallway_light] }

scene:
  - name: Movie night
    id: movie_night
    icon: mdi:movie-open
    entities:
      input_boolean.kitchen_light: "off"

automation:
  - id: porch_light_at_sunset
    alias: Porch light at sunset
    trigger:
      - platform: state
        entity_id: input_boolean.guest_mode
        to: "on"
    action:
      - service: input_boolean.turn_on
        target: { entity_id: input_boolean.hallway_light }
`;
}
