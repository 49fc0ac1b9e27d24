import {
  retryMainValue,
  useMainValueState,
  type MainValueName,
  type MainValueState,
} from '../hooks/useMainValue';
import { LoadFailure } from './LoadFailure';

/** The first of the states that failed, with its name, or null. */
function firstFailure(names: readonly MainValueName[], states: MainValueState<unknown>[]) {
  const index = states.findIndex((state) => state.error !== null);
  return index === -1 ? null : { name: names[index]!, message: states[index]!.error!.message };
}

/**
 * What a page shows while the values it needs are not there: "Loading…", or, when one failed to
 * load, why (the sentence main gave) and "Try again", never "Loading…" forever. Nothing once all
 * of them have loaded. `quiet` leaves out "Loading…" where the page says it in its own way.
 */
export function LoadingValues(props: LoadingValuesProps) {
  // Another list of names is another component, so each keeps its hooks in one order.
  return <LoadingList key={props.names.join()} {...props} />;
}

interface LoadingValuesProps {
  names: readonly MainValueName[];
  quiet?: boolean;
}

function LoadingList({ names, quiet = false }: LoadingValuesProps) {
  // eslint-disable-next-line react-hooks/rules-of-hooks -- the names are fixed for this component
  const states = names.map((name) => useMainValueState(name));
  const failure = firstFailure(names, states);
  if (failure)
    return <LoadFailure message={failure.message} onRetry={() => retryMainValue(failure.name)} />;
  if (quiet || states.every((state) => state.value !== null)) return null;
  return <p className="muted">Loading…</p>;
}
