import { mkdir } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { answerOperation, createDynamoHandler } from "./dynamo-http";
import { cacheDynaliteExpressions } from "./dynalite-expression-cache";
import type { AnswerOperation } from "./in-process-document-client";
import { openRecoveringStore, type StorageFaultListener } from "./embedded-store";
import { closeDynaliteIterators } from "./dynalite-iterators";
import { createInProcessHandler, type InProcessHandler } from "./in-process-handler";

export interface EmbeddedDynamoOptions {
  /** LevelDB directory (created if missing); in memory when undefined. */
  dataDir?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Told when a storage fault pauses writes (with LevelDB's message) and when they resume (null). */
  onStorageFault?: StorageFaultListener;
}

export interface EmbeddedDynamo {
  endpoint: string;
  /** The SDK request handler that answers this process's own client without the socket. */
  requestHandler: InProcessHandler;
  /** The engine called directly with an operation's parsed input (no HTTP, no JSON). */
  answer: AnswerOperation;
  /** Why writes are paused right now (e.g. the disk is full), or null. */
  storageFault(): string | null;
  close(): Promise<void>;
}

/** Starts dynalite in this process on 127.0.0.1; tables become ACTIVE immediately. */
export async function startEmbeddedDynamo(
  options: EmbeddedDynamoOptions = {},
): Promise<EmbeddedDynamo> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  cacheDynaliteExpressions();
  closeDynaliteIterators();
  const stores = await openRecoveringStore({
    path: options.dataDir,
    onFault: options.onStorageFault,
  });
  const server = createServer(createDynamoHandler(stores));
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
    requestHandler: createInProcessHandler(stores),
    answer: (operation, input) => answerOperation(stores, operation, input),
    storageFault: () => stores.fault(),
    close() {
      // Idle keep-alive sockets would hold the close open until they time out.
      server.closeIdleConnections();
      closed ??= new Promise<void>((resolve, reject) =>
        server.close((err) => (err ? reject(err) : resolve())),
      ).then(() => stores.close());
      return closed;
    },
  };
}
