import * as dynamodb from "@aws-sdk/client-dynamodb";
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from "@aws-sdk/lib-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import { StorageUnavailableError } from "../lib/errors";
import { processKeys, type KeyNodes } from "./document-key-nodes";
import type { Answer } from "./dynamo-http";
import type { Operation } from "./dynalite-actions";
import { isUnavailable } from "./storage-unavailable";

/** This process's embedded engine, called with an operation's parsed input. */
export type AnswerOperation = (operation: Operation, input: unknown) => Promise<Answer>;

/** Told of every command the client sends (tests assert how data was read, e.g. never by Scan). */
/** Told of a command as it is sent; what it returns (if a function) is called once the command settles, with its error if it failed. */
export type CommandListener = (
  name: string,
  input: Record<string, unknown>,
) => void | ((error?: unknown) => void);

/** Tells every listener a command starts; the returned function tells those that asked that it settled. */
export function announceCommand(
  listeners: readonly CommandListener[],
  name: string,
  input: Record<string, unknown>,
): (error?: unknown) => void {
  const settled = listeners.map((listener) => listener(name, input));
  return (error) => {
    for (const done of settled) if (typeof done === "function") done(error);
  };
}

const OPERATIONS = new Map<unknown, Operation>([
  // Batches too: a search page's hits are one BatchGet, each indexed message a BatchWrite.
  [BatchGetCommand, "BatchGetItem"],
  [BatchWriteCommand, "BatchWriteItem"],
  [GetCommand, "GetItem"],
  [PutCommand, "PutItem"],
  [UpdateCommand, "UpdateItem"],
  [DeleteCommand, "DeleteItem"],
  [QueryCommand, "Query"],
]);

interface DocumentCommand {
  input: Record<string, unknown>;
  inputKeyNodes: KeyNodes;
  outputKeyNodes: KeyNodes;
}

// The SDK's defaults: 3 attempts, full-jitter back-off from 100 ms, for answers it retries (5xx).
const MAX_ATTEMPTS = 3;
const backOff = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * 100 * 2 ** attempt));

/** The request as the wire carries it: undefined members dropped, binary values base64. */
function wireCopy(input: Record<string, unknown>): unknown {
  return JSON.parse(
    JSON.stringify(input, function (this: Record<string, unknown>, key, value: unknown) {
      const raw = this[key];
      return raw instanceof Uint8Array ? Buffer.from(raw).toString("base64") : value;
    }),
  );
}

/** Binary attribute values as the SDK reads them off the wire: Uint8Array, not base64. */
function readBinary(value: unknown): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = readBinary(value[i]);
    return value;
  }
  if (typeof value !== "object" || value === null) return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && typeof record.B === "string") return { B: fromBase64(record.B) };
  if (keys.length === 1 && Array.isArray(record.BS)) {
    return { BS: (record.BS as unknown[]).map((b) => (typeof b === "string" ? fromBase64(b) : b)) };
  }
  for (const key of keys) record[key] = readBinary(record[key]);
  return record;
}

const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, "base64"));

/** An error answer as the SDK throws it: the modelled exception of that name, or a service exception. */
function serviceError(answer: Answer, attempts: number): Error {
  const {
    __type,
    message: lower,
    Message,
    ...members
  } = (answer.body ?? {}) as Record<string, unknown>;
  const name = (typeof __type === "string" && __type.split("#").pop()) || "UnknownError";
  const $metadata = { httpStatusCode: answer.status, attempts };
  const text = lower ?? Message;
  const message = typeof text === "string" ? text : name;
  const Modeled = (dynamodb as Record<string, unknown>)[name];
  if (
    typeof Modeled === "function" &&
    Modeled.prototype instanceof dynamodb.DynamoDBServiceException
  ) {
    // Members such as a failed condition's `Item` ride on the exception, as the SDK sets them.
    const Exception = Modeled as new (options: object) => Error;
    return new Exception({ message, $metadata, ...(readBinary(members) as object) });
  }
  return new dynamodb.DynamoDBServiceException({
    name,
    $fault: answer.status >= 500 ? "server" : "client",
    $metadata,
    message,
  });
}

/**
 * The embedded engine in this process answers the document client's item commands (get, put, update,
 * delete, query, batch get and batch write) directly: the same (un)marshalling and the same answers,
 * errors and retries, without the SDK's per-call middleware (endpoint resolution, serde, user agent,
 * retry bookkeeping), which cost several times the engine's own work per call. Other commands, and calls
 * with options, go through the SDK as before.
 */
export function answerDocumentCommandsInProcess(
  doc: DynamoDBDocumentClient,
  answer: AnswerOperation,
  listeners: readonly CommandListener[],
): void {
  const sdkSend = doc.send.bind(doc) as (...args: unknown[]) => Promise<unknown>;
  const translate = doc.config.translateConfig ?? {};
  const marshallOptions = {
    ...translate.marshallOptions,
    convertTopLevelContainer: translate.marshallOptions?.convertTopLevelContainer ?? true,
  };
  const unmarshallOptions = {
    ...translate.unmarshallOptions,
    convertWithoutMapWrapper: translate.unmarshallOptions?.convertWithoutMapWrapper ?? true,
  };
  const toWire = (value: unknown): unknown => marshall(value, marshallOptions) as unknown;
  const fromWire = (value: unknown): unknown =>
    unmarshall(value as Parameters<typeof unmarshall>[0], unmarshallOptions);

  async function direct(operation: Operation, command: DocumentCommand): Promise<unknown> {
    const settled = announceCommand(listeners, `${operation}Command`, command.input);
    try {
      const output = await answerDirectly(operation, command);
      settled();
      return output;
    } catch (error) {
      settled(error);
      throw error;
    }
  }

  async function answerDirectly(operation: Operation, command: DocumentCommand): Promise<unknown> {
    const input = wireCopy(processKeys(command.input, toWire, command.inputKeyNodes));
    for (let attempt = 1; ; attempt++) {
      const answered = await answer(operation, input);
      if (answered.status === 200) {
        const output = readBinary(answered.body) as Record<string, unknown>;
        return {
          ...processKeys(output, fromWire, command.outputKeyNodes),
          $metadata: { httpStatusCode: 200, attempts: attempt },
        };
      }
      const error = serviceError(answered, attempt);
      if (answered.status >= 500 && attempt < MAX_ATTEMPTS) {
        await backOff(attempt);
        continue;
      }
      throw isUnavailable(error) ? new StorageUnavailableError(error) : error;
    }
  }

  doc.send = ((command: unknown, ...rest: unknown[]) => {
    const operation =
      rest.length === 0 && typeof command === "object" && command !== null
        ? OPERATIONS.get(command.constructor)
        : undefined;
    return operation ? direct(operation, command as DocumentCommand) : sdkSend(command, ...rest);
  }) as typeof doc.send;
}
