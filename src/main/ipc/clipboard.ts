/** The system clipboard; main writes to it so pages need no clipboard permission. */
export interface Clipboard {
  writeText(text: string): Promise<void>;
}
