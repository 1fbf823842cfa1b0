import { DescribeTimeToLiveCommand, UpdateTimeToLiveCommand } from "@aws-sdk/client-dynamodb";
import type { Db } from "../client/db";

export type TtlOutcome = "enabled" | "unchanged" | "unsupported" | { warning: string };

function isUnknownOperation(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === "UnknownOperationException" || /unknown ?operation/i.test(error.message))
  );
}

/**
 * Turns on TTL deletion for `attribute`. The embedded engine implements neither TTL API call; readers treat
 * expired items as absent anyway, so there it is reported rather than failed. Elsewhere it must work.
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
    if (db.engine === "embedded" && isUnknownOperation(error)) return "unsupported";
    throw error;
  }
}
