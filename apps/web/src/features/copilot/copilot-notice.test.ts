import { describe, expect, it } from "vitest";
import { copilotErrorText } from "./copilot-notice";
import { copilot } from "./messages";

const apiError = (code: string, message: string) =>
  Object.assign(new Error(message), { data: { code } });

describe("copilotErrorText", () => {
  it("explains in the reader's language why translation is unavailable offline", () => {
    const error = apiError("PRECONDITION_FAILED", "Translation needs a configured model");
    expect(copilotErrorText(error, copilot.ru, true)).toBe(copilot.ru.needsModel);
    expect(copilotErrorText(error, copilot.en, false)).toBe("Translation needs a configured model");
  });

  it("names the copilot budget, and never shows an internal error's text", () => {
    expect(copilotErrorText(apiError("TOO_MANY_REQUESTS", "x"), copilot.en, false)).toBe(
      copilot.en.tooMany,
    );
    expect(
      copilotErrorText(
        apiError("BAD_GATEWAY", "The model failed (server); try again"),
        copilot.en,
        false,
      ),
    ).toBe("The model failed (server); try again");
    expect(copilotErrorText(apiError("INTERNAL_SERVER_ERROR", "boom"), copilot.en, false)).toBe(
      copilot.en.failed,
    );
  });
});
