import type { AppServices } from '../../src/main/app-services';
import type { InstanceServices } from '../../src/main/instances/instance-services';

/**
 * The services of the one Home Assistant an app follows: what tests of a single instance reach
 * its vault, supervisor or store through. Throws when the app follows none or several, so a test
 * never acts on an instance it did not mean.
 */
export function onlyInstance(app: Pick<AppServices, 'instances'>): InstanceServices {
  const [instance, ...others] = app.instances.list();
  if (!instance || others.length > 0)
    throw new Error(
      `Expected one Home Assistant, the app follows ${others.length + (instance ? 1 : 0)}`,
    );
  return instance;
}
