import { describe, expect, it, vi } from 'vitest';
import { runDetached } from '../../src/main/detached';

describe('runDetached', () => {
  it('logs a rejection with what was being done', async () => {
    const warn = vi.fn();
    const failure = new Error('socket closed');
    runDetached(Promise.reject(failure), { warn }, 'Refreshing the areas');
    await vi.waitFor(() =>
      expect(warn).toHaveBeenCalledWith('Refreshing the areas failed', failure),
    );
  });

  it('logs nothing when the task succeeds', async () => {
    const warn = vi.fn();
    const task = Promise.resolve('done');
    runDetached(task, { warn }, 'Refreshing the areas');
    await task;
    await Promise.resolve();
    expect(warn).not.toHaveBeenCalled();
  });
});
