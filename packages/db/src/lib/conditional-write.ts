import {
  PutCommand,
  UpdateCommand,
  type PutCommandInput,
  type UpdateCommandInput,
  type UpdateCommandOutput,
} from "@aws-sdk/lib-dynamodb";
import type { Db } from "../client/db";
import { isConditionalCheckFailed } from "./errors";

/**
 * A conditional UpdateItem whose failed condition is an answer ("someone else holds it"), not an error:
 * the output when it applied, null when the condition did not hold. Other errors propagate.
 */
export async function conditionalUpdate(
  db: Db,
  input: UpdateCommandInput,
): Promise<UpdateCommandOutput | null> {
  try {
    return await db.doc.send(new UpdateCommand(input));
  } catch (error) {
    if (isConditionalCheckFailed(error)) return null;
    throw error;
  }
}

/** A conditional PutItem: true when written, false when the condition did not hold. */
export async function conditionalPut(db: Db, input: PutCommandInput): Promise<boolean> {
  try {
    await db.doc.send(new PutCommand(input));
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}
