import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkThisNode,
  END_OF_LIFE,
  engineMinimum,
  nodeSupport,
} from "../../../scripts/node-support.mjs";

const root = join(import.meta.dirname, "../../..");
const lts = "26.12.1";

describe("the Node npm start runs on", () => {
  it("reads the minimum from engines.node", () => {
    expect(engineMinimum(">=20.9")).toBe("20.9.0");
    expect(engineMinimum(">= 22.12.0")).toBe("22.12.0");
    expect(() => engineMinimum("^20 || ^22")).toThrow(/not of the form >=x.y.z/);
    const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
      engines: { node: string };
    };
    // The machine's Node 20 keeps running `npm start`; the images and CI run the LTS.
    expect(engineMinimum(manifest.engines.node)).toBe("20.9.0");
  });

  it("refuses below the minimum, naming it and the LTS to install", () => {
    expect(nodeSupport({ version: "v20.8.1", minimum: "20.9.0", lts })).toEqual({
      ok: false,
      message:
        "Node 20.8.1 is too old: npm start needs Node 20.9.0 or newer; install Node 26 (the current LTS, which the images and CI run).",
    });
    expect(nodeSupport({ version: "v18.20.4", minimum: "20.9.0", lts }).ok).toBe(false);
  });

  it("warns on Node 20 from its end of life (2026-04-30) on, and runs", () => {
    const before = new Date("2026-04-29T12:00:00Z");
    const after = new Date("2026-12-06T20:00:00Z");
    expect(nodeSupport({ version: "v20.20.2", minimum: "20.9.0", lts, today: before })).toEqual({
      ok: true,
    });
    expect(nodeSupport({ version: "v20.20.2", minimum: "20.9.0", lts, today: after })).toEqual({
      ok: true,
      message:
        "Node 20.20.2 reached its end of life on 2026-04-30 (no more security fixes); npm start still runs on it, but move to Node 26 (the current LTS, which the images and CI run).",
    });
  });

  it("says nothing on a supported line", () => {
    const today = new Date("2026-12-06T20:00:00Z");
    for (const version of ["v22.23.4", "v24.22.1", `v${lts}`, "v27.0.0"])
      expect(nodeSupport({ version, minimum: "20.9.0", lts, today })).toEqual({ ok: true });
    // The Node.js Release Working Group's schedule: https://github.com/nodejs/Release#release-schedule
    expect(END_OF_LIFE).toMatchObject({ 20: "2026-04-30", 26: "2029-04-30" });
  });

  it("checks this process against this checkout", () => {
    const result = checkThisNode(root, new Date("2026-12-06T20:00:00Z"));
    expect(result.ok).toBe(true);
    if (process.versions.node.startsWith("20."))
      expect(result.message).toMatch(/^Node 20\.\d+\.\d+ reached its end of life on 2026-04-30/);
    else expect(result.message).toBeUndefined();
  });
});
