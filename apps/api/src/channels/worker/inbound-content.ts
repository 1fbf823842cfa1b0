import type { MessageKind } from "@agents-crm/config/messages";
import type { InboundEvent } from "../inbound-event";

export type UnreadableKind = Exclude<MessageKind, "text" | "reaction" | "edit" | "unsend">;

const LABELS: Record<UnreadableKind, string> = {
  photo: "photo",
  video: "video",
  audio: "audio",
  voice: "voice message",
  sticker: "sticker",
  file: "file",
  location: "location",
  contact: "contact",
  unsupported: "unsupported message",
};

/** "photo", "voice message", … for the unreadable kinds. */
export const unreadableLabel = (kind: UnreadableKind) => LABELS[kind];

const withText = (label: string, text: string | undefined) =>
  text && text.trim() !== "" ? `${label} ${text.trim()}` : label;

/** Kinds the agent cannot read: stored as what they are, and handed to a human if the agent says so. */
export const isUnreadable = (kind: MessageKind): kind is UnreadableKind =>
  kind !== "text" && kind !== "reaction" && kind !== "edit" && kind !== "unsend";

/** Kinds stored for the console without driving the agent. */
export const isAnnotation = (kind: MessageKind) =>
  kind === "reaction" || kind === "edit" || kind === "unsend";

/** How an event reads in the console and in the agent's history: "[photo] caption", "[voice message]". */
export function inboundContent(event: InboundEvent): string {
  switch (event.kind) {
    case "text":
      return event.text ?? "";
    case "reaction":
      return event.text ? `[reaction ${event.text}]` : "[reaction removed]";
    case "edit":
      return withText("[edited]", event.text);
    case "unsend":
      return "[message deleted]";
    case "location": {
      const place = event.location;
      const where = place
        ? [`${place.latitude}, ${place.longitude}`, place.name, place.address]
            .filter(Boolean)
            .join(" — ")
        : "";
      return where ? `[location: ${where}]` : "[location]";
    }
    case "contact": {
      const card = [event.contact?.name, event.contact?.phone].filter(Boolean).join(", ");
      return card ? `[contact: ${card}]` : "[contact]";
    }
    case "file": {
      const name = event.attachments.find((a) => a.fileName)?.fileName;
      return withText(name ? `[file: ${name}]` : "[file]", event.text);
    }
    case "sticker":
      return withText("[sticker]", event.text);
    case "photo":
    case "video":
    case "audio":
    case "voice":
    case "unsupported":
      return withText(`[${LABELS[event.kind]}]`, event.text);
  }
}
