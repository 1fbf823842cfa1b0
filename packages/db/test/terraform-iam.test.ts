import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PERMISSIONS } from "../../../infra/terraform/generate/permissions";

/**
 * The IAM policies in infra/terraform are least privilege only if they match what the code sends.
 * This reads every AWS SDK command the sources import and checks, per kind of caller, that each one
 * is granted and that nothing is granted which no code sends.
 */
const repo = join(import.meta.dirname, "../../..");

/** Who runs a source file, which decides the policy that must cover its commands. */
type Caller = "api" | "provisioning" | "operator" | "ignored";

function callerOf(file: string): Caller {
  if (file.startsWith("packages/db/src/testing/") || file.startsWith("packages/files/src/testing/"))
    return "ignored";
  if (
    file.startsWith("packages/db/src/migrate/") ||
    file.startsWith("packages/db/src/cli/") ||
    file === "packages/db/src/provision/backfill.ts" ||
    file === "packages/db/src/provision/embedded-rebuild.ts" ||
    // Expiry sweeps Scan: maintenance run by operators, never by a request.
    file === "packages/db/src/repositories/expiry-sweeper.ts" ||
    // Embedded start-up only: that engine needs no IAM.
    file === "packages/db/src/repositories/lease-reset.ts"
  )
    return "operator";
  // Run by the API at start only with DYNAMODB_AUTO_PROVISION=true (or on the embedded engine).
  if (file.startsWith("packages/db/src/provision/")) return "provisioning";
  return "api";
}

/** lib-dynamodb's document commands send these DynamoDB actions. */
const DOCUMENT_ACTIONS: Record<string, string> = {
  Get: "GetItem",
  Put: "PutItem",
  Update: "UpdateItem",
  Delete: "DeleteItem",
  BatchGet: "BatchGetItem",
  BatchWrite: "BatchWriteItem",
  TransactGet: "TransactGetItems",
  TransactWrite: "TransactWriteItems",
  Query: "Query",
  Scan: "Scan",
};

/** The S3 commands the file store sends, as IAM names them (a batch delete is DeleteObject per key). */
const S3_ACTIONS: Record<string, string> = {
  PutObject: "s3:PutObject",
  GetObject: "s3:GetObject",
  DeleteObject: "s3:DeleteObject",
  DeleteObjects: "s3:DeleteObject",
  ListObjectsV2: "s3:ListBucket",
};

