import { join } from "node:path";
import type { TableNames } from "@agents-crm/config";
import { resolveDynamoMode, tableNames } from "@agents-crm/config/env";
import type { ServerEnv } from "@agents-crm/config/env";
import { createDb } from "./db";
import type { Db, DbCredentials } from "./db";
import { startEmbeddedDynamo } from "./embedded";
import type { StorageFaultListener } from "./embedded-store";

/** Local engines accept any credentials but the SDK insists on having some. */
const LOCAL_CREDENTIALS: DbCredentials = { accessKeyId: "local", secretAccessKey: "local" };

export type OpenDatabaseOptions = { tables: TableNames; region?: string } & (
  | { mode: "aws"; region: string; credentials?: DbCredentials }
  | { mode: "endpoint"; endpoint: string; credentials?: DbCredentials }
  /** On disk under dataDir (LevelDB), or in memory without it. */
  | { mode: "embedded"; dataDir?: string; port?: number; onStorageFault?: StorageFaultListener }
);

export async function openDatabase(options: OpenDatabaseOptions): Promise<Db> {
  const region = options.region ?? "us-east-1";
  switch (options.mode) {
    case "aws":
      return createDb({
        tables: options.tables,
        region,
        credentials: options.credentials,
        engine: "aws",
      });
    case "endpoint":
      return createDb({
        tables: options.tables,
        region,
        endpoint: options.endpoint,
        credentials: options.credentials ?? LOCAL_CREDENTIALS,
        engine: "endpoint",
      });
    case "embedded": {
      const engine = await startEmbeddedDynamo({
        dataDir: options.dataDir,
        port: options.port,
        onStorageFault: options.onStorageFault,
      });
      return createDb({
        tables: options.tables,
        region,
        endpoint: engine.endpoint,
        requestHandler: engine.requestHandler,
        answerInProcess: engine.answer,
        credentials: LOCAL_CREDENTIALS,
        engine: "embedded",
        onClose: () => engine.close(),
        storageFault: () => engine.storageFault(),
      });
    }
  }
}

function credentialsFromEnv(env: ServerEnv): DbCredentials | undefined {
  if (!env.AWS_ACCESS_KEY_ID || !env.AWS_SECRET_ACCESS_KEY) return undefined;
  return {
    accessKeyId: env.AWS_ACCESS_KEY_ID,
    secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
    ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
  };
}

/** Where the embedded engine keeps its LevelDB files. */
export function embeddedDataDir(env: Pick<ServerEnv, "DATA_DIR">): string {
  return join(env.DATA_DIR, "dynamodb");
}

/**
 * DYNAMODB_MODE=auto: an endpoint when DYNAMODB_ENDPOINT_URL is set, AWS when AWS credentials (keys,
 * profile, container or web-identity credentials) are present, otherwise the embedded engine on disk.
 */
export function openDatabaseFromEnv(
  env: ServerEnv,
  options: { onStorageFault?: StorageFaultListener } = {},
): Promise<Db> {
  const tables = tableNames(env);
  const region = env.AWS_REGION;
  const mode = resolveDynamoMode(env);
  switch (mode) {
    case "aws":
      // Without explicit keys the SDK's default chain resolves profile/container/web-identity credentials.
      return openDatabase({ mode, tables, region, credentials: credentialsFromEnv(env) });
    case "endpoint":
      if (!env.DYNAMODB_ENDPOINT_URL) throw new Error("DYNAMODB_ENDPOINT_URL is required");
      return openDatabase({
        mode,
        tables,
        region,
        endpoint: env.DYNAMODB_ENDPOINT_URL,
        credentials: credentialsFromEnv(env),
      });
    case "embedded":
      return openDatabase({
        mode,
        tables,
        region,
        dataDir: embeddedDataDir(env),
        onStorageFault: options.onStorageFault,
      });
  }
}
