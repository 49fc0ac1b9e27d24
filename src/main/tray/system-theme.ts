/** The operating system's light or dark appearance (Electron's nativeTheme). */
export interface SystemTheme {
  isDark(): boolean;
  /** Called when the user switches the system between light and dark. */
  onChange(listener: () => void): () => void;
}
