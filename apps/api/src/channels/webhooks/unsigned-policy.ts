import type { ServerEnv } from "@agents-crm/config/env";
import type { Logger } from "../../logger";

/**
 * What to do with a webhook nobody can verify because no secret is configured for it. Development and
 * tests accept it (warning once per subject, so a local setup works without Meta's app secret);
 * anything else refuses it, and the platform keeps retrying until the secret is set.
 */
export function createUnsignedPolicy(env: Pick<ServerEnv, "ENVIRONMENT">, log: Logger) {
  const warned = new Set<string>();
  const lenient = env.ENVIRONMENT === "development" || env.ENVIRONMENT === "test";
  return {
    accept(subject: string, remedy: string): boolean {
      if (!lenient) {
        log.error("webhook refused: no secret to verify it", { subject, remedy });
        return false;
      }
      if (!warned.has(subject)) {
        warned.add(subject);
        log.warn(
          "webhook accepted UNVERIFIED (no secret configured; refused outside development)",
          {
            subject,
            remedy,
          },
        );
      }
      return true;
    },
  };
}

export type UnsignedPolicy = ReturnType<typeof createUnsignedPolicy>;
