import { describe, expect, it } from "vitest";
import { mergeMessages } from "./merge-messages";
import { withTranscriptMessage, type TranscriptPage } from "./transcript-pages";
import { message } from "~/testing/conversation-fixtures";

const cached = (...pages: TranscriptPage[]) => ({
  pages,
  pageParams: pages.map((_, index) => (index === 0 ? null : `cursor-${index}`)),
});
const shown = (data: { pages: TranscriptPage[] }) =>
  mergeMessages(...data.pages.map((page) => page.items)).map((m) => m.messageId);

describe("a live message in the cached transcript", () => {
  it("joins the newest page once, however often it is announced", () => {
    const data = cached(
      { items: [message({ messageId: "01C" }), message({ messageId: "01B" })], nextCursor: "c" },
      { items: [message({ messageId: "01A" })], nextCursor: null },
    );
    const once = withTranscriptMessage(data, message({ messageId: "01D" }));
    const twice = withTranscriptMessage(once, message({ messageId: "01D" }));
    expect(shown(twice)).toEqual(["01A", "01B", "01C", "01D"]);
    expect(twice.pages[0]?.items).toHaveLength(3);
    expect(twice.pageParams).toEqual(data.pageParams);
  });

  it("replaces an earlier copy where it is (a delivery status update)", () => {
    const pending = message({ messageId: "01A", role: "admin", deliveryStatus: "pending" });
    const delivered = { ...pending, deliveryStatus: "delivered" as const };
    const data = cached(
      { items: [message({ messageId: "01B" })], nextCursor: "c" },
      { items: [pending], nextCursor: null },
    );
    const next = withTranscriptMessage(data, delivered);
    expect(next.pages[1]?.items).toEqual([delivered]);
    expect(next.pages[0]).toBe(data.pages[0]);
  });

  it("keeps what the live stream brought over a send's own, older answer", () => {
    const pending = message({ messageId: "01A", role: "admin", deliveryStatus: "pending" });
    const failed = { ...pending, deliveryStatus: "failed" as const };
    // The delivery failed, and the stream said so, before the send's answer (still pending) arrived.
    const data = cached({ items: [failed], nextCursor: null });
    expect(withTranscriptMessage(data, pending, { ifNew: true })).toBe(data);
    // A send's answer that nothing announced yet is shown at once.
    const empty = cached({ items: [], nextCursor: null });
    expect(withTranscriptMessage(empty, pending, { ifNew: true }).pages[0]?.items).toEqual([
      pending,
    ]);
  });
});