function sourceFiles(dir: string): string[] {
  return readdirSync(join(repo, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** `service:Action` for every (value) command a file imports from the AWS SDK. */
function actionsOf(text: string, file: string): string[] {
  const imports = /import\s+(type\s+)?\{([^}]*)\}\s*from\s*"@aws-sdk\/([\w-]+)"/g;
  const actions: string[] = [];
  for (const [, typeOnly, names = "", pkg] of text.matchAll(imports)) {
    if (typeOnly) continue;
    for (const raw of names.split(",")) {
      const name = raw.trim();
      if (!name.endsWith("Command") || name.startsWith("type ")) continue;
      const command = name.slice(0, -"Command".length);
      if (pkg === "lib-dynamodb") {
        const action = DOCUMENT_ACTIONS[command];
        if (!action) throw new Error(`${file}: map ${name} to its DynamoDB action in this test`);
        actions.push(`dynamodb:${action}`);
      } else if (pkg === "client-dynamodb") actions.push(`dynamodb:${command}`);
      else if (pkg === "client-secrets-manager") actions.push(`secretsmanager:${command}`);
      else if (pkg === "client-s3") {
        const action = S3_ACTIONS[command];
        if (!action) throw new Error(`${file}: map ${name} to its S3 action in this test`);
        actions.push(action);
      } else throw new Error(`${file}: commands of @aws-sdk/${pkg} are not covered by any policy`);
    }
  }
  return actions;
}

const used: Record<Caller, Map<string, string[]>> = {
  api: new Map(),
  provisioning: new Map(),
  operator: new Map(),
  ignored: new Map(),
};
for (const file of [
  "apps/api/src",
  "packages/ai/src",
  "packages/db/src",
  "packages/files/src",
].flatMap(sourceFiles)) {
  for (const action of actionsOf(readFileSync(join(repo, file), "utf8"), file)) {
    const byAction = used[callerOf(file)];
    byAction.set(action, [...(byAction.get(action) ?? []), file]);
  }
}

const dynamo = (caller: Caller) =>
  [...used[caller].keys()].filter((a) => a.startsWith("dynamodb:"));
const iamTf = readFileSync(join(repo, "infra/terraform/iam.tf"), "utf8");

/** DeleteTable is only sent to the embedded engine, by its in-place rebuild; no policy grants it. */
const EMBEDDED_ONLY = ["dynamodb:DeleteTable"];

describe("IAM policies against the commands the code sends", () => {
  it("grants the API every DynamoDB action its request paths send, and nothing else", () => {
    const granted = [...PERMISSIONS.api_table_actions];
    expect(dynamo("api").filter((a) => !granted.includes(a as never))).toEqual([]);
    expect(granted.filter((a) => !used.api.has(a))).toEqual([]);
    // Queries on an index need the index ARN as well.
    expect(PERMISSIONS.api_index_actions).toEqual(["dynamodb:Query"]);
  });

  it("covers start-up provisioning with the auto-provision statement", () => {
    const granted = [...PERMISSIONS.api_table_actions, ...PERMISSIONS.auto_provision_actions];
    const needed = dynamo("provisioning").filter((a) => !EMBEDDED_ONLY.includes(a));
    expect(needed.filter((a) => !granted.includes(a as never))).toEqual([]);
    expect(PERMISSIONS.auto_provision_actions.filter((a) => !used.provisioning.has(a))).toEqual([]);
  });

  it("only the embedded engine's rebuild drops tables", () => {
    const callers = sourceFiles("packages/db/src").filter((file) =>
      /\bdeleteTable\(/.test(readFileSync(join(repo, file), "utf8")),
    );
    expect(callers.sort()).toEqual([
      "packages/db/src/provision/create-table.ts",
      "packages/db/src/provision/embedded-rebuild.ts",
    ]);
  });

  it("gives operators what provisioning, backfill, migration and sweeps send, and nothing unused", () => {
    const granted = [...PERMISSIONS.operator_table_actions];
    const needed = new Set(
      [...dynamo("api"), ...dynamo("provisioning"), ...dynamo("operator")].filter(
        (a) => !EMBEDDED_ONLY.includes(a),
      ),
    );
    const neededByOperators = [...dynamo("provisioning"), ...dynamo("operator")].filter(
      (a) => !EMBEDDED_ONLY.includes(a),
    );
    expect(neededByOperators.filter((a) => !granted.includes(a as never))).toEqual([]);
    expect(granted.filter((a) => !needed.has(a))).toEqual([]);
  });

  it("lets the API read its OpenAI key from Secrets Manager, and nothing else there", () => {
    const secrets = [...used.api.keys()].filter((a) => a.startsWith("secretsmanager:"));
    expect(secrets).toEqual(["secretsmanager:GetSecretValue"]);
    expect(iamTf).toContain('actions = ["secretsmanager:GetSecretValue"]');
  });

  it("grants the API exactly the S3 actions the file store sends, on its bucket only", () => {
    const sent = [...used.api.keys()].filter((a) => a.startsWith("s3:")).sort();
    const granted = [...PERMISSIONS.api_bucket_object_actions, ...PERMISSIONS.api_bucket_actions];
    expect(granted.sort()).toEqual(sent);
    expect(iamTf).toContain('resources = ["${aws_s3_bucket.files.arn}/*"]');
    expect(iamTf).toContain("resources = [aws_s3_bucket.files.arn]");
  });

  it("builds the policies from the generated lists, on this project's tables only", () => {
    for (const list of Object.keys(PERMISSIONS)) expect(iamTf).toContain(`local.${list}`);
    expect(iamTf).not.toMatch(/resources\s*=\s*\["\*"\]/);
  });
});
