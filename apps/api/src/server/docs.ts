import type { AnyProcedure, AnyRouter } from "@trpc/server";
import { z } from "zod";
import { accessLevelOf, type AccessLevel } from "./access-level";

export interface ProcedureDoc {
  path: string;
  type: "query" | "mutation" | "subscription";
  access: AccessLevel;
  /** JSON Schema of the accepted input (draft 2020-12), null when the procedure takes none. */
  input: Record<string, unknown> | null;
}

const jsonSchemaOf = (schema: z.ZodType) =>
  z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
    // superjson carries Dates as Dates; on the wire documentation they are ISO strings.
    override: (ctx) => {
      if (ctx.zodSchema._zod.def.type === "date") {
        ctx.jsonSchema.type = "string";
        ctx.jsonSchema.format = "date-time";
      }
    },
  }) as Record<string, unknown>;

function inputSchema(procedure: AnyProcedure): Record<string, unknown> | null {
  const schemas = procedure._def.inputs
    .filter((parser): parser is z.ZodType => parser instanceof z.ZodType)
    .map(jsonSchemaOf);
  if (schemas.length <= 1) return schemas[0] ?? null;
  return { allOf: schemas };
}

/** Every procedure of the router, walked at run time, so the page cannot drift from the code. */
export function describeRouter(router: AnyRouter): ProcedureDoc[] {
  const procedures = router._def.procedures as Record<string, AnyProcedure>;
  return Object.entries(procedures)
    .map(([path, procedure]) => ({
      path,
      type: procedure._def.type,
      access: accessLevelOf(procedure),
      input: inputSchema(procedure),
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const accessLabel: Record<AccessLevel, string> = {
  public: "public",
  staff: "staff (owner, admin, operator)",
  admin: "owner or admin",
};

export function docsHtml(docs: ProcedureDoc[], info: { title: string; version: string }): string {
  const rows = docs
    .map(
      (d) => `<tr id="${escape(d.path)}">
<td><code>${escape(d.path)}</code></td><td>${d.type}</td><td class="${d.access}">${accessLabel[d.access]}</td>
<td>${d.input ? `<pre>${escape(JSON.stringify(d.input, null, 2))}</pre>` : "<em>none</em>"}</td></tr>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(info.title)} — API reference</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1d2430}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #dde2ea;padding:.4rem .6rem;vertical-align:top;text-align:left}
pre{margin:0;font-size:12px;max-height:18rem;overflow:auto;background:#f5f7fa;padding:.4rem}
.public{color:#0a7a3b}.staff{color:#8a5a00}.admin{color:#a11d2f}
</style></head><body>
<h1>${escape(info.title)} <small>${escape(info.version)}</small></h1>
<p>tRPC 11 with the superjson transformer: queries and mutations over HTTP at <code>/trpc/&lt;path&gt;</code>,
everything (subscriptions too) over WebSocket at <code>/trpc</code> on the same port.
Staff authenticate with the HTTP-only session cookie from <code>auth.login</code>, machines with
<code>Authorization: Bearer &lt;ADMIN_TOKEN&gt;</code> (HTTP) or <code>connectionParams.token</code> (WebSocket);
never in the URL. Errors carry a tRPC code, <code>data.issues [{ path, message }]</code> for bad input and
<code>data.requestId</code>. Machine-readable: <a href="/docs.json">/docs.json</a>.</p>
<table><thead><tr><th>procedure</th><th>type</th><th>access</th><th>input (JSON Schema)</th></tr></thead>
<tbody>
${rows}
</tbody></table></body></html>
`;
}

const rendered = new Map<string, { html: string; json: string }>();

/** `/docs` (HTML) and `/docs.json`; public, because they describe the contract and hold no data. */
export function docsResponse(
  router: AnyRouter,
  path: string,
  info: { title: string; version: string },
): { contentType: string; body: string } | null {
  if (path !== "/docs" && path !== "/docs.json") return null;
  const key = `${info.title}\n${info.version}`;
  let page = rendered.get(key);
  if (!page) {
    const docs = describeRouter(router);
    page = {
      html: docsHtml(docs, info),
      json: JSON.stringify({ ...info, transformer: "superjson", procedures: docs }, null, 2),
    };
    rendered.set(key, page);
  }
  return path === "/docs"
    ? { contentType: "text/html; charset=utf-8", body: page.html }
    : { contentType: "application/json; charset=utf-8", body: page.json };
}
