import { useId, useState } from 'react';
import type { DiscoveredInstance } from '../../../shared/discovery';
import { bridge } from '../../bridge';
import { LoadingValues } from '../../components/LoadingValues';
import { runDetached } from '../../detached';
import { useMainValueState } from '../../hooks/useMainValue';

interface Props {
  /** A row was picked: sign in to this address. */
  onPick: (url: string) => void;
  /** The page's instance is connected now ("Connected") or not ("Set up"). */
  connected: boolean;
  /** The key of the instance the page sets up: one another instance follows is marked as such. */
  shown: string;
}

/**
 * "Home Assistant on this network": what answers as main browses, which it does exactly while this
 * list is on a page (following the `discovery` value starts it). Each supported one is a single
 * button that starts the sign-in; the saved one is marked; one too old is listed with why.
 */
export function NetworkInstances({ onPick, connected, shown }: Props) {
  const headingId = useId();
  const { value: discovery, error } = useMainValueState('discovery');
  const [refreshFailure, setRefreshFailure] = useState<string | null>(null);
  const instances = discovery?.instances ?? [];
  // Until main's first answer it is looking: following the value is what starts the browse.
  const looking = discovery === null ? error === null : discovery.state === 'browsing';

  async function searchAgain() {
    const reply = await bridge().refreshDiscovery();
    setRefreshFailure(reply.ok ? null : reply.error.message);
  }

  return (
    <section aria-labelledby={headingId} className="network-instances">
      <h2 id={headingId}>Home Assistant on this network</h2>
      <LoadingValues names={['discovery']} quiet />
      {instances.length > 0 && (
        <ul className="instance-list" aria-labelledby={headingId}>
          {instances.map((instance) => (
            <li key={instance.uuid}>
              <InstanceRow
                instance={instance}
                connected={connected}
                shown={shown}
                onPick={onPick}
              />
            </li>
          ))}
        </ul>
      )}
      <div aria-live="polite">
        {instances.length === 0 && looking && <p className="muted">Looking for Home Assistant…</p>}
        {discovery?.message && <p className="notice">{discovery.message}</p>}
        {discovery && instances.length === 0 && !looking && !discovery.message && (
          <p className="muted">No Home Assistant found yet.</p>
        )}
        {refreshFailure && (
          <p className="notice error" role="alert">
            {refreshFailure}
          </p>
        )}
      </div>
      <button
        type="button"
        className="button"
        onClick={() => runDetached(searchAgain(), 'Searching the network again')}
      >
        Search again
      </button>
    </section>
  );
}

/**
 * One Home Assistant that answered. Its button is named by all it shows (a name must hold the
 * visible words): location, address (two homes are often both called "Home") and version.
 */
function InstanceRow({
  instance,
  connected,
  shown,
  onPick,
}: {
  instance: DiscoveredInstance;
  connected: boolean;
  shown: string;
  onPick: (url: string) => void;
}) {
  const version = instance.version ? `Home Assistant ${instance.version}` : 'Home Assistant';
  const { savedAs } = instance;
  const mark =
    savedAs === null
      ? null
      : savedAs.key === shown
        ? connected
          ? 'Connected'
          : 'Set up'
        : `Added as ${savedAs.name}`;
  const text = (
    <>
      {/* The spaces keep the words apart in the name a screen reader reads. */}
      <span className="instance-name">{instance.locationName}</span>{' '}
      <span className="instance-url">{instance.url}</span>{' '}
      <span className="instance-version">{version}</span>
      {mark && (
        <>
          {' '}
          <span className="instance-mark">{mark}</span>
        </>
      )}
    </>
  );
  // The saved one is signed in to with the button under the address, which says it replaces the
  // token: a row here would replace it by accident. One another instance follows is followed
  // once (main refuses it too). One too old is listed, not offered.
  if (savedAs !== null || !instance.supported) {
    return (
      <div className={`instance-row${instance.supported ? '' : ' unsupported'}`}>
        {text}
        {!instance.supported && ' '}
        {!instance.supported && (
          <span className="instance-why">
            Too old for HA Tray, which needs Home Assistant 2024.1 or later. Update it, then search
            again.
          </span>
        )}
      </div>
    );
  }
  return (
    <button type="button" className="instance-row" onClick={() => onPick(instance.url)}>
      {text}
    </button>
  );
}
