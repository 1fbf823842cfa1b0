/** Uploads get time for their bytes as well (at a slow 1 MB/s), on top of the usual answer time. */
export const uploadTimeoutMs = (bytes: number, baseMs: number) =>
  baseMs + Math.ceil(bytes / (1024 * 1024)) * 1000;
