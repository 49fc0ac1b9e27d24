/** Native message boxes, for questions the tray menu cannot ask itself. */
export interface Dialogs {
  /** Resolves true when the user chose `confirmLabel`. */
  confirm(question: string, detail: string, confirmLabel: string): Promise<boolean>;
  showError(title: string, message: string): void;
}
