import { DescribeTimeToLiveCommand, UpdateTimeToLiveCommand } from "@aws-sdk/client-dynamodb";
import type { Db } from "../client/db";

export type TtlOutcome = "enabled" | "unchanged" | "unsupported" | { warning: string };

/**
 * How DynamoDB-compatible engines say they lack the TTL API: dynalite as a server answers an unknown
 * action with a bare 400 the SDK names `UnknownError` (in-process: `UnknownOperationException`);
 * ScyllaDB Alternator without its experimental TTL feature, a ValidationException saying so. Access
 * denied and the like are not in this list: they are the operator's to fix.
 */
export function isTtlApiMissing(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === "UnknownOperationException" || error.name === "UnknownError") return true;
  return /unknown ?operation|not (yet )?(supported|implemented)|unsupported operation|experimental/i.test(
    error.message,
  );
}

/**
 * Turns on TTL deletion for `attribute`. An engine without the TTL API (the embedded one, dynalite as a
 * server, Alternator without TTL) is reported as "unsupported", not failed: readers treat expired items
 * as absent anyway, and the API's expiry sweep reclaims them.
 */
export async function ensureTtl(db: Db, tableName: string, attribute: string): Promise<TtlOutcome> {
  try {
    const out = await db.raw.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
    const status = out.TimeToLiveDescription?.TimeToLiveStatus;
    const current = out.TimeToLiveDescription?.AttributeName;
    if ((status === "ENABLED" || status === "ENABLING") && current === attribute)
      return "unchanged";
    if (status === "ENABLED" || status === "ENABLING") {
      return {
        warning: `${tableName}: TTL is enabled on "${current}", not "${attribute}"; items will not expire on "${attribute}"`,
      };
    }
    if (status === "DISABLING") {
      return {
        warning: `${tableName}: TTL is being disabled; run provisioning again to enable it on "${attribute}"`,
      };
    }
    await db.raw.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: attribute, Enabled: true },
      }),
    );
    return "enabled";
  } catch (error) {
    if (isTtlApiMissing(error)) return "unsupported";
    throw error;
  }
}

/**
 * Whether the engine deletes expired items of `tableName` by itself: false without the TTL API or with
 * TTL off. On AWS it is taken as on (Terraform and provisioning enable it, and the API's policy may not
 * allow DescribeTimeToLive); elsewhere it is asked, and an engine that cannot say is taken as not.
 */
export async function ttlDeletesExpired(db: Db, tableName: string): Promise<boolean> {
  if (db.engine === "aws") return true;
  if (db.engine === "embedded") return false;
  try {
    const out = await db.raw.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
    const status = out.TimeToLiveDescription?.TimeToLiveStatus;
    return status === "ENABLED" || status === "ENABLING";
  } catch {
    return false;
  }
}
