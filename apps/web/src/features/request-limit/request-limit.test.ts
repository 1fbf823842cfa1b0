import { afterEach, describe, expect, it, vi } from "vitest";
import { createRequestLimitState } from "./request-limit-state";
import { MAX_WAIT_SECONDS, requestLimitWait } from "./request-limit-wait";

const refused = (data: Record<string, unknown>) => ({ message: "Too many requests", data });

describe("requestLimitWait", () => {
  it("waits as long as the API says when it refused the whole request", () => {
    const error = refused({
      code: "TOO_MANY_REQUESTS",
      retryScope: "request",
      retryAfterSeconds: 7,
    });
    expect(requestLimitWait(error)).toBe(7);
    expect(
      requestLimitWait(
        refused({ code: "TOO_MANY_REQUESTS", retryScope: "request", retryAfterSeconds: 900 }),
      ),
    ).toBe(MAX_WAIT_SECONDS);
  });

  it("leaves throttled sign-ins and every other error to the page", () => {
    const signIn = { code: "TOO_MANY_REQUESTS", retryScope: "action", retryAfterSeconds: 840 };
    expect(requestLimitWait(refused(signIn))).toBeNull();
    expect(requestLimitWait(refused({ code: "TOO_MANY_REQUESTS" }))).toBeNull();
    expect(requestLimitWait(refused({ code: "UNAUTHORIZED" }))).toBeNull();
    expect(requestLimitWait(new Error("Unable to transform response from server"))).toBeNull();
    expect(requestLimitWait(null)).toBeNull();
  });
});

describe("request limit state", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("holds until the latest wait ends, then clears and tells its listeners", () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const state = createRequestLimitState();
    const seen: (number | null)[] = [];
    state.subscribe(() => seen.push(state.until()));
    state.waiting(10);
    state.waiting(4); // ends earlier: the longer wait stands
    expect(state.until()).toBe(1_010_000);
    vi.advanceTimersByTime(5_000);
    state.waiting(20);
    expect(state.until()).toBe(1_025_000);
    vi.advanceTimersByTime(20_000);
    expect(state.until()).toBeNull();
    expect(seen).toEqual([1_010_000, 1_025_000, null]);
  });
});
