/**
 * The temperature units of Home Assistant's unit systems: metric's `°C` and US customary's `°F`
 * (`util/unit_system.py`, `METRIC_SYSTEM` and `US_CUSTOMARY_SYSTEM`).
 */
export const TEMPERATURE_UNITS = ['°C', '°F'] as const;

export type TemperatureUnit = (typeof TEMPERATURE_UNITS)[number];
