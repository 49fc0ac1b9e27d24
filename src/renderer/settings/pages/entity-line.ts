import { domainName } from '../../../shared/domains/domain-name';
import { domainOf } from '../../../shared/entity';
import { placeText, type EntityView } from '../../../shared/entity-view';
import { friendlyName } from '../../../shared/state-text';
import { tellApart } from '../../../shared/telling-apart';

/**
 * The second line of each row of a list of entities, as Home Assistant's entity pickers say it:
 * the domain in words and where the entity is ("Cover · Bedroom, First floor"; the place left out
 * where headings already say it), and the entity id only where a row of the same name reads the
 * same otherwise. `names`: the name each row shows (a favourite's own label, say).
 */
export function entityLines(
  entities: readonly EntityView[],
  { withPlace, names = entities.map(friendlyName) }: { withPlace: boolean; names?: string[] },
): string[] {
  const besides = tellApart(
    entities.map((entity, i) => ({
      name: names[i]!,
      entityId: entity.entity_id,
      area: entity.area,
    })),
  );
  return entities.map((entity, i) =>
    [
      domainName(domainOf(entity.entity_id)),
      withPlace ? placeText(entity) : '',
      besides[i] === entity.entity_id ? entity.entity_id : '',
    ]
      .filter(Boolean)
      .join(' · '),
  );
}
