import type { ServerEnv } from "@agents-crm/config/env";
import type { Logger } from "../../logger";

/**
 * What to do with a webhook nobody can verify because no secret is configured for it: refused (the
 * platform keeps retrying until the secret is set), unless the operator set ALLOW_UNSIGNED_WEBHOOKS — a
 * development-only switch the environment schema refuses in production. Accepted ones warn once per
 * subject.
 */
export function createUnsignedPolicy(env: Pick<ServerEnv, "ALLOW_UNSIGNED_WEBHOOKS">, log: Logger) {
  const allowed = env.ALLOW_UNSIGNED_WEBHOOKS;
  const warned = new Set<string>();
  if (allowed) {
    log.warn(
      "ALLOW_UNSIGNED_WEBHOOKS is on: webhooks of bindings without a secret are accepted UNVERIFIED (development only)",
    );
  }
  return {
    /** Whether a delivery without any signature may go on to be routed (and vouched for per binding). */
    allowed,
    accept(subject: string, remedy: string): boolean {
      if (!allowed) {
        log.error("webhook refused: no secret to verify it", { subject, remedy });
        return false;
      }
      if (!warned.has(subject)) {
        warned.add(subject);
        log.warn("webhook accepted UNVERIFIED (ALLOW_UNSIGNED_WEBHOOKS is on)", {
          subject,
          remedy,
        });
      }
      return true;
    },
  };
}

export type UnsignedPolicy = ReturnType<typeof createUnsignedPolicy>;
