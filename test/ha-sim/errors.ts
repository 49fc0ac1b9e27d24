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
    super(`Entity ${entityId} does not support action ${domain}.${service}.`, {
      translation_domain: 'homeassistant',
      translation_key: 'service_not_supported',
      translation_placeholders: { domain, service, entity_id: entityId },
    });
  }
}
