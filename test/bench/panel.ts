import { FIRST_INSTANCE_KEY } from '../../src/shared/settings';
import { defaultHome, startSimulator } from '../ha-sim';
import { chromiumPath } from '../e2e/chromium';
import { E2eHarness } from '../e2e/harness';
import { percentile, type Figure } from './support/figures';

const TOGGLES = 20;
const CHANGES_PER_SEC = 200;
const SWITCH = { entityId: 'switch.coffee_machine', name: 'Coffee machine' };

/**
 * Runs in the page (a string: the node project has no DOM types). Clicks the switch's input (a
 * click on its label is react-aria's press handling, which a synthetic click does not start) and
 * watches every frame: `feedbackMs` is the first painted frame with the
 * knob on the asked side, `confirmedMs` the first with Home Assistant's new state checked.
 */
const toggleOnce = (name: string) => `new Promise((resolve) => {
  const input = [...document.querySelectorAll('[role="switch"]')]
    .find((el) => el.getAttribute('aria-label') === ${JSON.stringify(name)});
  const label = input.closest('label');
  const knob = label.querySelector('.switch');
  const asked = !input.checked;
  const start = performance.now();
  let feedbackMs = null;
  const frame = (now) => {
    if (feedbackMs === null && (knob.getAttribute('data-on') === 'true') === asked)
      feedbackMs = now - start;
    if (input.checked === asked && !label.classList.contains('pending'))
      return resolve({ feedbackMs: feedbackMs ?? now - start, confirmedMs: now - start });
    requestAnimationFrame(frame);
  };
  input.click();
  requestAnimationFrame(frame);
})`;

/**
 * Toggle feedback in the panel while its other favourites change 200 times a second (every
 * numeric and binary sensor of the default home, through the app's own 200 ms page-event batch):
 * from the click to the first frame that shows the toggle on its way, and to the frame that shows
 * Home Assistant's answer. Needs Chromium.
 */
export async function panelBench(): Promise<Figure[]> {
  const chromium = chromiumPath();
  if (!chromium) return [];
  const busy = defaultHome()
    .map((s) => s.entity_id)
    .filter((id) => id.startsWith('sensor.') || id.startsWith('binary_sensor.'));
  const sim = await startSimulator({ eventRatePerSecond: CHANGES_PER_SEC });
  const harness = await E2eHarness.start({ chromiumPath: chromium, entityEventDelayMs: 200 });
  try {
    await harness.connectTo(sim.url, sim.token);
    harness.services.settings.updateInstance(FIRST_INSTANCE_KEY, {
      favourites: [SWITCH.entityId, ...busy].map((entityId) => ({ entityId })),
    });
    const tab = await harness.open('panel', { size: { width: 360, height: 520 } });
    await tab.getByRole('switch', { name: SWITCH.name }).waitFor();
    const feedback: number[] = [];
    const confirmed: number[] = [];
    for (let i = 0; i < TOGGLES; i++) {
      const result = await tab.evaluate<{ feedbackMs: number; confirmedMs: number }>(
        toggleOnce(SWITCH.name),
      );
      feedback.push(result.feedbackMs);
      confirmed.push(result.confirmedMs);
    }
    const figure = (key: string, values: number[], p: number): Figure => ({
      key,
      value: percentile(values, p),
      unit: 'ms',
      samples: values.length,
      note: `p${p}, toggles under ${CHANGES_PER_SEC} favourite changes/s`,
    });
    return [
      figure('panel.toggleFeedbackP50Ms', feedback, 50),
      figure('panel.toggleFeedbackP95Ms', feedback, 95),
      figure('panel.toggleConfirmedP50Ms', confirmed, 50),
    ];
  } finally {
    await harness.close();
    await sim.close();
  }
}
