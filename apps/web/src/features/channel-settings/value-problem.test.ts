import { CHANNEL_SETTING_MAX_LENGTH } from "@agents-crm/config/channel-settings";
import { describe, expect, it } from "vitest";
import { serverValueProblem, valueProblem } from "./value-problem";

describe("a refused channel setting is named, not shown as the server's JSON", () => {
  it("names the zod issue: empty, the length limit, spaces, a malformed account SID", () => {
    expect(valueProblem("whatsapp_app_secret", "  ")).toEqual({ kind: "empty" });
    expect(valueProblem("whatsapp_app_secret", "x".repeat(CHANNEL_SETTING_MAX_LENGTH + 1))).toEqual(
      {
        kind: "tooLong",
        maximum: CHANNEL_SETTING_MAX_LENGTH,
      },
    );
    expect(valueProblem("instagram_verify_token", "two words")).toEqual({ kind: "spaces" });
    expect(valueProblem("twilio_account_sid", "AC-nope")).toEqual({ kind: "accountSid" });
    expect(valueProblem("twilio_account_sid", `AC${"0".repeat(32)}`)).toBeNull();
  });

  it("a server refusal with issues is 'refused'; other errors are left to their message", () => {
    expect(
      serverValueProblem({
        message: '[{"code":"too_big"}]',
        data: { issues: [{ path: "value", message: "x" }] },
      }),
    ).toEqual({ kind: "refused" });
    expect(serverValueProblem({ message: "Forbidden", data: { issues: null } })).toBeNull();
  });
});
