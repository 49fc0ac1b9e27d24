import { mdiHelpCircleOutline } from '@mdi/js';
import { NOT_FOUND } from '../../shared/entity-view';

/**
 * The contents of a favourite Home Assistant does not have (its list item is the RovingList's):
 * laid out as every row, with its saved name and id, and a way to remove it from the favourites.
 * While the states are still loading it only says so.
 */
export function MissingRow({
  entityId,
  label,
  loaded,
  onRemove,
}: {
  entityId: string;
  label: string | undefined;
  loaded: boolean;
  onRemove: () => void;
}) {
  const name = label ?? entityId;
  return (
    <>
      <svg className="entity-icon" viewBox="0 0 24 24" aria-hidden="true">
        <path d={mdiHelpCircleOutline} />
      </svg>
      <div className="favourite-text">
        <span className="favourite-name" title={name}>
          {name}
        </span>
        <span className="favourite-state">
          {loaded ? (label ? `${NOT_FOUND} (${entityId})` : NOT_FOUND) : 'Loading…'}
        </span>
      </div>
      {loaded && (
        <div className="favourite-control">
          <button
            type="button"
            className="button small"
            aria-label={`Remove ${name} from favourites`}
            onClick={onRemove}
          >
            Remove
          </button>
        </div>
      )}
    </>
  );
}
