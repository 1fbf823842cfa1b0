import { describe, expect, it } from "vitest";
import {
  notificationFieldIssues,
  notificationPatch,
  validateNotificationForm,
  type NotificationChat,
  type NotificationForm,
} from "./notification-rules";

const TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
const form = (overrides: Partial<NotificationForm> = {}): NotificationForm => ({
  botToken: TOKEN,
  chatId: "-1001234567890",
  description: "",
  agentIds: [],
  language: "en",
  isActive: true,
  staffUserId: "",
  ...overrides,
});
const chat: NotificationChat = {
  configId: "cfg1",
  notificationType: "telegram",
  chatId: "-1001234567890",
  isActive: true,
  description: "Front desk",
  agentIds: ["demo_clinic"],
  language: "en",
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  staffUserId: null,
  createdBy: null,
  version: 2,
};

describe("the notification chat form", () => {
  it("requires a token and a chat id of the shapes Telegram uses", () => {
    expect(validateNotificationForm(form(), "create")).toEqual({});
    expect(validateNotificationForm(form({ chatId: "@frontdesk_alerts" }), "create")).toEqual({});
    expect(validateNotificationForm(form({ botToken: "", chatId: "" }), "create")).toEqual({
      botToken: "required",
      chatId: "required",
    });
    expect(
      validateNotificationForm(form({ botToken: "my bot", chatId: "t.me/x" }), "create"),
    ).toEqual({ botToken: "tokenFormat", chatId: "chatIdFormat" });
    expect(validateNotificationForm(form({ description: "x".repeat(501) }), "create")).toEqual({
      description: "tooLong",
    });
  });

  it("keeps the stored token when editing with the token field empty", () => {
    expect(validateNotificationForm(form({ botToken: "" }), "edit")).toEqual({});
    expect(
      notificationPatch(
        chat,
        form({
          botToken: "",
          chatId: chat.chatId,
          description: "Front desk",
          agentIds: ["demo_clinic"],
        }),
      ),
    ).toEqual({});
  });

  it("sends only what changed, and a new token only when typed", () => {
    expect(
      notificationPatch(
        chat,
        form({
          chatId: "@frontdesk_alerts",
          description: "Front desk",
          agentIds: [],
          isActive: false,
        }),
      ),
    ).toEqual({ chatId: "@frontdesk_alerts", botToken: TOKEN, agentIds: [], isActive: false });
    expect(
      notificationPatch(
        chat,
        form({
          botToken: "",
          description: "Front desk",
          agentIds: ["demo_clinic"],
          language: "ru",
        }),
      ),
    ).toEqual({ language: "ru" });
    const same = { botToken: "", description: "Front desk", agentIds: ["demo_clinic"] };
    expect(notificationPatch(chat, form({ ...same, staffUserId: "u-rita" }))).toEqual({
      staffUserId: "u-rita",
    });
    expect(
      notificationPatch({ ...chat, staffUserId: "u-rita" }, form({ ...same, staffUserId: "" })),
    ).toEqual({ staffUserId: null });
  });

  it("puts the API's issues next to the fields they name", () => {
    const error = Object.assign(new Error("bad"), {
      data: {
        code: "BAD_REQUEST",
        issues: [
          { path: "agentIds.1", message: 'unknown agent "x"' },
          { path: "configId", message: "Invalid bot token" },
          { path: "chatId", message: "Bad Request: chat not found" },
        ],
      },
    });
    expect(notificationFieldIssues(error)).toEqual({
      agentIds: 'unknown agent "x"',
      botToken: "Invalid bot token",
      chatId: "Bad Request: chat not found",
    });
    expect(notificationFieldIssues(new Error("offline"))).toEqual({});
  });
});
