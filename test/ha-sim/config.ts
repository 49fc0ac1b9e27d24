/** `hass.config.as_dict()` of HA 2024.1, as `get_config` and `GET /api/config` return it. */
export function haConfig(opts: {
  haVersion: string;
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
    unit_system: {
      length: 'km',
      accumulated_precipitation: 'mm',
      mass: 'g',
      pressure: 'Pa',
      temperature: '°C',
      volume: 'L',
      wind_speed: 'm/s',
    },
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
  };
}
