"use client";

import Link from "next/link";
import { formatAgo } from "~/features/inbox/waiting-since";
import { useT } from "~/i18n/i18n-provider";
import { Badge } from "~/ui/badge";
import { CustomerAvatar } from "~/ui/customer-avatar";
import { contactChannels, contactDisplayName, contactReach, isPhoneName } from "./contact-name";
import { contactHref } from "./contact-href";
import { identityPicture } from "./identity-profile";
import { LabelChips } from "./label-chips";
import type { ContactSummary } from "./types";
import styles from "./contacts.module.css";

/** One person in the Contacts list: who, how to reach them, where they wrote, labels, last seen. */
export function ContactRow({ contact, now }: { contact: ContactSummary; now: number }) {
  const t = useT("contacts");
  const common = useT("common");
  const durations = useT("conversations").duration;
  const name = contactDisplayName(contact, t.fallback);
  const reach = contactReach(contact, name).join(" · ");
  const phoneOrEmailName = [...contact.phones, ...contact.emails].includes(name);
  const picture = contact.identities.map(identityPicture).find(Boolean) ?? null;
  return (
    <li
      className={styles.row}
      data-testid="contact-row"
      data-contact-id={contact.contactId}
      data-shortcut-row
    >
      <div className={styles.who}>
        <CustomerAvatar url={picture} name={name} size="small" />
        <div>
          <Link
            href={contactHref(contact.contactId)}
            className={
              isPhoneName(contact, name) ? `${styles.name} ${styles.phoneName}` : styles.name
            }
            data-testid="contact-name"
          >
            {name}
          </Link>
          <LabelChips labels={contact.labels} />
        </div>
      </div>
      {/* Nothing more to say when the name shown is the only phone or e-mail. */}
      {reach ? (
        <p className={styles.details} data-testid="contact-reach">
          {reach}
        </p>
      ) : (
        !phoneOrEmailName && (
          <p className={styles.details} data-testid="contact-reach">
            <span className="muted">{t.list.noDetails}</span>
          </p>
        )
      )}
      <div className={styles.channels}>
        {contactChannels(contact).map((channel) => (
          <Badge key={channel} data-testid="contact-channel" data-channel={channel}>
            {common.channels[channel]}
          </Badge>
        ))}
      </div>
      <span className={styles.time}>
        {contact.lastSeenAt && (
          <time dateTime={contact.lastSeenAt}>
            {t.list.lastSeen(formatAgo(contact.lastSeenAt, now, durations))}
          </time>
        )}
      </span>
    </li>
  );
}
