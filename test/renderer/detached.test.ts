import { afterEach, describe, expect, it, vi } from 'vitest';
import { runDetached } from '../../src/renderer/detached';

describe('runDetached (pages)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reports a rejection on the console with what was being done', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failure = new Error('bridge gone');
    runDetached(Promise.reject(failure), 'Saving the settings');
    await vi.waitFor(() =>
      expect(error).toHaveBeenCalledWith('Saving the settings failed', failure),
    );
  });
});
