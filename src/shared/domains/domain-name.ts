/**
 * A domain in words, as Home Assistant's entity pickers show it beside an entity ("Binary
 * sensor", "Media player"): its titles are the domain id in sentence case, so a domain HA Tray
 * does not know yet reads as well as the known ones.
 */
export function domainName(domain: string): string {
  const words = domain.replaceAll('_', ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : 'Entity';
}
