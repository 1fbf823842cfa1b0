import { describe, expect, it } from "vitest";
import { auditCsv, auditCsvFileName, csvField, UTF8_BOM } from "./audit-csv";
import { fieldChanges } from "./audit-diff";
import { auditSentence, sentenceText, type SentenceLookups } from "./audit-sentence";
import { AUDIT_ACTIONS } from "./audit-actions";
import type { AuditEntry } from "./types";
import { audit } from "./messages";

const CONVERSATION = "01JCONVERSATION000000ABC123";

function entry(overrides: Partial<AuditEntry>): AuditEntry {
  return {
    logId: "01JLOG",
    actorId: "01JUSER",
    actorName: "Local admin",
    action: "handoff",
    resourceType: "conversation",
    resourceId: CONVERSATION,
    timestamp: "2026-11-25T09:15:00.000Z",
    metadata: {},
    ...overrides,
  };
}

const lookups: SentenceLookups = {
  stageName: (id) => ({ NEW: "New", BOOKED: "Booked", REJECTED: "Rejected" })[id] ?? id,
  roleName: (role) => ({ admin: "Admin", operator: "Operator" })[role] ?? role,
  channelName: (channel) => ({ telegram: "Telegram" })[channel] ?? channel,
  agentName: (id) => (id === "demo_clinic" ? "Demo Clinic" : undefined),
};

const say = (e: AuditEntry, locale: "en" | "ru" = "en") =>
  sentenceText(auditSentence(e, audit[locale], lookups));

describe("audit entries in words", () => {
  it("says what happened to a conversation, with a link to it", () => {
    const taken = auditSentence(entry({ action: "handoff" }), audit.en, lookups);
    expect(taken).toMatchObject({
      before: "Took over conversation ",
      after: "",
      target: { label: "#abc123", href: `/admin/conversations/${CONVERSATION}` },
    });
    expect(say(entry({ action: "return_to_ai" }))).toBe("Returned conversation #abc123 to the AI");
    expect(say(entry({ action: "close_conversation" }))).toBe("Closed conversation #abc123");
    expect(say(entry({ action: "send_message", newValue: { messageId: "m" } }))).toBe(
      "Replied in conversation #abc123",
    );
    expect(say(entry({ action: "send_message", oldValue: { status: "NEEDS_HUMAN" } }))).toBe(
      "Replied in conversation #abc123 and took it over",
    );
  });

  it("names stages by their names and keeps the rejection reason", () => {
    const moved = entry({
      action: "update_marketing_status",
      oldValue: { stage: "NEW", rejectionReason: null },
      newValue: { stage: "REJECTED", rejectionReason: "Chose another clinic" },
    });
    expect(say(moved)).toBe(
      "Moved conversation #abc123 from “New” to “Rejected”. Reason: Chose another clinic",
    );
    expect(say(moved, "ru")).toBe(
      "Перевод диалога #abc123 с этапа «New» на «Rejected». Причина: Chose another clinic",
    );
  });

  it("links agents, users and channels to their pages", () => {
    const created = auditSentence(
      entry({ action: "agent.create", resourceType: "agent", resourceId: "demo_clinic" }),
      audit.en,
      lookups,
    );
    expect(created.target).toMatchObject({
      label: "Demo Clinic",
      href: "/admin/agents/demo_clinic",
    });
    expect(sentenceText(created)).toBe("Created agent Demo Clinic");
    expect(
      say(
        entry({
          action: "agent.create",
          resourceType: "agent",
          resourceId: "imported",
          metadata: { via: "import" },
        }),
      ),
    ).toBe("Imported agent imported");
    expect(
      say(
        entry({
          action: "users.create",
          resourceType: "admin_user",
          resourceId: "01JNEWUSER00000000000000XYZ",
          newValue: { name: "Anna", email: "anna@example.com", role: "operator" },
        }),
      ),
    ).toBe("Added user Anna as Operator");
    const binding = auditSentence(
      entry({
        action: "binding.create",
        resourceType: "channel_binding",
        resourceId: "01JBINDING00000000000QWERTY",
        metadata: { agentId: "demo_clinic", channelType: "telegram" },
      }),
      audit.en,
      lookups,
    );
    expect(sentenceText(binding)).toBe("Connected Telegram channel #qwerty");
    expect(binding.target?.href).toBe("/admin/agents/demo_clinic");
  });

  it("has no target for sign-ins and the pipeline, and still words unknown actions", () => {
    const login = auditSentence(
      entry({ action: "auth.login", resourceType: "admin_user" }),
      audit.en,
      lookups,
    );
    expect(login.target).toBeNull();
    expect(sentenceText(login)).toBe("Signed in");
    expect(say(entry({ action: "auth.login", resourceType: "admin_user" }), "ru")).toBe(
      "Вход в консоль",
    );
    expect(say(entry({ action: "stages.update", resourceType: "pipeline", resourceId: "x" }))).toBe(
      "Changed the pipeline stages",
    );
    expect(say(entry({ action: "something.new", resourceType: "thing", resourceId: "t1" }))).toBe(
      "something.new t1",
    );
  });

  it("has a name for every recorded action in both languages", () => {
    for (const action of AUDIT_ACTIONS) {
      expect(audit.en.actionNames[action]).toBeTruthy();
      expect(audit.ru.actionNames[action]).toBeTruthy();
      // No action the API records falls through to the raw-name sentence.
      expect(say(entry({ action, resourceType: "conversation" }))).not.toContain(action);
    }
  });
});

