import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useEntityListOpen } from '../../../src/renderer/hooks/useEntityListOpen';
import { installFakeBridge } from '../fake-bridge';

describe('useEntityListOpen', () => {
  it('tells main while a page lists every entity, and when it stops', () => {
    const { api } = installFakeBridge();
    const { rerender, unmount } = renderHook(({ open }) => useEntityListOpen(open), {
      initialProps: { open: false },
    });
    expect(api.setEntityListOpen).not.toHaveBeenCalled();
    rerender({ open: true });
    expect(api.setEntityListOpen).toHaveBeenLastCalledWith(true);
    rerender({ open: false });
    expect(api.setEntityListOpen).toHaveBeenLastCalledWith(false);
    rerender({ open: true });
    unmount();
    expect(api.setEntityListOpen.mock.calls).toEqual([[true], [false], [true], [false]]);
  });
});
