"use client";

import type { CustomerProfile } from "./customer-profile";
import { formatDateTime } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/i18n-provider";
import { CustomerAvatar } from "~/ui/customer-avatar";
import { Fact } from "./fact";
import { RefreshProfileButton } from "./refresh-profile-button";
import styles from "./conversation.module.css";

/** Who the customer is: name and picture (Instagram), the channel's ids, the contacts given so far. */
export function CustomerProfileCard({
  profile,
  fallbackName,
  conversationId,
  contactId,
}: {
  profile: CustomerProfile;
  fallbackName: string;
  conversationId: string;
  contactId: string | undefined;
}) {
  const t = useT("conversations").profile;
  const common = useT("common");
  const { locale } = useLocale();
  const name = profile.name ?? (profile.channel === "instagram" ? t.instagramUser : fallbackName);
  const hasContacts =
    profile.phones.length > 0 || profile.emails.length > 0 || profile.sharedContacts.length > 0;
  return (
    <section className={styles.card} aria-labelledby="profile-title" data-testid="customer-profile">
      <h2 id="profile-title">{t.title}</h2>
      <div className={styles.profile}>
        <CustomerAvatar
          url={profile.pictureUrl}
          name={profile.name ?? profile.username ?? name}
          size="large"
        />
        <div>
          <strong data-testid="profile-name">{name}</strong>
          {profile.username && (
            <div className="muted" data-testid="profile-username">
              @{profile.username.replace(/^@/, "")}
            </div>
          )}
        </div>
      </div>
      <dl className={styles.facts}>
        <Fact label={t.channel} value={common.channels[profile.channel]} testId="info-channel" />
        <Fact label={t.customerId} value={profile.externalUserId} testId="info-external-user" />
        <Fact label={t.threadId} value={profile.externalConversationId} />
        <Fact
          label={t.phones}
          value={profile.phones.length > 0 ? profile.phones.join(", ") : null}
          testId="profile-phones"
        />
        <Fact
          label={t.emails}
          value={profile.emails.length > 0 ? profile.emails.join(", ") : null}
          testId="profile-emails"
        />
        {profile.sharedContacts.map((contact, index) => (
          <Fact
            key={`${contact.name ?? ""}|${contact.phone ?? ""}|${index}`}
            label={t.sharedContact}
            value={[contact.name, contact.phone].filter(Boolean).join(" · ")}
          />
        ))}
      </dl>
      {hasContacts && <p className={styles.note}>{t.contactsNote}</p>}
      {profile.profileReadAt && (
        <p className={styles.note}>
          {t.profileUpdated(formatDateTime(locale, profile.profileReadAt))}
        </p>
      )}
      <RefreshProfileButton
        conversationId={conversationId}
        contactId={contactId}
        channel={profile.channel}
      />
    </section>
  );
}
