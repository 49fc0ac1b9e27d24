/** Sleep, wake and network changes: the connection reconnects at once on resume and online. */
export interface PowerEvents {
  onSuspend(listener: () => void): () => void;
  onResume(listener: () => void): () => void;
  onUnlockScreen(listener: () => void): () => void;
}
