/** Saves text the API returned as a file, without a round trip through a URL the server serves. */
export function downloadText(fileName: string, mimeType: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: Firefox reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
