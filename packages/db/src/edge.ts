export * from "./schemas/admin-user";
export * from "./schemas/admin-session";
export * from "./schemas/channel-binding";
export * from "./schemas/event-log";
export * from "./schemas/inbound-event";
export * from "./schemas/instagram-profile";
export * from "./schemas/notification-config";
export type { Setting } from "./schemas/setting";
export { resolveEncryptionKey, keyFingerprint, KEY_FILE_NAME } from "./secrets/encryption-key";
export type { EncryptionKey, ResolveEncryptionKeyOptions } from "./secrets/encryption-key";
export { SecretDecryptionError } from "./secrets/cipher";
export { secretNames } from "./secrets/names";
export { createEdgeRepositories } from "./repositories/edge";
export { SecretKeyMissingError } from "./repositories/secrets";
export type { SecretValue, SecretsRepository } from "./repositories/secrets";
export type { AdminUsersRepository } from "./repositories/admin-users";
export { hashSessionToken } from "./repositories/sessions";
export type { SessionsRepository } from "./repositories/sessions";
export type { Counter, KvCache } from "./repositories/kv-cache";
export type { LoginCodesRepository, RedeemOutcome } from "./repositories/login-codes";
export { sweepExpiredItems } from "./repositories/expiry-sweeper";
export type { SweepOptions, SweepResult } from "./repositories/expiry-sweeper";
export { RETENTION_SECONDS as INBOUND_EVENT_RETENTION_SECONDS } from "./repositories/inbound-event-items";
export type {
  ClaimOptions,
  FailOptions,
  FailOutcome,
  InboundEventsRepository,
} from "./repositories/inbound-events";
export type {
  ChannelBindingsRepository,
  ChannelCredentials,
  TokenProblem,
} from "./repositories/channel-bindings";
export {
  INSTAGRAM_PROFILE_TTL_SECONDS,
  type InstagramProfilesRepository,
} from "./repositories/instagram-profiles";
export type { NotificationConfigsRepository } from "./repositories/notification-configs";
export type { SettingsRepository } from "./repositories/settings";
export { EVENT_LOG_TTL_SECONDS } from "./repositories/event-log";
export type { EventLogRepository } from "./repositories/event-log";
export type { Lease, LeaseRequest, LeasesRepository } from "./repositories/leases";
