/** Opens URLs in the user's browser. Callers check the URL first (see windows/external-url). */
export interface Shell {
  openExternal(url: string): Promise<void>;
}
