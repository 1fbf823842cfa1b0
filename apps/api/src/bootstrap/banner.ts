import type { ServerEnv } from "@agents-crm/config/env";
import { resolveDynamoMode } from "@agents-crm/config/env";
import { emailCodesEnabled, smtpPort } from "@agents-crm/config/smtp-env";
import type { Logger } from "../logger";
import type { LlmProviders } from "@agents-crm/ai";
import type { InitialAdmin } from "./initial-admin";
import { modelLines } from "./model-banner";
import { describeFileStore } from "../files/file-store-from-env";

export function printBanner(input: {
  env: ServerEnv;
  port: number;
  initialAdmin: InitialAdmin;
  llm: Pick<LlmProviders, "label" | "offline">;
  log: Logger;
}) {
  const { env, port, initialAdmin, llm, log } = input;
  const lines: string[] = [];
  switch (initialAdmin.kind) {
    case "generated":
      lines.push(`Admin login: ${initialAdmin.email} / ${initialAdmin.password}`);
      if (initialAdmin.file)
        lines.push(`(kept in ${initialAdmin.file} until you change the password)`);
      break;
    case "generated-kept":
      lines.push(
        `Admin login: ${initialAdmin.email} (generated password in ${initialAdmin.file} until you change it)`,
      );
      break;
    case "generated-changed":
      lines.push(
        `Admin login: ${initialAdmin.email} (password was changed from the generated one)`,
      );
      break;
    case "configured":
      lines.push(`Admin login: ${initialAdmin.email} (password from ADMIN_PASSWORD)`);
      break;
    case "none":
      break;
  }
  if (env.ADMIN_TOKEN) lines.push("Machine access: Authorization: Bearer $ADMIN_TOKEN");
  if (emailCodesEnabled(env)) {
    lines.push(`Sign-in codes by e-mail: through ${env.SMTP_HOST}:${smtpPort(env)}`);
  }
  lines.push(`Files: ${describeFileStore(env)}`);
  const model = modelLines(llm);
  if (env.ENVIRONMENT !== "production") {
    process.stdout.write(["", "  " + [...lines, ...model].join("\n  "), ""].join("\n") + "\n");
  } else {
    if (lines.length > 0) log.info(lines[0] ?? "");
    log.info(model.map((line) => line.trim()).join(" "), {
      model: llm.label,
      offline: llm.offline,
    });
  }
  log.info("API listening", {
    url: `http://localhost:${port}`,
    environment: env.ENVIRONMENT,
    database: resolveDynamoMode(env),
    emailCodes: emailCodesEnabled(env),
    files: env.S3_BUCKET_NAME ? "s3" : "local",
  });
}
