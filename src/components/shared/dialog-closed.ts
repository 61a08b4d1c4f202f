/**
 * Wraps a `<dialog>`'s `close` listener so it only runs while the dialog really is closed.
 *
 * `close` is delivered in a task of its own after `dialog.close()`. When a person closes a dialog
 * and opens it again at once (Cancel, then the same button), the first `close` arrives after the
 * reopening; without this guard it would tear down the dialog that was just opened.
 */
export function dialogClosed<E extends Event>(listener: (event: E) => void): (event: E) => void {
  return (event) => {
    if ((event.currentTarget as HTMLDialogElement | null)?.open) return;
    listener(event);
  };
}
