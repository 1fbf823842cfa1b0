import { describe, expect, it } from "vitest";
import { MAX_MESSAGE_CHARS } from "@agents-crm/config/conversations";
import { checkDraft, composerKeyAction, showCounter } from "./composer-keys";

describe("composer keys", () => {
  it("sends on Enter", () => {
    expect(composerKeyAction({ key: "Enter", shiftKey: false })).toBe("send");
    expect(composerKeyAction({ key: "Enter", shiftKey: false, ctrlKey: true })).toBe("send");
  });

  it("leaves Shift+Enter and Alt+Enter to the textarea (a new line)", () => {
    expect(composerKeyAction({ key: "Enter", shiftKey: true })).toBe("default");
    expect(composerKeyAction({ key: "Enter", shiftKey: false, altKey: true })).toBe("default");
  });

  it("does not send while an input method is composing", () => {
    expect(composerKeyAction({ key: "Enter", shiftKey: false, isComposing: true })).toBe("default");
  });

  it("ignores other keys", () => {
    expect(composerKeyAction({ key: "a", shiftKey: false })).toBe("default");
  });
});

describe("draft check", () => {
  it("sends the trimmed text, never a blank one", () => {
    expect(checkDraft("  hello \n")).toEqual({ ok: true, content: "hello" });
    expect(checkDraft(" \n\t")).toEqual({ ok: false, reason: "empty", over: 0 });
  });

  it("allows exactly the limit and says by how much a longer text is over", () => {
    expect(checkDraft("x".repeat(MAX_MESSAGE_CHARS)).ok).toBe(true);
    expect(checkDraft("x".repeat(MAX_MESSAGE_CHARS + 25))).toEqual({
      ok: false,
      reason: "too_long",
      over: 25,
    });
  });

  it("shows the counter only near the limit", () => {
    expect(showCounter("x".repeat(100))).toBe(false);
    expect(showCounter("x".repeat(9_500))).toBe(true);
  });
});
