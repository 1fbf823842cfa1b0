/** What a ConfirmDialog needs from the mutation it confirms: busy while it runs, its refusal, and a
 * Cancel that closes the dialog and forgets the refusal. */
export function mutationDialogProps(
  mutation: { isPending: boolean; error: { message: string } | null; reset: () => void },
  close: () => void,
) {
  return {
    busy: mutation.isPending,
    error: mutation.error?.message ?? null,
    onCancel: () => {
      close();
      mutation.reset();
    },
  };
}
