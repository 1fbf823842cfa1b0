import type { Staff } from "../../src/auth/principal";
import type { ApiDeps } from "../../src/deps";
import { startFakeTelegram, type FakeBot, type FakeTelegram } from "../fakes/fake-telegram";
import { principalOf, seedUser } from "./auth-fixtures";
import { createTestDeps } from "./test-api";

export interface TelegramAdmin {
  telegram: FakeTelegram;
  /** The API's dependencies, talking to `telegram`. */
  deps: ApiDeps;
  /** A seeded admin. */
  admin: Staff;
  /** A bot `telegram` knows, by `botUsername`. */
  bot: FakeBot;
  /** Closes the database, then the fake Telegram. */
  close(): Promise<void>;
}

/** A fake Telegram with one bot, the API's dependencies pointed at it (plus `env`), and an admin. */
export async function startTelegramAdmin(
  env: Record<string, string>,
  botUsername: string,
): Promise<TelegramAdmin> {
  const telegram = await startFakeTelegram();
  const deps = await createTestDeps({ TELEGRAM_API_BASE_URL: telegram.url, ...env });
  const admin = principalOf(await seedUser(deps, { role: "admin" }));
  const bot = telegram.addBot({ username: botUsername });
  return {
    telegram,
    deps,
    admin,
    bot,
    close: async () => {
      await deps.db.close();
      await telegram.close();
    },
  };
}
