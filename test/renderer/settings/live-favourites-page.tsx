import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { FavouritesPage } from '../../../src/renderer/settings/pages/FavouritesPage';
import type { EntityView } from '../../../src/shared/entity-view';
import {
  DEFAULT_SETTINGS,
  FIRST_INSTANCE_KEY,
  type Favourite,
  type InstanceEntry,
} from '../../../src/shared/settings';
import { installFakeBridge } from '../fake-bridge';

/** The Favourites page's props for one Home Assistant with these favourites and entities. */
export function oneInstance(favourites: Favourite[], home: EntityView[]) {
  return {
    instances: [{ ...DEFAULT_SETTINGS.instances[0]!, favourites }],
    lists: new Map([[FIRST_INSTANCE_KEY, home]]),
  };
}

/** The Favourites page as the settings window shows it: each saved change comes back as new favourites. */
export function renderLiveFavouritesPage(initial: Favourite[], home: EntityView[]) {
  const fake = installFakeBridge();
  const user = userEvent.setup();
  function Live() {
    const [favourites, setFavourites] = useState(initial);
    fake.api.updateInstance.mockImplementation(
      async (_key: string, patch: Partial<InstanceEntry>) => {
        setFavourites(patch.favourites ?? favourites);
        return { ok: true as const, value: DEFAULT_SETTINGS };
      },
    );
    return <FavouritesPage {...oneInstance(favourites, home)} />;
  }
  render(<Live />);
  return { ...fake, user };
}
