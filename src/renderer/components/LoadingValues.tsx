import {
  refParts,
  retryMainValue,
  useMainValueState,
  type MainValueState,
  type ValueRef,
} from '../hooks/useMainValue';
import { LoadFailure } from './LoadFailure';

/** The first of the states that failed, with its value, or null. */
function firstFailure(values: readonly ValueRef[], states: MainValueState<unknown>[]) {
  const index = states.findIndex((state) => state.error !== null);
  return index === -1 ? null : { ref: values[index]!, message: states[index]!.error!.message };
}

const refKey = (ref: ValueRef) => {
  const { name, instance } = refParts(ref);
  return instance === undefined ? name : `${name}@${instance ?? ''}`;
};

/**
 * What a page shows while the values it needs are not there: "Loading…", or, when one failed to
 * load, why (the sentence main gave) and "Try again", never "Loading…" forever. Nothing once all
 * of them have loaded. `quiet` leaves out "Loading…" where the page says it in its own way. An
 * instance's own value is named with its key (`{ name: 'status', instance: key }`).
 */
export function LoadingValues(props: LoadingValuesProps) {
  // Another list of values is another component, so each keeps its hooks in one order.
  return <LoadingList key={props.names.map(refKey).join()} {...props} />;
}

interface LoadingValuesProps {
  names: readonly ValueRef[];
  quiet?: boolean;
}

function LoadingList({ names, quiet = false }: LoadingValuesProps) {
  const states = names.map((ref) => {
    const { name, instance } = refParts(ref);
    // eslint-disable-next-line react-hooks/rules-of-hooks -- the names are fixed for this component
    return useMainValueState(name, instance);
  });
  const failure = firstFailure(names, states);
  if (failure) {
    const { name, instance } = refParts(failure.ref);
    return (
      <LoadFailure
        message={failure.message}
        onRetry={() => retryMainValue(name, instance ?? undefined)}
      />
    );
  }
  if (quiet || states.every((state) => state.value !== null)) return null;
  return <p className="muted">Loading…</p>;
}
