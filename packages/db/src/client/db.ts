import { DynamoDBClient, type DynamoDBClientConfig } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { TableNames } from "@agents-crm/config";
import { classifyStorageErrors } from "./storage-unavailable";

/** Which kind of engine sits behind the client: some behaviours (TTL, online index creation) differ. */
export type DbEngine = "aws" | "endpoint" | "embedded";

export interface DbCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface Db {
  doc: DynamoDBDocumentClient;
  raw: DynamoDBClient;
  tables: TableNames;
  engine: DbEngine;
  /** Why the embedded engine refuses writes right now (e.g. a full disk), or null. */
  storageFault(): string | null;
  close(): Promise<void>;
}

export interface CreateDbOptions {
  tables: TableNames;
  region: string;
  endpoint?: string;
  credentials?: DbCredentials;
  engine?: DbEngine;
  /** Answers the SDK's requests instead of its HTTP client (the embedded engine in this process). */
  requestHandler?: DynamoDBClientConfig["requestHandler"];
  /** Runs after the clients are destroyed, e.g. to stop an embedded engine. */
  onClose?: () => Promise<void>;
  storageFault?: () => string | null;
}

export function createDb(options: CreateDbOptions): Db {
  const raw = new DynamoDBClient({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.requestHandler
      ? // This process's own engine checks no signatures: signing every call would only cost CPU.
        {
          requestHandler: options.requestHandler,
          signer: { sign: (request) => Promise.resolve(request) },
        }
      : {}),
  });
  classifyStorageErrors(raw);
  const doc = DynamoDBDocumentClient.from(raw, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    unmarshallOptions: { wrapNumbers: false },
  });
  let closed: Promise<void> | undefined;
  return {
    doc,
    raw,
    tables: options.tables,
    engine: options.engine ?? (options.endpoint ? "endpoint" : "aws"),
    storageFault: options.storageFault ?? (() => null),
    close() {
      closed ??= (async () => {
        doc.destroy();
        raw.destroy();
        await options.onClose?.();
      })();
      return closed;
    },
  };
}
