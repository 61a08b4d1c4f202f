/**
 * Opens or closes a native `<dialog>` to match `open`. `showModal()` moves focus inside, makes the
 * rest of the page inert and lets Escape close it; whoever opened it returns focus on close.
 */
export function syncModal(dialog: HTMLDialogElement | null | undefined, open: boolean): void {
  if (!dialog) return;
  if (open && !dialog.open) dialog.showModal();
  else if (!open && dialog.open) dialog.close();
}

/** Focuses `element` if it can still take focus (it may have been removed or disabled meanwhile). */
export function focusIfPossible(element: HTMLElement | null | undefined): boolean {
  if (!element?.isConnected || (element as HTMLButtonElement).disabled) return false;
  element.focus();
  return true;
}
