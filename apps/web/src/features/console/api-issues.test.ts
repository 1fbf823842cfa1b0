import { describe, expect, it } from "vitest";
import { apiIssues, errorMessage, isConflict, isForbidden, issuesByPath } from "./api-error";

class ClientError extends Error {
  constructor(
    message: string,
    readonly data: { code: string; issues: unknown } | null,
  ) {
    super(message);
  }
}

describe("the API's field errors", () => {
  it("are read from data.issues, skipping entries that are not path + message", () => {
    const error = new ClientError("bad input", {
      code: "BAD_REQUEST",
      issues: [
        { path: "stages.2.name", message: "too long" },
        { path: "", message: "at least one stage" },
        { path: 3, message: "not a dotted path" },
        null,
        { path: "stages.2.name", message: "second message for the same field" },
      ],
    });
    expect(apiIssues(error)).toEqual([
      { path: "stages.2.name", message: "too long" },
      { path: "", message: "at least one stage" },
      { path: "stages.2.name", message: "second message for the same field" },
    ]);
    expect(issuesByPath(error)).toEqual({ "stages.2.name": "too long", "": "at least one stage" });
  });

  it("are none when the error names no field", () => {
    expect(apiIssues(new ClientError("taken", { code: "CONFLICT", issues: null }))).toEqual([]);
    expect(apiIssues(new Error("network"))).toEqual([]);
    expect(apiIssues(null)).toEqual([]);
    expect(issuesByPath("boom")).toEqual({});
  });
});

describe("an error no field claims", () => {
  it("shows the server's text unless it is an internal error", () => {
    expect(errorMessage(new ClientError("stage is in use", null), "fallback")).toBe(
      "stage is in use",
    );
    expect(
      errorMessage(
        new ClientError("db down", { code: "INTERNAL_SERVER_ERROR", issues: null }),
        "fallback",
      ),
    ).toBe("fallback");
    expect(errorMessage({ message: "not an Error" }, "fallback")).toBe("fallback");
  });

  it("is told apart by its code", () => {
    const conflict = new ClientError("stale", { code: "CONFLICT", issues: null });
    const forbidden = new ClientError("no", { code: "FORBIDDEN", issues: null });
    expect([isConflict(conflict), isForbidden(conflict)]).toEqual([true, false]);
    expect([isConflict(forbidden), isForbidden(forbidden)]).toEqual([false, true]);
  });
});
