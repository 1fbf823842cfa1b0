import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentDocument } from "./helpers/chat-kit";
import {
  bindTelegram,
  conversationOf,
  postTelegram,
  startChannels,
  telegramText,
  type Channels,
} from "./helpers/channels-kit";

const AGENT = "tg_gaps";
let c: Channels;
let bot: Awaited<ReturnType<typeof bindTelegram>>;

beforeAll(async () => {
  c = await startChannels();
  await c.admin.agents.create({
    agentId: AGENT,
    config: agentDocument(AGENT, {
      rag: {
        enabled: true,
        sources: [{ id: "hours", title: "Hours", content: "Open Monday to Friday, 9 to 18." }],
      },
    }),
  });
  bot = await bindTelegram(c, { agentId: AGENT });
});
afterAll(() => c.close());

describe("knowledge gaps from channel turns (OpenAI through its fake server)", () => {
  it("a Telegram customer who got the fallback text because the model failed leaves a gap", async () => {
    const chat = 5400000099;
    c.llm.failNext(1, 500, undefined, {}, "chat");
    await postTelegram(c, bot, telegramText(840009001, chat, "Can I pay with Apple Pay?"));
    await c.workers.settled();
    expect(c.telegram.sent(chat)).toHaveLength(1);
    await c.deps.work.drain();
    const [conversation] = await conversationOf(c.deps, AGENT, "telegram", String(chat));
    const { items } = await c.admin.knowledgeGaps.list({ agentId: AGENT });
    expect(items).toMatchObject([
      {
        question: "Can I pay with Apple Pay?",
        count: 1,
        examples: [
          {
            conversationId: conversation?.conversationId,
            channel: "telegram",
            reason: "fallback",
          },
        ],
      },
    ]);
  });
});
