// The one-direction rule (apps → packages): the client takes only the router's *type* from @agents-crm/api.
// Bundling it the way any consumer's bundler would proves no server module is loaded at runtime.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

describe("@agents-crm/client at runtime", () => {
  it("imports nothing from the API: the router is a type-only import", async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL("../src/index.ts", import.meta.url))],
      bundle: true,
      write: false,
      metafile: true,
      platform: "node",
      format: "esm",
      packages: "external",
      logLevel: "silent",
    });
    const imports = Object.values(result.metafile.outputs).flatMap((o) =>
      o.imports.map((i) => i.path),
    );
    expect(imports.filter((path) => path.startsWith("@agents-crm/"))).toEqual([]);
    expect(imports).toEqual(expect.arrayContaining(["@trpc/client", "superjson", "ws"]));
  });
});
