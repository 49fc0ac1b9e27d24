import { cleanTokenPaste } from '../../shared/token-input';

/**
 * Tokens the app is handling right now but does not keep: one pasted on the Connection page
 * while it is tested, one pasted to replace the current token while it is verified. The logger
 * redacts them like the stored ones, in whatever form they arrived (with "Bearer ", quotes or
 * invisible characters) and in the cleaned-up form that travels on.
 */
export class HandledSecrets {
  private readonly held = new Map<string, number>();

  /** Holds `secret` until the returned function is called (calls may nest). */
  hold(secret: string): () => void {
    const forms = new Set([secret, cleanTokenPaste(secret).text]);
    for (const form of forms) this.held.set(form, (this.held.get(form) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const form of forms) {
        const count = (this.held.get(form) ?? 1) - 1;
        if (count <= 0) this.held.delete(form);
        else this.held.set(form, count);
      }
    };
  }

  values(): string[] {
    return [...this.held.keys()];
  }
}

/** Every string under a `token` key in a page request, however deep. */
export function tokensIn(value: unknown, depth = 0): string[] {
  if (depth > 4 || typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) =>
    key === 'token' && typeof item === 'string' ? [item] : tokensIn(item, depth + 1),
  );
}
