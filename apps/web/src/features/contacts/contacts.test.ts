import { describe, expect, it } from "vitest";
import { contactChannels, contactDisplayName, contactReach, isPhoneName } from "./contact-name";
import { draftOf, patchFromDraft } from "./contact-draft";
import { fileNameFor } from "./download";
import { identityPicture } from "./identity-profile";
import { refusedRows } from "./import-results";
import { joinTimelinePages } from "./timeline-pages";
import { contactFiltersFromParams, contactFiltersToQuery } from "./contact-filters";
import { addLabel, normalizeLabel, removeLabel } from "./label-text";
import type { ContactSummary } from "./types";

const words = { unnamed: "Unnamed contact", webVisitor: "Web visitor" };
const contact = (over: Partial<ContactSummary> = {}): ContactSummary => ({
  contactId: "01JCONTACT00000000000ABCDEF",
  name: null,
  phones: [],
  emails: [],
  identities: [],
  labels: [],
  ...over,
});
const web = { channel: "web_chat" as const, externalUserId: "v1", agentId: "demo" };

describe("contactDisplayName", () => {
  it("prefers the name, then a platform display name, a phone, an e-mail and a username", () => {
    expect(contactDisplayName(contact({ name: " Maria ", phones: ["+491"] }), words)).toBe("Maria");
    const telegram = {
      channel: "telegram" as const,
      externalUserId: "555",
      agentId: "demo",
      displayName: "Masha K",
      username: "masha",
    };
    expect(contactDisplayName(contact({ identities: [telegram], phones: ["+491"] }), words)).toBe(
      "Masha K",
    );
    expect(
      contactDisplayName(contact({ phones: ["+4915112345678"], emails: ["a@b.c"] }), words),
    ).toBe("+4915112345678");
    expect(contactDisplayName(contact({ emails: ["a@b.co"] }), words)).toBe("a@b.co");
    expect(
      contactDisplayName(contact({ identities: [{ ...telegram, displayName: undefined }] }), words),
    ).toBe("@masha");
  });

  it("names a web visitor with nothing shared by the contact's short id, never by the random visitor id", () => {
    expect(contactDisplayName(contact({ identities: [web] }), words)).toBe("Web visitor #abcdef");
    expect(contactDisplayName(contact(), words)).toBe("Unnamed contact");
  });

  it("lists each channel once, in the console's order", () => {
    const identities = [
      { ...web, channel: "whatsapp" as const },
      web,
      { ...web, channel: "whatsapp" as const, externalUserId: "2" },
    ];
    expect(contactChannels({ identities })).toEqual(["web_chat", "whatsapp"]);
  });
});

describe("labels", () => {
  it("are stored lower-case and trimmed, in any script", () => {
    expect(normalizeLabel("  VIP   Client ")).toBe("vip client");
    expect(addLabel([], "Постоянный", 3)).toEqual({ ok: true, labels: ["постоянный"] });
  });

  it("refuse odd characters, too many, and ignore duplicates", () => {
    expect(addLabel([], "vip!", 3)).toEqual({ ok: false, reason: "invalid" });
    expect(addLabel([], "x".repeat(33), 3)).toEqual({ ok: false, reason: "invalid" });
    expect(addLabel([], "   ", 3)).toEqual({ ok: false, reason: "empty" });
    expect(addLabel(["a", "b"], "c", 2)).toEqual({ ok: false, reason: "tooMany" });
    expect(addLabel(["vip"], "VIP", 1)).toEqual({ ok: true, labels: ["vip"] });
    expect(removeLabel(["a", "b"], "a")).toEqual(["b"]);
  });
});

