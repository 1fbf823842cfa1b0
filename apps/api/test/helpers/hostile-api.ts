import type { AnyProcedure } from "@trpc/server";
import { afterAll, beforeAll } from "vitest";
import { accessLevelOf } from "../../src/server/access-level";
import { createLogger } from "../../src/logger";
import { appRouter } from "../../src/router";
import { seedUser, TEST_PASSWORD } from "./auth-fixtures";
import { hostileInputsFor, REFUSED_INPUTS, type HostileInput } from "./hostile-inputs";
import { postJson } from "./raw-http";
import { startTestApi, type TestApi } from "./test-api";

export const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;
/** Every procedure of the live router; logging out ends the session later calls use, so it is last. */
export const paths = Object.keys(procedures).sort(
  (a, b) => Number(a === "auth.logout") - Number(b === "auth.logout") || a.localeCompare(b),
);

/**
 * A walk over every procedure grows with the router and competes for the CPU with the other test
 * files; it is not a timed test, so its limit only has to catch a hang.
 */
export const WALK_TIMEOUT_MS = 240_000;

export const ROLES = ["anonymous", "operator", "admin"] as const;
export type Role = (typeof ROLES)[number];

const reaches: Record<Role, string[]> = {
  anonymous: ["public"],
  operator: ["public", "staff"],
  admin: ["public", "staff", "admin"],
};

/**
 * The full set where the role gets past the access check (so the input parsers run); a few where it
 * does not, since the refusal must come before the input is looked at.
 */
export function inputsFor(role: Role, path: string): HostileInput[] {
  const procedure = procedures[path]!;
  return reaches[role].includes(accessLevelOf(procedure))
    ? hostileInputsFor(procedure)
    : REFUSED_INPUTS;
}

export interface HostileApi {
  t: TestApi;
  cookie: Record<Role, string>;
  /** Lines the server logged as errors: none is expected, whatever the client was told. */
  failures: string[];
  /** A fresh session of the role's account (the walk logs the first one out). */
  signIn(role: "operator" | "admin"): Promise<string>;
}

export async function startHostileApi(): Promise<HostileApi> {
  const t = await startTestApi();
  const emails = {
    operator: (await seedUser(t.deps, { role: "operator" })).email,
    admin: (await seedUser(t.deps, { role: "admin" })).email,
  };
  const signIn = async (role: "operator" | "admin") => {
    const login = await postJson(
      `${t.url}/trpc/auth.login`,
      JSON.stringify({ json: { email: emails[role], password: TEST_PASSWORD } }),
    );
    return String(login.headers["set-cookie"]?.[0] ?? "").split(";")[0] ?? "";
  };
  const cookie: Record<Role, string> = {
    anonymous: "",
    operator: await signIn("operator"),
    admin: await signIn("admin"),
  };
  const failures: string[] = [];
  Object.assign(t.deps, {
    log: createLogger({ json: true, level: "error", write: (line) => failures.push(line) }),
  });
  return { t, cookie, failures, signIn };
}

/**
 * The hostile API for this test file: started (an admin's and an operator's sessions signed in) before
 * its tests, closed after them. Its fields are there once the tests run.
 */
export function useHostileApi(): HostileApi {
  const api = {} as HostileApi;
  beforeAll(async () => {
    Object.assign(api, await startHostileApi());
  }, 60_000);
  afterAll(async () => {
    await api.t.close();
  });
  return api;
}

/** Procedures whose input parsers the forged superjson envelopes (BAD_ENVELOPES) are sent to. */
export const ENVELOPE_PATHS = ["auth.login", "chat.history", "conversations.list", "users.update"];

/** A tRPC answer (one call or a batch) that carries a server fault, or an error without a message. */
export function serverFault(json: unknown): string | null {
  for (const item of Array.isArray(json) ? json : [json]) {
    const error = (
      item as {
        error?: { json?: { message?: unknown; data?: { httpStatus?: number; code?: string } } };
      }
    )?.error?.json;
    if (!error) continue;
    if (typeof error.message !== "string") return "an error without a message";
    if ((error.data?.httpStatus ?? 500) >= 500) return `${error.data?.code}: ${error.message}`;
  }
  return null;
}
