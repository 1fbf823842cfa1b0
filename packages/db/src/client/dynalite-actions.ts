// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- dynalite ships no types; this keeps them visible to every workspace that compiles this file
/// <reference path="./dynalite.d.ts" />
import { createRequire } from "node:module";
import type { DynaliteStore } from "dynalite/db/index.js";
import { checkTypes, checkValidations } from "dynalite/validations/index.js";

/** An error dynalite means as a DynamoDB answer (validation, not found, failed condition). */
export interface DynamoAnswerError {
  statusCode: number;
  body: Record<string, unknown>;
}

type ActionCallback = (error: unknown, result?: unknown) => void;
type Action = (store: DynaliteStore, data: unknown, done: ActionCallback) => void;
interface Validation {
  types: unknown;
  custom?: unknown;
}

const OPERATIONS = [
  "BatchGetItem",
  "BatchWriteItem",
  "CreateTable",
  "DeleteItem",
  "DeleteTable",
  "DescribeTable",
  "DescribeTimeToLive",
  "GetItem",
  "ListTables",
  "ListTagsOfResource",
  "PutItem",
  "Query",
  "Scan",
  "TagResource",
  "UntagResource",
  "UpdateItem",
  "UpdateTable",
] as const;
export type Operation = (typeof OPERATIONS)[number];

const READS: ReadonlySet<Operation> = new Set([
  "BatchGetItem",
  "DescribeTable",
  "DescribeTimeToLive",
  "GetItem",
  "ListTables",
  "ListTagsOfResource",
  "Query",
  "Scan",
]);

export function isOperation(name: string): name is Operation {
  return (OPERATIONS as readonly string[]).includes(name);
}

export function isWrite(operation: Operation): boolean {
  return !READS.has(operation);
}

// dynalite keeps one CommonJS module per action and validation, named after the operation.
const load = createRequire(import.meta.url);
const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);
const actions = new Map(
  OPERATIONS.map((operation) => [
    operation,
    {
      run: load(`dynalite/actions/${lowerFirst(operation)}.js`) as Action,
      validation: load(`dynalite/validations/${lowerFirst(operation)}.js`) as Validation,
    },
  ]),
);

export function isAnswerError(error: unknown): error is DynamoAnswerError {
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { statusCode?: unknown }).statusCode === "number"
  );
}

/** Checks the input as dynalite's server does; throws a DynamoAnswerError for invalid input. */
export function validateInput(store: DynaliteStore, operation: Operation, data: unknown): unknown {
  const { validation } = actions.get(operation) as { validation: Validation };
  const checked = checkTypes(data, validation.types);
  checkValidations(checked, validation.types, validation.custom, store);
  return checked;
}

/** Runs one operation: its result, or its error (a DynamoAnswerError or whatever the storage threw). */
export function runOperation(
  store: DynaliteStore,
  operation: Operation,
  data: unknown,
): Promise<{ ok: true; result: unknown } | { ok: false; error: unknown }> {
  const { run } = actions.get(operation) as { run: Action };
  return new Promise((resolve) => {
    run(store, data, (error, result) =>
      resolve(error ? { ok: false, error } : { ok: true, result }),
    );
  });
}
