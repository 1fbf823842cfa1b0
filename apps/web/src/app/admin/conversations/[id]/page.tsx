import { ConversationDetail } from "~/features/conversation/conversation-detail";

export default async function ConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // Keyed: another conversation starts with a fresh transcript, not the previous one's live messages.
  return <ConversationDetail key={id} conversationId={id} />;
}
