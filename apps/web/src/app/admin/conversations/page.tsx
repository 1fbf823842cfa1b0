import { ConversationsInbox } from "../../../components/admin/conversations/conversations-inbox";
import { filtersFromParams } from "../../../lib/admin/conversation-filters";

export default async function ConversationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <ConversationsInbox initialFilters={filtersFromParams(await searchParams)} />;
}
