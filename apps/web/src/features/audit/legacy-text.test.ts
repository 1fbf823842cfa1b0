import { describe, expect, it } from "vitest";
import { auditCsv } from "./audit-csv";
import { auditSentence, sentenceText } from "./audit-sentence";
import type { AuditEntry } from "./types";
import { audit } from "./messages";

/** Stored before the API repaired its input: a stranger's e-mail with half a surrogate pair. */
const LEGACY_EMAIL = "stranger\ud800x@example.test";

const failedSignIn: AuditEntry = {
  logId: "01JLEGACY",
  actorId: "anonymous",
  actorName: LEGACY_EMAIL,
  action: "auth.login_failed",
  resourceType: "admin_user",
  resourceId: LEGACY_EMAIL,
  timestamp: "2026-11-25T09:15:00.000Z",
  metadata: { reason: "unknown_email", ip: "203.0.113.7" },
};

const lookups = {
  stageName: (id: string) => id,
  roleName: (role: string) => role,
  channelName: (channel: string) => channel,
  agentName: () => undefined,
};

describe("stored text with a lone surrogate", () => {
  it("still makes a sentence and a link for its row", () => {
    const sentence = auditSentence(failedSignIn, audit.en, lookups);
    expect(sentenceText(sentence)).toMatch(/^Failed sign-in/);
    const agent = auditSentence(
      { ...failedSignIn, action: "agents.update", resourceType: "agent", resourceId: "a\udc00" },
      audit.en,
      lookups,
    );
    expect(agent.target?.href).toBe("/admin/agents/a%EF%BF%BD");
  });

  it("goes into the CSV export", () => {
    const csv = auditCsv([failedSignIn], audit.en.csv.headers, (e) =>
      sentenceText(auditSentence(e, audit.en, lookups)),
    );
    expect(csv).toContain("stranger");
    expect(new TextDecoder().decode(new TextEncoder().encode(csv))).toContain("stranger\ufffdx");
  });
});
