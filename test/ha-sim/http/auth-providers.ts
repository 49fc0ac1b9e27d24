import type { HaGeneration } from '../generation';

/** The one provider of a default install (`homeassistant` auth provider, no name of its own). */
const PROVIDERS = [{ name: 'Home Assistant Local', id: null, type: 'homeassistant' }];

/**
 * `GET /auth/providers` needs no token and does not count toward a ban (`AuthProvidersView` in
 * components/auth/login_flow.py): a list in 2024.1; from 2024.4 an object that also says whether
 * the login page should tick "keep me logged in" (true for a local address, as the simulator's).
 */
export function authProviders(generation: HaGeneration): unknown {
  if (generation === '2024.1') return PROVIDERS;
  return { providers: PROVIDERS, preselect_remember_me: true };
}
