/** "532 B", "12.4 KB", "3.1 MB" in the reader's language (the unit words come from its messages). */
export function formatFileSize(
  bytes: number,
  units: { b: (n: string) => string; kb: (n: string) => string; mb: (n: string) => string },
  locale: string,
): string {
  const number = (value: number) =>
    value.toLocaleString(locale, { maximumFractionDigits: value < 10 ? 1 : 0 });
  if (bytes < 1024) return units.b(String(bytes));
  if (bytes < 1024 * 1024) return units.kb(number(bytes / 1024));
  return units.mb(number(bytes / 1024 / 1024));
}
