import type { z } from 'zod';

/** What a field of a page request is called in a sentence. */
const FIELD_WORDS: Record<string, string> = {
  url: 'The address',
  token: 'The token',
  entityId: 'The entity',
  action: 'The action',
  favourites: 'The favourites list',
  rules: 'The notification rules',
  name: 'The name',
  notifications: 'The notification settings',
  tokenReminder: 'The token reminder',
  ui: 'The shortcut or start-at-login setting',
  globalShortcut: 'The shortcut',
  label: 'The label',
  storage: 'Token storage',
};

/**
 * Turns the first schema problem of a page request into a sentence for the user. A schema's own
 * message ("Too big: expected string to have <=2048 characters") is for developers and is never
 * shown; a page that sends a request it was not built to send gets a plain "could not use it".
 */
export function describeInvalidRequest(issue: z.core.$ZodIssue | undefined): string {
  const field = [...(issue?.path ?? [])]
    .reverse()
    .find((key): key is string => typeof key === 'string' && key in FIELD_WORDS);
  const subject = field ? FIELD_WORDS[field]! : 'Something in this request';
  switch (issue?.code) {
    case 'too_big':
      return issue.origin === 'string'
        ? `${subject} is too long (at most ${issue.maximum.toLocaleString('en')} characters).`
        : `${subject} has too many entries or too large a value (at most ${issue.maximum.toLocaleString('en')}).`;
    case 'too_small':
      return `${subject} is too short or too small.`;
    case 'unrecognized_keys':
      return `${subject} has entries HA Tray does not know; nothing was changed.`;
    default:
      return field
        ? `${subject} is not valid; nothing was changed.`
        : 'HA Tray could not use this request from the page; nothing was changed. Reload the window and try again.';
  }
}
