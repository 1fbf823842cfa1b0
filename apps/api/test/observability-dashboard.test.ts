import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createMetrics } from "../src/observability/metrics";

const docs = join(import.meta.dirname, "..", "..", "..", "docs");

interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos: { x: number; y: number; w: number; h: number };
  targets: { refId: string; expr: string }[];
}

const dashboard = JSON.parse(readFileSync(join(docs, "grafana-dashboard.json"), "utf8")) as {
  title: string;
  uid: string;
  schemaVersion: number;
  panels: Panel[];
};
const registered = new Set(createMetrics().registry.names());
/** A histogram's series are named after it with these suffixes. */
const family = (series: string) => series.replace(/_(bucket|sum|count)$/, "");

describe("the example Grafana dashboard (docs/grafana-dashboard.json)", () => {
  it("has what Grafana's import needs: a title, a uid, a schema version and placed panels", () => {
    expect(dashboard.title).toBeTruthy();
    expect(dashboard.uid).toMatch(/^[\w-]{1,40}$/);
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(36);
    const ids = dashboard.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of dashboard.panels) {
      expect(["timeseries", "stat"]).toContain(panel.type);
      expect(panel.gridPos.w).toBeGreaterThan(0);
      expect(panel.gridPos.x + panel.gridPos.w).toBeLessThanOrEqual(24);
      expect(panel.targets.length).toBeGreaterThan(0);
    }
  });

  it("queries only metrics the registry exposes", () => {
    const used = dashboard.panels
      .flatMap((p) => p.targets.map((t) => t.expr))
      .flatMap((expr) => expr.match(/agents_crm_[a-z0-9_]+/g) ?? []);
    expect(used.length).toBeGreaterThan(20);
    const unknown = used.map(family).filter((name) => !registered.has(name));
    expect(unknown).toEqual([]);
  });
});

describe("docs/observability.md", () => {
  it("lists every metric of the registry", () => {
    const page = readFileSync(join(docs, "observability.md"), "utf8");
    const missing = [...registered].filter((name) => !page.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});
