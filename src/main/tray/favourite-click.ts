import { planAction, trayItemKind } from '../../shared/domains/registry';
import { entityHistoryPath } from '../../shared/ha-page-url';
import { friendlyName, stateText } from '../../shared/state-text';
import { isUserFacingError } from '../../shared/user-facing-error';
import type { EntityActionDeps } from '../ha/entity-actions';
import { runEntityAction } from '../ha/entity-actions';
import type { Dialogs } from '../windows/dialogs';

export interface FavouriteClickDeps extends EntityActionDeps {
  dialogs: Dialogs;
  openHaPage: (path: string) => Promise<void>;
  openPanel: () => void;
}

/**
 * A click on a favourite in the tray menu: the domain's primary action, after a question for
 * locks and entrance covers; read-only entities open their history; domains whose controls do
 * not fit a menu (climate) open the panel.
 * A failure is shown in Home Assistant's words.
 */
export async function clickFavourite(deps: FavouriteClickDeps, entityId: string): Promise<void> {
  const entity = deps.store.get(entityId);
  if (!entity) return;
  const kind = trayItemKind(entity);
  if (kind === 'panel') return deps.openPanel();
  if (kind === 'history') return deps.openHaPage(entityHistoryPath(entityId));
  const plan = planAction(entity, { kind: 'primary' });
  let confirmed = false;
  if (plan.ok && plan.plan.confirm) {
    const detail = `${friendlyName(entity)} is ${stateText(entity).toLowerCase()} now.`;
    confirmed = await deps.dialogs.confirm(
      plan.plan.confirm,
      detail,
      plan.plan.label.replace('…', ''),
    );
    if (!confirmed) return;
  }
  try {
    await runEntityAction(deps, entityId, { kind: 'primary' }, { confirmed });
  } catch (error) {
    deps.dialogs.showError(
      `Could not control ${friendlyName(entity)}`,
      isUserFacingError(error) ? error.message : 'Something went wrong.',
    );
  }
}
