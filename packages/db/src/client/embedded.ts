// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- dynalite ships no types; this keeps them visible to every workspace that compiles this file
/// <reference path="./dynalite.d.ts" />
import { mkdir } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import dynalite from "dynalite";
import { closeDynaliteIterators } from "./dynalite-iterators";

export interface EmbeddedDynamoOptions {
  /** LevelDB directory (created if missing); in memory when undefined. */
  dataDir?: string;
  /** 0 (default) picks a free port. */
  port?: number;
}

export interface EmbeddedDynamo {
  endpoint: string;
  close(): Promise<void>;
}

/** Starts dynalite in this process on 127.0.0.1; tables become ACTIVE immediately. */
export async function startEmbeddedDynamo(
  options: EmbeddedDynamoOptions = {},
): Promise<EmbeddedDynamo> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  closeDynaliteIterators();
  const server = dynalite({
    ...(options.dataDir ? { path: options.dataDir } : {}),
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close() {
      // Idle keep-alive sockets would hold dynalite's graceful close open until they time out.
      server.closeIdleConnections();
      closed ??= new Promise<void>((resolve, reject) =>
        server.close((err) => (err ? reject(err) : resolve())),
      );
      return closed;
    },
  };
}
