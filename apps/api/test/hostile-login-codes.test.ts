import { startSmtpCapture, type SmtpCapture } from "@agents-crm/config/testing/smtp-capture";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/logger";
import { seedUser } from "./helpers/auth-fixtures";
import { procedures, serverFault } from "./helpers/hostile-api";
import { hostileInputsFor } from "./helpers/hostile-inputs";
import { startTestApi, type TestApi } from "./helpers/test-api";

/**
 * The router-wide hostile walk runs without SMTP, where both code procedures stop at "not set up"
 * after parsing. Here the API has a real SMTP server, so inputs that parse reach the handlers.
 */
let smtp: SmtpCapture;
let t: TestApi;
const errors: string[] = [];

beforeAll(async () => {
  smtp = await startSmtpCapture();
  t = await startTestApi(smtp.env);
  await seedUser(t.deps, { role: "operator", email: "olga@clinic.test" });
  Object.assign(t.deps, {
    log: createLogger({ json: true, level: "error", write: (line) => errors.push(line) }),
  });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const wrap = (value: unknown) => superjson.serialize(value);

const ODD_INPUTS = [
  { name: "a lone surrogate in the address", wire: wrap({ email: "\ud800@clinic.test" }) },
  {
    name: "an address of 320 Cyrillic letters",
    wire: wrap({ email: `${"я".repeat(309)}@clinic.test` }),
  },
  { name: "an unknown language", wire: wrap({ email: "olga@clinic.test", language: "de" }) },
  { name: "full-width digits", wire: wrap({ email: "olga@clinic.test", code: "１２３４５６" }) },
  { name: "a code of spaces", wire: wrap({ email: "olga@clinic.test", code: " ".repeat(32) }) },
  { name: "a code too long", wire: wrap({ email: "olga@clinic.test", code: "1".repeat(33) }) },
  { name: "a code as a number", wire: wrap({ email: "olga@clinic.test", code: 123456 }) },
];

describe.each(["auth.requestCode", "auth.verifyCode"])("%s with SMTP on", (path) => {
  it("answers malformed input with 4xx and logs no failure", async () => {
    const inputs = [...hostileInputsFor(procedures[path]!), ...ODD_INPUTS];
    const faults: string[] = [];
    for (const input of inputs) {
      const res = await fetch(`${t.url}/trpc/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: input.wire === undefined ? undefined : JSON.stringify(input.wire),
      });
      const text = await res.text();
      let fault: string | null = res.status >= 500 ? `HTTP ${res.status}` : null;
      try {
        fault ??= serverFault(JSON.parse(text));
      } catch {
        fault = `HTTP ${res.status} without JSON`;
      }
      if (fault) faults.push(`${input.name}: ${fault} ${text.slice(0, 120)}`);
    }
    expect(faults).toEqual([]);
    await t.deps.work.drain();
    expect(errors).toEqual([]);
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
  });
});
