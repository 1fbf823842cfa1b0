import { describe, expect, expectTypeOf, it } from "vitest";
import { META_PLATFORMS, PLATFORMS, platformSchema } from "../src/channels";
import type { MetaPlatform, Platform } from "../src/channels";

describe("platforms", () => {
  it("Meta's platforms are bound platforms, named once for the API's webhooks and bindings", () => {
    for (const platform of META_PLATFORMS) expect(platformSchema.parse(platform)).toBe(platform);
    expect(PLATFORMS.filter((p) => !(META_PLATFORMS as readonly Platform[]).includes(p))).toEqual([
      "telegram",
    ]);
    expectTypeOf<MetaPlatform>().toEqualTypeOf<"instagram" | "whatsapp">();
  });
});
