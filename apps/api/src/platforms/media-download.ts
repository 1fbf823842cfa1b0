/**
 * Downloading a customer's media from a platform: one GET, bounded in time and in bytes. The body is read
 * as a stream and the request aborted as soon as it passes the cap (a Content-Length above the cap is
 * refused before reading anything), so a huge or endless file never fills memory.
 */

/** Why a download did not give us the file; `retryable` says whether trying later may help. */
export class MediaDownloadError extends Error {
  override readonly name = "MediaDownloadError";

  constructor(
    /** What the console shows as the attachment's reason (English, short, no URL or token). */
    readonly reason: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
  }
}

export interface DownloadedMedia {
  bytes: Buffer;
  /** The type the platform declared (the stored type comes from the bytes, not from this). */
  mimeType?: string;
  fileName?: string;
}

export interface BoundedGetOptions {
  maxBytes: number;
  timeoutMs: number;
  fetch?: typeof fetch;
  headers?: Record<string, string>;
  /** For reasons: "Telegram", "Instagram", "WhatsApp". */
  source: string;
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

export const tooLarge = (maxBytes: number) =>
  new MediaDownloadError(`The file is larger than ${megabytes(maxBytes)}`, false);

/** 5xx and 429 may pass; 4xx will not (an expired link, a file that is gone, a refused token). */
const retryableStatus = (status: number) => status >= 500 || status === 429 || status === 408;

/** GET `url` and read at most `maxBytes` of it. */
export async function boundedGet(url: string | URL, options: BoundedGetOptions) {
  const { maxBytes, source } = options;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error("timeout")), options.timeoutMs);
  try {
    let response: Response;
    try {
      response = await (options.fetch ?? fetch)(url, {
        headers: options.headers,
        signal: controller.signal,
        redirect: "follow",
      });
    } catch (error) {
      throw new MediaDownloadError(
        controller.signal.aborted
          ? `${source} did not send the file within ${options.timeoutMs} ms`
          : `${source} is unreachable`,
        true,
        { cause: error },
      );
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new MediaDownloadError(
        response.status === 403 || response.status === 404 || response.status === 410
          ? `${source} no longer has the file (HTTP ${response.status}; its link may have expired)`
          : `${source} refused the download (HTTP ${response.status})`,
        retryableStatus(response.status),
      );
    }
    const declared = Number(response.headers.get("content-length"));
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    const bytes = await readCapped(response, maxBytes, controller, source, options.timeoutMs);
    return { bytes, contentType: response.headers.get("content-type") ?? undefined };
  } finally {
    clearTimeout(timer);
  }
}

async function readCapped(
  response: Response,
  maxBytes: number,
  controller: AbortController,
  source: string,
  timeoutMs: number,
): Promise<Buffer> {
  if (!response.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        controller.abort(new Error("too large"));
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof MediaDownloadError) throw error;
    throw new MediaDownloadError(
      controller.signal.aborted
        ? `${source} did not send the file within ${timeoutMs} ms`
        : `${source} broke off the download`,
      true,
      { cause: error },
    );
  } finally {
    reader.releaseLock();
  }
  return Buffer.concat(chunks, total);
}

/** The media type without parameters ("audio/ogg; codecs=opus" → "audio/ogg"), or undefined. */
export const bareMimeType = (value: string | undefined) =>
  value?.split(";")[0]?.trim().toLowerCase() || undefined;
