import { describe, expect, it } from "vitest";
import { channels } from "~/features/channels/messages";
import { conversations } from "~/features/inbox/messages";
import { deliveryFailureText } from "./delivery-failure-text";

const ru = (failure: Parameters<typeof deliveryFailureText>[0], error?: string) =>
  deliveryFailureText(failure, error, conversations.ru.delivery, channels.ru);

describe("why a message was not sent, in the console's language", () => {
  it("words a closed messaging window and a binding's reasons as the channels page does", () => {
    const english =
      "WhatsApp allows free-form messages only within 24 hours of the customer's last message";
    const window = ru({ kind: "messaging_window", window: "whatsapp_24h" }, english);
    expect(window).toBe(channels.ru.errors.window.whatsapp_24h);
    expect(window).toMatch(/24 часов/);
    expect(ru({ kind: "no_access_token" }, "the binding has no access token")).toBe(
      channels.ru.errors.no_access_token,
    );
    expect(ru({ kind: "twilio_no_credentials" }, "Twilio's account SID…")).toBe(
      channels.ru.errors.twilio_no_credentials,
    );
  });

  it("words the message's own reasons, naming the platform", () => {
    expect(ru({ kind: "no_active_binding", channel: "whatsapp" }, "x")).toBe(
      "У агента больше нет активного подключения WhatsApp.",
    );
    expect(ru({ kind: "file_gone" }, "the file is no longer stored")).toBe(
      "Файл сообщения был удалён до отправки.",
    );
    expect(
      deliveryFailureText(
        { kind: "no_recipient" },
        "the conversation has no platform user to send to",
        conversations.en.delivery,
        channels.en,
      ),
    ).toBe("The conversation names no one on the platform to send to.");
  });

  it("shows the platform's own words when there is no reason to word", () => {
    expect(ru(undefined, "(#131026) Message undeliverable")).toBe(
      "(#131026) Message undeliverable",
    );
    expect(ru(undefined, undefined)).toBeUndefined();
  });
});
