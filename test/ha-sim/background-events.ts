import type { SimState, StateMachine } from './entities/state-machine';

const TICK_MS = 20;

const changeable = (s: SimState) =>
  (s.entity_id.startsWith('sensor.') && s.state !== '' && !Number.isNaN(Number(s.state))) ||
  (s.entity_id.startsWith('binary_sensor.') && (s.state === 'on' || s.state === 'off'));

/**
 * Random state changes at a steady rate, like a busy home: numeric sensors drift by up to half a
 * unit and binary sensors flip. Returns a stop function. The timer does not keep the process alive.
 */
export function startBackgroundEvents(
  states: StateMachine,
  perSecond: number,
  random = Math.random,
): () => void {
  let owed = 0;
  const timer = setInterval(() => {
    owed += (perSecond * TICK_MS) / 1000;
    if (owed < 1) return;
    const candidates = states.all().filter(changeable);
    for (; owed >= 1; owed--) {
      const pick = candidates[Math.floor(random() * candidates.length)];
      // A test may have removed it meanwhile.
      const current = pick && states.get(pick.entity_id);
      if (current) change(states, current, random);
    }
  }, TICK_MS);
  timer.unref();
  return () => clearInterval(timer);
}

function change(states: StateMachine, s: SimState, random: () => number): void {
  const next = s.entity_id.startsWith('binary_sensor.')
    ? s.state === 'on'
      ? 'off'
      : 'on'
    : String(Math.round((Number(s.state) + random() - 0.5) * 10) / 10);
  states.set(s.entity_id, next, { ...s.attributes });
}
