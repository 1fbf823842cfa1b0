"use client";

import Link from "next/link";
import { useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import { contactHref } from "./contact-href";
import { contactDisplayName } from "./contact-name";
import styles from "./contacts.module.css";

/** The contact a conversation belongs to, read once for its page (name for the title, a link to it). */
export function useConversationContact(contactId: string | undefined) {
  const t = useT("contacts");
  const query = trpc.contacts.byId.useQuery(
    { contactId: contactId ?? "" },
    { enabled: Boolean(contactId), retry: false, staleTime: 30_000 },
  );
  const contact = query.data?.contact;
  if (!contactId || !contact) return null;
  return {
    contactId,
    name: contact.name,
    displayName: contactDisplayName(contact, t.fallback),
    href: contactHref(contactId),
  };
}

/** "Open contact" beside a conversation's title or in its row. */
export function ContactLink({ contactId, name }: { contactId: string; name: string }) {
  const t = useT("contacts").conversation;
  return (
    <Link
      href={contactHref(contactId)}
      className={styles.contactLink}
      aria-label={`${t.openContact}: ${name}`}
      data-testid="open-contact"
    >
      {t.openContact}
    </Link>
  );
}
