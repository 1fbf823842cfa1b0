import type { Db } from "../client/db";
import type { EncryptionKey } from "../secrets/encryption-key";
import { createAdminUsersRepository } from "./admin-users";
import { createCannedResponsesRepository } from "./canned-responses";
import { createChannelBindingsRepository } from "./channel-bindings";
import { createChannelSettingsRepository } from "./channel-settings";
import type { RepositoryContext } from "./context";
import { createErasedCustomersRepository } from "./erased-customers";
import { createEventLogRepository } from "./event-log";
import { createInboundEventsRepository } from "./inbound-events";
import { createInstagramProfilesRepository } from "./instagram-profiles";
import { createKvCache } from "./kv-cache";
import { createKnowledgeDocumentsRepository } from "./knowledge-documents";
import { createKnowledgeGapsRepository } from "./knowledge-gaps";
import { createLeasesRepository } from "./leases";
import { createLoginCodesRepository } from "./login-codes";
import { createNotificationConfigsRepository } from "./notification-configs";
import { createReadMarkersRepository } from "./read-markers";
import { createSecretsRepository } from "./secrets";
import { createSentMessageRefs } from "./sent-message-refs";
import { createSessionsRepository } from "./sessions";
import { createSettingsRepository } from "./settings";

export interface EdgeRepositoryOptions {
  /** From resolveEncryptionKey(); without it, secret reads and writes throw SecretKeyMissingError. */
  encryptionKey?: EncryptionKey;
}

/** Secrets, accounts, sessions, the webhook inbox, channel/notification settings and the event log. */
export function createEdgeRepositories(
  db: Db,
  ctx: RepositoryContext,
  options: EdgeRepositoryOptions = {},
) {
  const secrets = createSecretsRepository(db, ctx, options.encryptionKey);
  return {
    secrets,
    adminUsers: createAdminUsersRepository(db, ctx),
    sessions: createSessionsRepository(db, ctx),
    kv: createKvCache(db, ctx),
    /** Platform message ids of what we sent → our message (delivery reports, echoes). */
    sentMessageRefs: createSentMessageRefs(db, ctx),
    loginCodes: createLoginCodesRepository(db, ctx, options.encryptionKey),
    inboundEvents: createInboundEventsRepository(db, ctx),
    /** Customers erased: their events queued before the erasure are not processed (privacy). */
    erasedCustomers: createErasedCustomersRepository(db, ctx, options.encryptionKey),
    channelBindings: createChannelBindingsRepository(db, ctx, secrets),
    channelSettings: createChannelSettingsRepository(secrets),
    instagramProfiles: createInstagramProfilesRepository(db, ctx),
    notificationConfigs: createNotificationConfigsRepository(db, ctx, secrets),
    settings: createSettingsRepository(db, ctx),
    eventLog: createEventLogRepository(db, ctx),
    knowledgeGaps: createKnowledgeGapsRepository(db, ctx),
    knowledgeDocuments: createKnowledgeDocumentsRepository(db, ctx),
    readMarkers: createReadMarkersRepository(db, ctx),
    cannedResponses: createCannedResponsesRepository(db, ctx),
    /** Which replica runs each periodic background job (apps/api cluster/cluster-job.ts). */
    leases: createLeasesRepository(db, ctx),
  };
}
