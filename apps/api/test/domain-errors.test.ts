import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import {
  DomainError,
  conflict,
  invalidInput,
  notFound,
  preconditionFailed,
  tooManyRequests,
  upstreamFailed,
} from "../src/domain/errors";
import {
  domainErrorToTRPC,
  retryAfterSecondsOf,
  retryScopeOf,
  toTRPCError,
} from "../src/trpc-errors";

describe("domain errors become tRPC errors in one place", () => {
  it.each([
    [notFound("Agent a not found"), "NOT_FOUND"],
    [conflict("Already taken"), "CONFLICT"],
    [preconditionFailed("Conversation is closed"), "PRECONDITION_FAILED"],
    [upstreamFailed("Telegram said no", new Error("401")), "BAD_GATEWAY"],
    [new DomainError("FORBIDDEN", "Not yours"), "FORBIDDEN"],
    [new DomainError("UNAUTHORIZED", "Session ended"), "UNAUTHORIZED"],
    [new DomainError("NOT_SUPPORTED", "Sign in over HTTP"), "METHOD_NOT_SUPPORTED"],
  ])("%s → %s, message kept", (error, code) => {
    const mapped = domainErrorToTRPC(error);
    expect(mapped).toBeInstanceOf(TRPCError);
    expect(mapped?.code).toBe(code);
    expect(mapped?.message).toBe(error.message);
  });

  it("names the wrong field the way zod input errors do", () => {
    const mapped = domainErrorToTRPC(invalidInput("config.model", "unknown model"));
    expect(mapped?.code).toBe("BAD_REQUEST");
    expect(mapped?.message).toBe("config.model: unknown model");
    expect(mapped?.cause).toBeInstanceOf(ZodError);
    expect((mapped?.cause as ZodError).issues[0]).toMatchObject({
      path: ["config", "model"],
      message: "unknown model",
    });
  });

  it("keeps the wait and its scope for TOO_MANY_REQUESTS", () => {
    const mapped = domainErrorToTRPC(tooManyRequests("Too many sign-in attempts", 4.2));
    expect(mapped?.code).toBe("TOO_MANY_REQUESTS");
    expect(retryAfterSecondsOf(mapped!)).toBe(5);
    expect(retryScopeOf(mapped!)).toBe("action");
  });

  it("leaves anything else to the caller, and toTRPCError hides it as an internal error", () => {
    expect(domainErrorToTRPC(new Error("boom"))).toBeNull();
    expect(toTRPCError(new Error("boom")).code).toBe("INTERNAL_SERVER_ERROR");
    expect(toTRPCError(notFound("gone")).code).toBe("NOT_FOUND");
  });
});
