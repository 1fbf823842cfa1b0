import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditOf } from "./helpers/router-kit";
import {
  bindTelegram,
  conversationOf,
  echo,
  messagesOf,
  postTelegram,
  startChannels,
  telegramText,
  type Channels,
} from "./helpers/channels-kit";

const AGENT = "tg_reopen";
let c: Channels;
let bot: Awaited<ReturnType<typeof bindTelegram>>;

beforeAll(async () => {
  c = await startChannels();
  bot = await bindTelegram(c, { agentId: AGENT });
});
afterAll(() => c.close());

describe("a resolved channel conversation", () => {
  it("reopens to the AI on the customer's next message, in the same conversation, and is answered", async () => {
    const chat = 5400000901;
    await postTelegram(c, bot, telegramText(840009001, chat, "Do you work on Sundays?"));
    await c.workers.settled();
    const [conversation] = await conversationOf(c.deps, AGENT, "telegram", String(chat));
    const id = conversation!.conversationId;
    const resolved = await c.admin.conversations.resolve({ conversationId: id });
    expect(resolved.status).toBe("RESOLVED");

    await postTelegram(c, bot, telegramText(840009002, chat, "And on Saturdays?"));
    await c.workers.settled();
    const after = await conversationOf(c.deps, AGENT, "telegram", String(chat));
    expect(after.map((x) => x.conversationId)).toEqual([id]);
    expect(after[0]?.status).toBe("AI_ACTIVE");
    expect(c.telegram.sent(chat).map((m) => m.text)).toEqual([
      echo("Do you work on Sundays?"),
      echo("And on Saturdays?"),
    ]);
    expect((await messagesOf(c.deps, id)).map((m) => m.role)).toEqual([
      "user",
      "agent",
      "user",
      "agent",
    ]);
    const actions = (await auditOf(c.deps, id)).map((e) => [e.action, e.actorId]);
    expect(actions).toEqual([
      ["reopen", "system"],
      ["resolve", expect.any(String)],
    ]);
    expect(
      c.adminEvents.some(
        (e) =>
          e.type === "conversation.updated" &&
          (e.payload as { change: string }).change === "reopened",
      ),
    ).toBe(true);
  });
});
