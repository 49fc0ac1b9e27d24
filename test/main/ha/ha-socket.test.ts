import { afterEach, expect, it, vi } from 'vitest';
import type { ConnectionSupervisor } from '../../../src/main/ha/connection-supervisor';
import { useSimulator } from '../../ha-sim/test-helpers';
import { connectedSupervisor } from '../../support/connected-supervisor';
import { waitFor } from '../../support/wait-for';

const { start } = useSimulator();
let supervisor: ConnectionSupervisor | undefined;
afterEach(() => {
  supervisor?.dispose();
  vi.restoreAllMocks();
});

it('parses each frame from Home Assistant once', async () => {
  const sim = await start();
  const connected = await connectedSupervisor(sim);
  supervisor = connected.supervisor;
  const parse = vi.spyOn(JSON, 'parse');
  sim.setState('light.kitchen', 'off');
  await waitFor(() => connected.store.get('light.kitchen')?.state === 'off', 'the change');
  const parsedFrames = parse.mock.calls.filter(
    ([text]) => typeof text === 'string' && text.includes('"light.kitchen"'),
  );
  expect(parsedFrames).toHaveLength(1);
});
