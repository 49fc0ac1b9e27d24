import type { HaGeneration } from './generation';

/** `homeassistant: unit_system:` in configuration.yaml (2024.1 still reads "imperial" as the latter). */
export type UnitSystemName = 'metric' | 'us_customary';

/**
 * `UnitSystem.as_dict()` of `METRIC_SYSTEM` and `US_CUSTOMARY_SYSTEM` (`util/unit_system.py`):
 * 2024.1.6 and 2026.2.3 alike, except that 2026.2 adds the area unit.
 */
function unitSystem(name: UnitSystemName, generation: HaGeneration): Record<string, string> {
  const metric = name === 'metric';
  return {
    length: metric ? 'km' : 'mi',
    accumulated_precipitation: metric ? 'mm' : 'in',
    ...(generation === '2024.1' ? {} : { area: metric ? 'm²' : 'ft²' }),
    mass: metric ? 'g' : 'lb',
    pressure: metric ? 'Pa' : 'psi',
    temperature: metric ? '°C' : '°F',
    volume: metric ? 'L' : 'gal',
    wind_speed: metric ? 'm/s' : 'mph',
  };
}

/**
 * `hass.config.as_dict()`, as `get_config` and `GET /api/config` return it: 2024.1.6's
 * (`core.py` `Config.as_dict`), and for 2026.2.3 with its `debug` and `radius`
 * (`core_config.py` `Config.as_dict`).
 */
export function haConfig(opts: {
  haVersion: string;
  generation: HaGeneration;
  unitSystem: UnitSystemName;
  locationName: string;
  state: 'NOT_RUNNING' | 'RUNNING';
  domains: Iterable<string>;
}): Record<string, unknown> {
  const components = [
    ...new Set([
      'api',
      'auth',
      'config',
      'frontend',
      'http',
      'onboarding',
      'websocket_api',
      ...opts.domains,
    ]),
  ].sort();
  return {
    latitude: 52.3731,
    longitude: 4.8922,
    elevation: 0,
    unit_system: unitSystem(opts.unitSystem, opts.generation),
    location_name: opts.locationName,
    time_zone: 'Europe/Amsterdam',
    components,
    config_dir: '/config',
    whitelist_external_dirs: ['/config/www', '/media'],
    allowlist_external_dirs: ['/config/www', '/media'],
    allowlist_external_urls: [],
    version: opts.haVersion,
    config_source: 'storage',
    recovery_mode: false,
    state: opts.state,
    external_url: null,
    internal_url: null,
    currency: 'EUR',
    country: 'NL',
    language: 'en',
    safe_mode: false,
    ...(opts.generation === '2024.1' ? {} : { debug: false, radius: 100 }),
  };
}
