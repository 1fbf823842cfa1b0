import type { Db } from "../client/db";
import { createChannelBindingCredentials } from "./channel-binding-credentials";
import { createChannelBindingReads } from "./channel-binding-reads";
import { createChannelBindingTokenLife } from "./channel-binding-token-life";
import { createChannelBindingWrites } from "./channel-binding-writes";
import type { RepositoryContext } from "./context";
import type { SecretsRepository } from "./secrets";

export type { ChannelCredentials } from "./channel-binding-credentials";
export type { TokenProblem } from "./channel-binding-token-life";

/**
 * Channel bindings (agent ↔ Instagram account / Telegram bot / WhatsApp number / web chat). Tokens and
 * other credentials live only in the encrypted secret store; rows and every read here are token-free
 * except the explicitly named credential getters.
 */
export function createChannelBindingsRepository(
  db: Db,
  ctx: RepositoryContext,
  secrets: SecretsRepository,
) {
  const { getItem, ...reads } = createChannelBindingReads(db, ctx);
  const credentials = createChannelBindingCredentials(secrets, reads.get);
  return {
    ...reads,
    ...credentials,
    ...createChannelBindingWrites(db, ctx, secrets, {
      getItem,
      get: reads.get,
      getCredentials: credentials.getCredentials,
    }),
    ...createChannelBindingTokenLife(db, ctx, secrets, {
      get: reads.get,
      getCredentials: credentials.getCredentials,
    }),
  };
}

export type ChannelBindingsRepository = ReturnType<typeof createChannelBindingsRepository>;
