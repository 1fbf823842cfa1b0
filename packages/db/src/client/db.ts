import { DynamoDBClient, type DynamoDBClientConfig } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { TableNames } from "@agents-crm/config";
import {
  answerDocumentCommandsInProcess,
  type AnswerOperation,
  announceCommand,
  type CommandListener,
} from "./in-process-document-client";
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
  /** Tells `listener` the name and input of every command sent from now on (tests). */
  onCommand(listener: CommandListener): void;
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
  /** The same engine called directly: the document client's item commands skip the SDK. */
  answerInProcess?: AnswerOperation;
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
  const listeners: CommandListener[] = [];
  raw.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      const settled = announceCommand(listeners, context.commandName ?? "unknown", input);
      try {
        const output = await next(args);
        settled();
        return output;
      } catch (error) {
        settled(error);
        throw error;
      }
    },
    { step: "initialize", name: "commandListeners" },
  );
  const doc = DynamoDBDocumentClient.from(raw, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    unmarshallOptions: { wrapNumbers: false },
  });
  if (options.answerInProcess) {
    answerDocumentCommandsInProcess(doc, options.answerInProcess, listeners);
  }
  let closed: Promise<void> | undefined;
  return {
    doc,
    raw,
    tables: options.tables,
    engine: options.engine ?? (options.endpoint ? "endpoint" : "aws"),
    storageFault: options.storageFault ?? (() => null),
    onCommand: (listener) => void listeners.push(listener),
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
