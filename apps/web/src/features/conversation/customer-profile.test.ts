import { describe, expect, it } from "vitest";
import { customerProfile } from "./customer-profile";
import { initialsOf } from "~/features/chat/initials";
import { message, row } from "~/testing/conversation-fixtures";

const instagram = {
  name: "Maria Lopez",
  username: "maria.smiles",
  profilePic: "https://cdn.example/maria.jpg",
  updatedAt: "2026-01-01T12:00:00.000Z",
};

describe("customer profile", () => {
  it("shows the cached Instagram profile with the channel's ids", () => {
    const conversation = row({
      channel: "instagram",
      externalUserId: "ig-777",
      externalConversationId: "thread-9",
    });
    expect(customerProfile(conversation, instagram, [])).toEqual({
      name: "Maria Lopez",
      username: "maria.smiles",
      pictureUrl: "https://cdn.example/maria.jpg",
      channel: "instagram",
      externalUserId: "ig-777",
      externalConversationId: "thread-9",
      phones: [],
      emails: [],
      sharedContacts: [],
      profileReadAt: "2026-01-01T12:00:00.000Z",
    });
  });

  it("takes the newest name a platform sent with a message when there is no Instagram profile", () => {
    const conversation = row({ channel: "telegram", externalUserId: "4242" });
    const profile = customerProfile(conversation, null, [
      message({ messageId: "m1", metadata: { sender: { name: "Ivan", username: "ivan_old" } } }),
      message({ messageId: "m2", metadata: { sender: { name: "Ivan P.", username: "ivan_p" } } }),
      message({ messageId: "m3", metadata: { sender: "garbage" } }),
    ]);
    expect(profile).toMatchObject({ name: "Ivan P.", username: "ivan_p", pictureUrl: null });
  });

  it("collects the contacts extracted so far, once each, and shared contact cards", () => {
    const profile = customerProfile(row(), null, [
      message({
        messageId: "a1",
        role: "agent",
        metadata: { contacts: { phoneNumbers: ["+15551234567"], emails: ["a@b.io"] } },
      }),
      message({
        messageId: "a2",
        role: "agent",
        metadata: { contacts: { phoneNumbers: ["+15551234567", "+447700900123"], emails: [] } },
      }),
      message({ messageId: "a3", role: "agent", metadata: { contacts: { phoneNumbers: 5 } } }),
      message({ messageId: "u1", metadata: { contact: { name: "Mom", phone: "+79991234567" } } }),
      message({ messageId: "u2", metadata: { contact: { name: "Mom", phone: "+79991234567" } } }),
      // A customer cannot plant contacts by writing metadata-like text: only agent turns record them.
      message({ messageId: "u3", metadata: { contacts: { phoneNumbers: ["+10000000000"] } } }),
    ]);
    expect(profile.phones).toEqual(["+15551234567", "+447700900123"]);
    expect(profile.emails).toEqual(["a@b.io"]);
    expect(profile.sharedContacts).toEqual([{ name: "Mom", phone: "+79991234567" }]);
  });

  it("shows a profile staff refreshed after the last message, and a newer message's name after that", () => {
    const conversation = row({ channel: "telegram", externalUserId: "4242" });
    const said = message({
      messageId: "m1",
      timestamp: "2026-01-01T12:00:00.000Z",
      metadata: { sender: { name: "Ivan", username: "ivan_old" } },
    });
    const refreshed = {
      name: "Ivan Petrov",
      username: "ivan_p",
      pictureUrl: null,
      refreshedAt: "2026-01-02T09:00:00.000Z",
    };
    expect(customerProfile(conversation, null, [said], refreshed)).toMatchObject({
      name: "Ivan Petrov",
      username: "ivan_p",
      profileReadAt: "2026-01-02T09:00:00.000Z",
    });
    const later = message({
      messageId: "m2",
      timestamp: "2026-01-03T09:00:00.000Z",
      metadata: { sender: { name: "Ivan P.", username: "ivan_new" } },
    });
    expect(customerProfile(conversation, null, [said, later], refreshed).name).toBe("Ivan P.");
  });

  it("falls back to initials for a picture-less avatar", () => {
    expect(initialsOf("Maria Lopez")).toBe("ML");
    expect(initialsOf("maria.smiles")).toBe("M");
  });
});
