import { describe, expect, it } from "vitest";
import type { InboundEvent } from "../src/channels/inbound-event";
import { mediaSources } from "../src/channels/worker/media/media-sources";

const event = (fields: Partial<InboundEvent>): InboundEvent => ({
  platform: "telegram",
  bindingId: "b1",
  agentId: "a1",
  accountId: "1",
  externalUserId: "u1",
  externalMessageId: "e1",
  timestamp: new Date(0).toISOString(),
  kind: "text",
  attachments: [],
  ...fields,
});

describe("which files of an inbound event are the customer's to download", () => {
  it("Telegram photos, voice notes, documents and stickers by file_id, with the kind they are kept as", () => {
    const cases: [InboundEvent["kind"], string, string][] = [
      ["photo", "photo", "image"],
      ["voice", "voice", "voice"],
      ["file", "document", "document"],
      ["sticker", "sticker", "sticker"],
      ["video", "video_note", "video"],
    ];
    for (const [kind, type, expected] of cases) {
      expect(mediaSources(event({ kind, attachments: [{ type, fileId: "AgAC" }] }))).toEqual([
        { kind: expected, platformFileId: "AgAC" },
      ]);
    }
  });

  it("Instagram CDN links; shares, reels and story replies are somebody's post, not a file to keep", () => {
    const ig = (type: string) =>
      mediaSources(
        event({
          platform: "instagram",
          kind: "photo",
          attachments: [{ type, url: "https://lookaside.fbsbx.com/x" }],
        }),
      );
    expect(ig("image")).toEqual([{ kind: "image", url: "https://lookaside.fbsbx.com/x" }]);
    expect(ig("share")).toEqual([]);
    expect(ig("ig_reel")).toEqual([]);
    expect(ig("story_reply")).toEqual([]);
  });

  it("WhatsApp media ids keep the declared type and file name; text, locations and reactions have none", () => {
    expect(
      mediaSources(
        event({
          platform: "whatsapp",
          kind: "file",
          attachments: [
            { type: "document", fileId: "123", mimeType: "application/pdf", fileName: "a.pdf" },
          ],
        }),
      ),
    ).toEqual([
      { kind: "document", platformFileId: "123", mimeType: "application/pdf", name: "a.pdf" },
    ]);
    expect(mediaSources(event({ kind: "location" }))).toEqual([]);
    expect(
      mediaSources(event({ kind: "unsupported", attachments: [{ type: "callback_query" }] })),
    ).toEqual([]);
  });
});
