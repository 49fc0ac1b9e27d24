import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { FavouritesPage } from '../../../src/renderer/settings/pages/FavouritesPage';
import type { EntityView } from '../../../src/shared/entity-view';
import { DEFAULT_SETTINGS, type Favourite, type Settings } from '../../../src/shared/settings';
import { installFakeBridge } from '../fake-bridge';

/** The Favourites page as the settings window shows it: each saved change comes back as new favourites. */
export function renderLiveFavouritesPage(initial: Favourite[], home: EntityView[]) {
  const fake = installFakeBridge();
  const user = userEvent.setup();
  function Live() {
    const [favourites, setFavourites] = useState(initial);
    fake.api.updateSettings.mockImplementation(async (patch: Partial<Settings>) => {
      setFavourites(patch.favourites ?? favourites);
      return { ok: true as const, value: { ...DEFAULT_SETTINGS, ...patch } };
    });
    return <FavouritesPage favourites={favourites} entities={home} />;
  }
  render(<Live />);
  return { ...fake, user };
}
