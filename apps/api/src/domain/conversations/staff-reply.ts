import { NotFoundError } from "@agents-crm/db";
import { enqueueDelivery } from "../../channels/delivery/delivery-job";
import { assertStaffReplyWindow } from "../../channels/delivery/reply-window";
import { recordAudit } from "../audit";
import { assigneeOf } from "./assign";
import { checkOutboundFiles } from "./outbound-files";
import { emitMessageCreated } from "./emit";
import type { StaffContext } from "./staff-context";
import {
  announceTakeOverByReply,
  assertTransitionAllowed,
  takeOverByReply,
} from "./status-machine";
import { conversationView } from "./views";

/**
 * A staff message to the customer. Replying is taking over (see takeOverByReply). Web chat gets it live;
 * other channels store it as `pending` and queue it for the channel workers, after refusing up front what
 * the status or the platform's messaging window would reject. `fileIds` (this staff member's uploads for
 * this conversation) go with it, the text as their caption; files the platform would refuse (size, type)
 * are refused here, before anything is stored.
 */
export async function staffReply(
  ctx: StaffContext,
  input: { conversationId: string; content: string; fileIds?: string[] },
) {
  const { deps, principal } = ctx;
  const { repos } = deps;
  const id = input.conversationId;
  const existing = await repos.conversations.get(id);
  if (!existing) throw new NotFoundError("conversation", id);
  assertTransitionAllowed("takeOverByReply", existing.status);
  await assertStaffReplyWindow(deps, existing);
  const fileIds = input.fileIds ?? [];
  const files = await checkOutboundFiles(deps, existing, fileIds, { uploaderId: principal.id });

  const takeover = await takeOverByReply(deps, existing, assigneeOf(principal));
  const current = takeover.after;
  const message = await repos.messages.append({
    conversationId: id,
    agentId: current.agentId,
    role: "admin",
    content: input.content,
    channel: current.channel,
    authorId: principal.id,
    ...(current.channel === "web_chat" ? {} : { deliveryStatus: "pending" as const }),
    ...(fileIds.length > 0 ? { fileIds } : {}),
    metadata: { authorName: principal.name },
  });
  const touched =
    (await repos.conversations.touchActivity(id, {
      preview: replyPreview(input.content, files),
    })) ?? current;
  await recordAudit(ctx, {
    action: "send_message",
    resourceType: "conversation",
    resourceId: id,
    newValue: {
      messageId: message.messageId,
      status: touched.status,
      ...(fileIds.length > 0 ? { fileIds } : {}),
      ...(takeover.changed ? { assigneeId: touched.assigneeId ?? null } : {}),
    },
    ...(takeover.changed
      ? {
          oldValue: {
            status: takeover.before.status,
            needsHumanSince: takeover.before.needsHumanSince ?? null,
            assigneeId: takeover.before.assigneeId ?? null,
          },
        }
      : {}),
  });
  if (takeover.changed) await announceTakeOverByReply(deps.hub, touched, principal.id);
  await emitMessageCreated(deps.hub, touched, message);
  await enqueueDelivery(deps, message);
  return { message, conversation: conversationView(touched) };
}

/** The inbox preview: the text, else the files' names. */
const replyPreview = (content: string, files: { name?: string; kind: string }[]) =>
  content !== "" ? content : files.map((f) => `📎 ${f.name ?? f.kind}`).join(", ");
