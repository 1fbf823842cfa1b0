import { describe, expect, it } from "vitest";
import { connectionState } from "./connection-state";
import type { AgentCard } from "./chat-types";
import { findAgentCard } from "./find-agent-card";
import { initialsOf } from "./initials";
import { describeSendError, trpcErrorCode } from "./send-errors";

const card = (agentId: string): AgentCard => ({
  agentId,
  displayName: agentId,
  clinicName: null,
  specialty: null,
  languages: [],
});

/** The shape of a TRPCClientError as the client hands it over. */
const trpcError = (code: string, message = "") =>
  Object.assign(new Error(message), { data: { code, httpStatus: 400 } });

describe("connection state", () => {
  it("says reconnecting only after having been live", () => {
    expect(connectionState("connecting", false)).toBe("connecting");
    expect(connectionState("pending", false)).toBe("live");
    expect(connectionState("connecting", true)).toBe("reconnecting");
    expect(connectionState("error", true)).toBe("offline");
    expect(connectionState("idle", true)).toBe("off");
  });
});

describe("findAgentCard", () => {
  it("is the API's card, null when the agent is unknown or inactive, an error otherwise", async () => {
    const asked: string[] = [];
    const fetchCard = async (agentId: string) => {
      asked.push(agentId);
      if (agentId === "inactive_agent") throw trpcError("NOT_FOUND");
      if (agentId === "broken") throw new TypeError("Failed to fetch");
      return card(agentId);
    };
    expect((await findAgentCard("c", fetchCard))?.agentId).toBe("c");
    expect(asked).toEqual(["c"]);
    expect(await findAgentCard("inactive_agent", fetchCard)).toBeNull();
    await expect(findAgentCard("broken", fetchCard)).rejects.toThrow("Failed to fetch");
  });
});

describe("initials", () => {
  it("skips titles and takes the first and last names", () => {
    expect(initialsOf("Dr. Elena Markova")).toBe("EM");
    expect(initialsOf("Sunrise Family Clinic")).toBe("SC");
    expect(initialsOf("клиника")).toBe("К");
    expect(initialsOf("")).toBe("?");
  });
});

describe("send errors", () => {
  it("reads the tRPC code, null for a network failure", () => {
    expect(trpcErrorCode(trpcError("NOT_FOUND"))).toBe("NOT_FOUND");
    expect(trpcErrorCode(new TypeError("Failed to fetch"))).toBeNull();
  });

  it("keeps the message for a retry when the network fails", () => {
    const problem = describeSendError(new TypeError("Failed to fetch"), "send");
    expect(problem.reason).toBe("offline");
    expect(problem.forgetConversation || problem.closed || problem.agentUnavailable).toBe(false);
  });

  it("forgets a conversation that no longer opens, so the retry starts a new one", () => {
    expect(describeSendError(trpcError("NOT_FOUND"), "send").forgetConversation).toBe(true);
  });

  it("tells a closed conversation from an agent that is gone", () => {
    expect(
      describeSendError(trpcError("PRECONDITION_FAILED", "Conversation is closed"), "send"),
    ).toMatchObject({ closed: true, agentUnavailable: false });
    expect(
      describeSendError(
        trpcError("PRECONDITION_FAILED", "This chat is not available any more"),
        "send",
      ),
    ).toMatchObject({ closed: false, agentUnavailable: true });
    expect(describeSendError(trpcError("NOT_FOUND"), "start").agentUnavailable).toBe(true);
  });

  it("asks to slow down when rate limited", () => {
    expect(describeSendError(trpcError("TOO_MANY_REQUESTS"), "send").reason).toBe("tooFast");
  });
});
