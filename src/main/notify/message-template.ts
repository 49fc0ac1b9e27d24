import type { MessagePlaceholder } from '../../shared/notification-rules';

const PLACEHOLDER = /\{([a-z_]+)\}/g;

/**
 * Fills a user's message ("{name} is {state}"). The schema refuses unknown placeholders; one that
 * slips through (an older settings file) stays as typed rather than vanishing.
 */
export function renderTemplate(
  template: string,
  values: Record<MessagePlaceholder, string>,
): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(values, name) ? values[name as MessagePlaceholder] : whole,
  );
}
