import { domainName } from './domains/domain-name';
import { domainOf } from './entity';
import { NO_AREA } from './floor-groups';

/** An entity in a list, by the name the list shows and what else is known of it. */
export interface NamedEntity {
  name: string;
  entityId: string;
  area?: string | undefined;
}

/** The ways to tell two alike names apart, the shortest first; the entity id always does. */
const DISTINCTIONS: ReadonlyArray<(item: NamedEntity) => string> = [
  (item) => item.area ?? NO_AREA,
  (item) => domainName(domainOf(item.entityId)),
  (item) => `${item.area ?? NO_AREA} · ${domainName(domainOf(item.entityId))}`,
];

const sameName = (name: string) => name.trim().toLocaleLowerCase();

/**
 * What to show beside each name that another item of the list shares, so that a person can tell
 * them apart: the area ("Bedroom", or "No area"), else the domain in words ("Cover"), else both, else the
 * entity id. Undefined for a name nobody else in the list has: it needs nothing beside it.
 */
export function tellApart(items: readonly NamedEntity[]): Array<string | undefined> {
  return items.map((item) => {
    const alike = items.filter((other) => sameName(other.name) === sameName(item.name));
    if (alike.length < 2) return undefined;
    for (const distinction of DISTINCTIONS) {
      const mine = distinction(item);
      if (alike.every((other) => other === item || distinction(other) !== mine)) return mine;
    }
    return item.entityId;
  });
}
