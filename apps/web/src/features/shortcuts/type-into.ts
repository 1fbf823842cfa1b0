/**
 * Focuses a text field and types `text` at its caret as if from the keyboard: through the editing
 * command when the browser has it (so React's onChange sees an ordinary input event), else by
 * replacing the selection and announcing an input event.
 */
export function typeInto(field: HTMLTextAreaElement | HTMLInputElement, text: string): void {
  field.focus();
  if (text === "") return;
  if (
    typeof document.execCommand === "function" &&
    document.execCommand("insertText", false, text)
  ) {
    return;
  }
  const start = field.selectionStart ?? field.value.length;
  field.setRangeText(text, start, field.selectionEnd ?? start, "end");
  field.dispatchEvent(new Event("input", { bubbles: true }));
}
