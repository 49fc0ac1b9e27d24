import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy* and waitFor wait for what the page shows; on a loaded machine a render can take seconds,
// so the ceiling is generous (the default 1 s failed beside stress-ng). It never delays a pass.
configure({ asyncUtilTimeout: 20_000 });

afterEach(() => cleanup());
