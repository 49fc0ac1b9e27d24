import type { Translation } from './ws/messages';

/** `homeassistant.exceptions.HomeAssistantError`, with the translation fields HA 2024.1 sends along. */
export class HomeAssistantError extends Error {
  constructor(
    message: string,
    readonly translation?: Translation,
  ) {
    super(message);
  }
}

/**
 * The message of an error raised with only a translation key (2026.2: `HomeAssistantError.__str__`
 * -> `async_get_exception_message`, helpers/translation.py): the English template of
 * `exceptions.<key>.message` with its trailing dots stripped, then filled in. So
 * "Entity {entity_id} does not support action {domain}.{service}." ends without its dot.
 */
export function translatedMessage(template: string, placeholders: Record<string, string>): string {
  return template
    .replace(/\.+$/, '')
    .replace(/\{(\w+)\}/g, (whole, key: string) => placeholders[key] ?? whole);
}

/** A user's mistake in a service call: `service_validation_error` over the WebSocket. */
export class ServiceValidationError extends HomeAssistantError {}

export class ServiceNotFound extends HomeAssistantError {
  constructor(
    readonly domain: string,
    readonly service: string,
  ) {
    super(`Service ${domain}.${service} not found.`, {
      translation_key: 'service_not_found',
      translation_domain: 'homeassistant',
      translation_placeholders: { domain, service },
    });
  }
}

/** `homeassistant.exceptions.Unauthorized`: the `unauthorized` error code. */
export class Unauthorized extends Error {}

/** A Python `ValueError` from Home Assistant's core: `unknown_error` with its text. */
export class InvalidArgument extends Error {}

/**
 * `homeassistant.exceptions.ServiceNotSupported` (2024.11 on): a named entity lacks the service's
 * feature. A ServiceValidationError, so `service_validation_error` "Validation error: ...".
 */
export class ServiceNotSupported extends ServiceValidationError {
  constructor(domain: string, service: string, entityId: string) {
    const placeholders = { domain, service, entity_id: entityId };
    super(
      // components/homeassistant/strings.json
      translatedMessage(
        'Entity {entity_id} does not support action {domain}.{service}.',
        placeholders,
      ),
      {
        translation_domain: 'homeassistant',
        translation_key: 'service_not_supported',
        translation_placeholders: placeholders,
      },
    );
  }
}