describe("the contact edit form", () => {
  const stored = {
    name: "Maria",
    phones: ["+4915112345678"],
    emails: ["maria@example.com"],
    attributes: { birthday: "1990-04-01" },
  };

  it("round-trips a stored contact unchanged", () => {
    const result = patchFromDraft(draftOf(stored));
    expect(result).toEqual({ ok: true, patch: stored });
  });

  it("reads one phone or e-mail per line, lower-cases e-mails and drops empty attribute rows", () => {
    const result = patchFromDraft({
      name: "  ",
      phones: "0049 151 1234 5678\n\n+49 (151) 1234-5678",
      emails: "Maria@Example.com\nmaria@example.com",
      attributes: [
        { key: " insurance ", value: " AOK " },
        { key: "", value: "" },
      ],
    });
    expect(result).toEqual({
      ok: true,
      patch: {
        name: null,
        phones: ["+4915112345678"],
        emails: ["maria@example.com"],
        attributes: { insurance: "AOK" },
      },
    });
  });

  it("says what is wrong: a non-phone, a non-e-mail, a nameless or repeated attribute", () => {
    const base = draftOf(stored);
    expect(patchFromDraft({ ...base, phones: "call me" })).toMatchObject({
      ok: false,
      problem: { kind: "badPhone", value: "call me" },
    });
    // A national number has no country to be read with: refused, not stored as "+0151…" or "+8916…".
    for (const national of ["0151 23456789", "8 916 555-12-34"]) {
      expect(patchFromDraft({ ...base, phones: national })).toMatchObject({
        ok: false,
        problem: { kind: "badPhone", value: national },
      });
    }
    expect(patchFromDraft({ ...base, phones: "007 916 555-12-34" })).toMatchObject({
      ok: true,
      patch: { phones: ["+79165551234"] },
    });
    expect(patchFromDraft({ ...base, emails: "maria.at.example" })).toMatchObject({
      ok: false,
      problem: { kind: "badEmail" },
    });
    expect(patchFromDraft({ ...base, attributes: [{ key: "", value: "x" }] })).toMatchObject({
      ok: false,
      problem: { kind: "emptyKey" },
    });
    expect(
      patchFromDraft({
        ...base,
        attributes: [
          { key: "a", value: "1" },
          { key: "a ", value: "2" },
        ],
      }),
    ).toMatchObject({ ok: false, problem: { kind: "duplicateKey", key: "a" } });
  });
});

describe("download file names", () => {
  it("keep letters of any script and replace the rest", () => {
    const day = new Date("2026-12-06T10:00:00Z");
    expect(fileNameFor("Мария / Smith", "json", day)).toBe("Мария-Smith-2026-12-06.json");
    expect(fileNameFor("///", "csv", day)).toBe("contact-2026-12-06.csv");
  });
});

describe("identity pictures", () => {
  it("come from the platform's profile, only as https links", () => {
    expect(identityPicture({ profile: { profilePic: "https://cdn.example/p.jpg" } })).toBe(
      "https://cdn.example/p.jpg",
    );
    expect(identityPicture({ profile: { pictureUrl: "javascript:alert(1)" } })).toBeNull();
    expect(identityPicture({})).toBeNull();
  });
});

describe("import results", () => {
  it("list refused rows in file order", () => {
    expect(
      refusedRows({
        errors: [
          { row: 4, message: "b" },
          { row: 2, message: "a" },
        ],
      }).map((e) => e.row),
    ).toEqual([2, 4]);
  });
});

describe("contact filters in the address", () => {
  it("keep what the API accepts and drop the rest", () => {
    const filters = contactFiltersFromParams({
      search: " +49 151 ",
      label: " VIP ",
      channel: "fax",
    });
    expect(filters).toEqual({ search: "+49 151", label: "vip" });
    expect(contactFiltersToQuery(filters)).toBe("?search=%2B49+151&label=vip");
    expect(contactFiltersFromParams({ label: "no!" })).toEqual({});
  });
});

describe("joinTimelinePages", () => {
  it("adds each Load more page after the first, a conversation seen again shown once", () => {
    const entry = (conversationId: string) => ({ conversationId });
    expect(
      joinTimelinePages([entry("c3"), entry("c2")], [entry("c2"), entry("c1")]).map(
        (e) => e.conversationId,
      ),
    ).toEqual(["c3", "c2", "c1"]);
    expect(joinTimelinePages([entry("c1")], [])).toEqual([entry("c1")]);
  });
});

describe("contactReach", () => {
  it("leaves out the phone or e-mail already shown as the name", () => {
    const contact = { phones: ["+4915123456789"], emails: ["maria@example.com"] };
    expect(contactReach(contact, "+4915123456789")).toEqual(["maria@example.com"]);
    expect(isPhoneName(contact, "+4915123456789")).toBe(true);
    expect(contactReach(contact, "Maria")).toEqual(["+4915123456789", "maria@example.com"]);
    expect(isPhoneName(contact, "Maria")).toBe(false);
  });
});
