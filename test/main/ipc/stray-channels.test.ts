import { describe, expect, it } from 'vitest';
import { ELECTRON_STORE_CHANNEL, strayIpcChannels } from '../../../src/main/ipc/stray-channels';
import { ipcContract } from '../../../src/shared/ipc/contract';
import { requestChannel } from '../../../src/shared/ipc/define';

describe('strayIpcChannels', () => {
  it("removes electron-store's unchecked listener and anything else the table does not serve", () => {
    const served = Object.keys(ipcContract.requests).map(requestChannel);
    const odd = Symbol('odd');
    expect(strayIpcChannels([ELECTRON_STORE_CHANNEL, served[0]!, 'other', odd], served)).toEqual([
      ELECTRON_STORE_CHANNEL,
      'other',
      odd,
    ]);
    expect(strayIpcChannels(served, served)).toEqual([]);
  });
});