describe("before / after details", () => {
  it("lists changed fields by path and skips equal ones", () => {
    expect(
      fieldChanges(
        { status: "AI_ACTIVE", handoffReason: null, config: { profile: { a: 1, b: 2 } } },
        { status: "HUMAN_ACTIVE", handoffReason: null, config: { profile: { a: 1, b: 3 } } },
      ),
    ).toEqual([
      { path: "status", before: "AI_ACTIVE", after: "HUMAN_ACTIVE" },
      { path: "config.profile.b", before: "2", after: "3" },
    ]);
  });

  it("lists every field of a creation or a deletion, and cuts long values", () => {
    expect(fieldChanges(undefined, { name: "Anna", tags: ["a", "b"] })).toEqual([
      { path: "name", before: null, after: "Anna" },
      { path: "tags", before: null, after: '["a","b"]' },
    ]);
    expect(fieldChanges({ isActive: true }, undefined)).toEqual([
      { path: "isActive", before: "true", after: null },
    ]);
    expect(fieldChanges(undefined, undefined)).toEqual([]);
    expect(fieldChanges("x".repeat(400), "y")[0]?.before).toHaveLength(301);
  });
});

describe("CSV export", () => {
  it("escapes separators, quotes and line breaks, and defuses formulas", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("-1,5")).toBe(`"'-1,5"`);
    expect(csvField(" padded")).toBe('" padded"');
    expect(csvField(42)).toBe("42");
    expect(csvField(null)).toBe("");
  });

  it("writes a BOM, a header and one row per entry with ISO times and JSON values", () => {
    const csv = auditCsv(
      [
        entry({
          action: "update_marketing_status",
          actorName: "Анна, старший админ",
          oldValue: { stage: "NEW" },
          newValue: { stage: "BOOKED" },
          requestId: "req-1",
        }),
        entry({ action: "auth.login", resourceType: "admin_user", actorName: undefined }),
      ],
      audit.en.csv.headers,
      (e) => say(e),
    );
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      "timestamp,actor,actor_id,action,description,resource_type,resource_id,old_value,new_value,metadata,request_id",
    );
    expect(lines[1]).toBe(
      `2026-11-25T09:15:00.000Z,"Анна, старший админ",01JUSER,update_marketing_status,Moved conversation #abc123 from “New” to “Booked”,conversation,${CONVERSATION},"{""stage"":""NEW""}","{""stage"":""BOOKED""}",,req-1`,
    );
    expect(lines[2]).toBe(
      `2026-11-25T09:15:00.000Z,,01JUSER,auth.login,Signed in,admin_user,${CONVERSATION},,,,`,
    );
    expect(lines[3]).toBe("");
  });

  it("names the file after the filtered date range", () => {
    expect(auditCsvFileName({ from: "2026-11-01", to: "2026-11-25" }, "2026-11-30")).toBe(
      "audit-log_2026-11-01_to_2026-11-25.csv",
    );
    expect(auditCsvFileName({}, "2026-11-30")).toBe("audit-log_start_to_2026-11-30.csv");
  });
});
