import superjson, { type SuperJSONResult } from "superjson";
import { describe, expect, it } from "vitest";
import { apiTransformer, markPlainJson } from "../src/realtime/plain-json-events";

describe("realtime events skip the superjson walk", () => {
  it("sends a marked tracked event as superjson's plain envelope, read back unchanged", () => {
    const event = markPlainJson({
      type: "conversation.updated",
      payload: { id: "c1", n: 2 },
      at: "t",
    });
    const wire = apiTransformer.output.serialize({ id: "01EVENT", data: event }) as unknown;
    expect(wire).toEqual({ json: { id: "01EVENT", data: event } });
    expect(superjson.deserialize(JSON.parse(JSON.stringify(wire)) as SuperJSONResult)).toEqual({
      id: "01EVENT",
      data: event,
    });
  });

  it("keeps superjson for everything else, so Dates still arrive as Dates", () => {
    const at = new Date("2026-11-25T10:00:00Z");
    const unmarked = { id: "01EVENT", data: { at } };
    const wire = apiTransformer.output.serialize(unmarked) as Parameters<
      typeof superjson.deserialize
    >[0];
    expect(wire.meta).toBeDefined();
    expect(
      superjson.deserialize<{ data: { at: Date } }>(
        JSON.parse(JSON.stringify(wire)) as SuperJSONResult,
      ).data.at,
    ).toEqual(at);
    expect(apiTransformer.output.serialize({ createdAt: at })).toEqual(
      superjson.serialize({ createdAt: at }),
    );
  });
});
