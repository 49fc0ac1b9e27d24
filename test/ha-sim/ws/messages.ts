/** Message builders with Home Assistant's shapes and key order (websocket_api/messages.py). */
export type Message = Record<string, unknown>;

export interface Translation {
  translation_key: string;
  translation_domain: string;
  translation_placeholders: Record<string, string>;
}

export const resultMessage = (id: number, result: unknown = null): Message => ({
  id,
  type: 'result',
  success: true,
  result,
});

export const errorMessage = (
  id: unknown,
  code: string,
  message: string,
  translation?: Translation,
): Message => ({
  id: id ?? null,
  type: 'result',
  success: false,
  error: translation
    ? {
        code,
        message,
        translation_key: translation.translation_key,
        translation_placeholders: translation.translation_placeholders,
        translation_domain: translation.translation_domain,
      }
    : { code, message },
});

export const eventMessage = (id: number, event: unknown): Message => ({ id, type: 'event', event });

export const pongMessage = (id: number): Message => ({ id, type: 'pong' });
