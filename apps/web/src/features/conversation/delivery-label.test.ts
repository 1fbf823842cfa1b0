import { describe, expect, it } from "vitest";
import { conversations } from "~/features/inbox/messages";
import { deliveryLabel } from "./delivery-label";

describe("a reply's delivery in the console", () => {
  const en = conversations.en.delivery;
  const ru = conversations.ru.delivery;

  it("on Instagram goes from sent to seen, never claiming delivered (Instagram sends no delivery receipts)", () => {
    expect(deliveryLabel("sent", "instagram", ru)).toEqual({
      text: "Отправлено",
      hint: ru.instagramSentHint,
    });
    expect(deliveryLabel("read", "instagram", ru).text).toBe("Просмотрено");
    expect(deliveryLabel("read", "instagram", en).text).toBe("Seen");
    expect(deliveryLabel("delivered", "instagram", en).text).toBe("Sent");
    expect(deliveryLabel("failed", "instagram", en).text).toBe("Not delivered");
  });

  it("on WhatsApp and Telegram keeps sent, delivered and read", () => {
    expect(deliveryLabel("delivered", "whatsapp", ru)).toEqual({ text: "Доставлено", hint: null });
    expect(deliveryLabel("read", "whatsapp", en).text).toBe("Read");
    expect(deliveryLabel("sent", "telegram", en).text).toBe("Sent");
  });
});
