import { searchPhoneReader } from "@agents-crm/ai";
import type { ServerEnv } from "@agents-crm/config/env";
import { createRepositories, resolveEncryptionKey, type Db } from "@agents-crm/db";
import { deriveFileLinkKey } from "../files/file-links";

/**
 * The repositories on an open database, as the environment sets them up (message TTL, the secrets key:
 * SECRET_ENCRYPTION_KEY, else the one kept in DATA_DIR), and the file-link key derived from that key.
 */
export async function openRepositories(env: ServerEnv, db: Db, dataDir: string) {
  const encryptionKey = await resolveEncryptionKey({
    configured: env.SECRET_ENCRYPTION_KEY,
    dataDir,
  });
  const repos = createRepositories(db, {
    messageTtlHours: env.MESSAGE_TTL_HOURS,
    encryptionKey,
    readPhones: searchPhoneReader(),
  });
  return { repos, fileLinkKey: deriveFileLinkKey(encryptionKey.key) };
}
