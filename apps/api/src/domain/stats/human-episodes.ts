import type { HumanEvent } from "./human-events";

/** What stats need of a conversation staff touched (read once per conversation). */
export interface HumanConversation {
  createdAt: number;
  /** The conversation's current escalation mark: the escalation a take-over answered, for older entries. */
  needsHumanSince: number | null;
}

/** A duration that ended at `at`, by `actorId`: counted in the period it ended in. */
export interface Measured {
  at: number;
  actorId: string;
  conversationId: string;
  ms: number;
}

/** A staff member's part in a conversation at `at`. */
export interface Touch {
  at: number;
  actorId: string;
  conversationId: string;
}

export interface HumanMeasures {
  /** Every take-over (by button or by reply). */
  takeovers: Touch[];
  /** Take-overs of an escalated conversation: escalation → take-over. */
  escalationToTakeover: Measured[];
  /** Escalation (or a take-over from the AI) → the first staff message to the customer after it. */
  firstResponse: Measured[];
  /** Escalation (else the take-over, else the conversation's start) → resolved or closed. */
  resolutions: Measured[];
  /** Who handled what: took over, replied, was assigned, resolved. */
  handled: Touch[];
  realerts: Touch[];
}

interface Episode {
  /** When the customer started waiting for a human; null when a staff reply itself took it over. */
  waitingSince: number | null;
  responded: boolean;
  /** Where time to resolve counts from. */
  since: number;
}

/**
 * Walks each conversation's staff events in time order as episodes: an escalation or take-over opens
 * one, a return to the AI or a resolve ends it. Notes are not staff messages to the customer (they
 * are never `send_message`), so they never count as a response. An episode that began before the
 * events read (a reply with no take-over seen) measures no first response.
 */
export function humanMeasures(
  events: readonly HumanEvent[],
  conversations: ReadonlyMap<string, HumanConversation>,
): HumanMeasures {
  const out: HumanMeasures = {
    takeovers: [],
    escalationToTakeover: [],
    firstResponse: [],
    resolutions: [],
    handled: [],
    realerts: [],
  };
  const episodes = new Map<string, Episode>();
  for (const e of events) {
    const id = e.conversationId;
    const touch: Touch = { at: e.at, actorId: e.actorId, conversationId: id };
    const conversation = conversations.get(id);
    switch (e.type) {
      case "takeover": {
        out.takeovers.push(touch);
        out.handled.push(touch);
        const escalatedAt = e.fromStatus === "NEEDS_HUMAN" ? escalationOf(e, conversation) : null;
        if (escalatedAt !== null)
          out.escalationToTakeover.push({ ...touch, ms: e.at - escalatedAt });
        // A reply that takes over from the AI answers nobody who was waiting.
        const waitingSince =
          escalatedAt ?? (e.fromStatus === "AI_ACTIVE" && isButton(e) ? e.at : null);
        episodes.set(id, { waitingSince, responded: false, since: escalatedAt ?? e.at });
        break;
      }
      case "reply": {
        out.handled.push(touch);
        const episode = episodes.get(id);
        if (episode && !episode.responded && episode.waitingSince !== null) {
          out.firstResponse.push({ ...touch, ms: e.at - episode.waitingSince });
        }
        if (episode) episode.responded = true;
        break;
      }
      case "resolve": {
        out.handled.push(touch);
        const since =
          episodes.get(id)?.since ?? conversation?.needsHumanSince ?? conversation?.createdAt;
        if (since !== undefined && since <= e.at)
          out.resolutions.push({ ...touch, ms: e.at - since });
        episodes.delete(id);
        break;
      }
      case "release":
        episodes.delete(id);
        break;
      case "assign":
        if (e.assigneeId) out.handled.push({ ...touch, actorId: e.assigneeId });
        break;
      case "realert":
        out.realerts.push(touch);
        break;
    }
  }
  return out;
}

/** A take-over made by the button (handoff) rather than by a reply: it carries no reply of its own. */
const isButton = (e: HumanEvent) => !e.byReply;

/** When the escalation a take-over answered began: as recorded with it, else the conversation's mark. */
function escalationOf(e: HumanEvent, conversation: HumanConversation | undefined): number | null {
  if (e.escalatedAt !== null && e.escalatedAt <= e.at) return e.escalatedAt;
  const mark = conversation?.needsHumanSince ?? null;
  return mark !== null && mark <= e.at ? mark : null;
}
