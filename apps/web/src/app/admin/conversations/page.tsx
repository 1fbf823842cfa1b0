import { ConversationsInbox } from "~/features/inbox/conversations-inbox";
import { filtersFromParams } from "~/features/inbox/conversation-filters";

export default async function ConversationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <ConversationsInbox initialFilters={filtersFromParams(await searchParams)} />;
}
