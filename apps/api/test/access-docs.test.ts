import type { AnyProcedure } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessLevelOf } from "../src/server/access-level";
import { appRouter } from "../src/router";
import { describeRouter, type ProcedureDoc } from "../src/server/docs";
import { startTestApi, type TestApi } from "./helpers/test-api";

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ ADMIN_TOKEN: "docs-test-token-0123456789abcdef" });
});
afterAll(async () => {
  await t.close();
});

const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;

describe("/docs", () => {
  it("serves JSON generated from the router: every procedure, its type, access and input", async () => {
    const res = await fetch(`${t.url}/docs.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await res.json()) as { transformer: string; procedures: ProcedureDoc[] };
    expect(body.transformer).toBe("superjson");
    expect(body.procedures.map((p) => p.path)).toEqual(Object.keys(procedures).sort());
    for (const doc of body.procedures) {
      expect(doc.type).toBe(procedures[doc.path]?._def.type);
      expect(doc.access).toBe(accessLevelOf(procedures[doc.path]!));
    }
    expect(body).toEqual(
      JSON.parse(JSON.stringify({ ...body, procedures: describeRouter(appRouter) })),
    );
  });

  it("describes inputs as JSON Schema, including their constraints", () => {
    const docs = Object.fromEntries(describeRouter(appRouter).map((d) => [d.path, d]));
    expect(docs["users.create"]).toMatchObject({
      type: "mutation",
      access: "admin",
      input: {
        type: "object",
        required: expect.arrayContaining(["email", "password", "role", "name"]) as unknown,
        properties: {
          password: { type: "string", minLength: 10 },
          role: { enum: ["owner", "admin", "operator"] },
        },
      },
    });
    expect(docs["auth.logout"]).toMatchObject({ access: "staff", input: null });
    expect(docs["system.onStatus"]).toMatchObject({ type: "subscription", access: "public" });
    expect(docs["audit.list"]?.input).toMatchObject({ properties: { from: {}, limit: {} } });
  });

  it("serves a readable HTML page without signing in, and escapes what it prints", async () => {
    const res = await fetch(`${t.url}/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    for (const path of Object.keys(procedures)) expect(html).toContain(`<code>${path}</code>`);
    expect(html).toContain("owner or admin");
    expect(html).toContain("staff (owner, admin, operator)");
    expect(html).not.toContain("docs-test-token");
    expect(html).not.toMatch(/<script/i);
  });

  it("answers only GET", async () => {
    const res = await fetch(`${t.url}/docs`, { method: "POST" });
    expect(res.status).toBe(404);
  });
});
