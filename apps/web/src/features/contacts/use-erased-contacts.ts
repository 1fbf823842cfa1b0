"use client";

import { useRouter } from "next/navigation";
import { useAdminEvents } from "~/features/console/admin-events";
import { trpc } from "~/lib/trpc";

/**
 * A contact erased from another console: contact lists are read again, and the erased contact's page
 * (`openContactId`) is left for the list — it must not go on showing what was erased.
 */
export function useErasedContacts(openContactId?: string): void {
  const router = useRouter();
  const utils = trpc.useUtils();
  useAdminEvents((event) => {
    if (event.type !== "contact.erased") return;
    void utils.contacts.list.invalidate();
    if (event.payload.contactId === openContactId) router.replace("/admin/contacts");
  });
}
