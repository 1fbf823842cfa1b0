"use client";

import { useAgents } from "~/features/console/use-lookups";
import { useT } from "~/i18n/i18n-provider";
import { CustomerAvatar } from "~/ui/customer-avatar";
import admin from "~/ui/admin-page.module.css";
import { identityPicture } from "./identity-profile";
import type { ContactIdentity } from "./types";
import styles from "./contacts.module.css";

/** Each channel account of the person, with what the platform showed (picture, username, number). */
export function ContactIdentities({ identities }: { identities: readonly ContactIdentity[] }) {
  const t = useT("contacts").identities;
  const common = useT("common");
  const agents = useAgents().byId;
  return (
    <section className={admin.panel} aria-labelledby="contact-identities-title">
      <h2 id="contact-identities-title">{t.title}</h2>
      {identities.length === 0 ? (
        <p className="muted">{t.none}</p>
      ) : (
        <ul className={styles.list} data-testid="contact-identities">
          {identities.map((identity) => {
            const shown =
              identity.displayName ?? identity.username ?? common.channels[identity.channel];
            return (
              <li
                key={`${identity.channel}|${identity.agentId}|${identity.externalUserId}`}
                className={`${styles.item} ${styles.who}`}
                data-testid="contact-identity"
                data-channel={identity.channel}
              >
                <CustomerAvatar url={identityPicture(identity)} name={shown} size="small" />
                <div>
                  <strong>{common.channels[identity.channel]}</strong>
                  {identity.displayName && <div>{identity.displayName}</div>}
                  {identity.username && (
                    <div className={styles.meta} data-testid="identity-username">
                      {t.username}: @{identity.username.replace(/^@/, "")}
                    </div>
                  )}
                  {identity.channel === "whatsapp" &&
                    (/^\+?\d+$/.test(identity.externalUserId) ? (
                      <div className={styles.meta}>
                        {t.number}: +{identity.externalUserId.replace(/^\+/, "")}
                      </div>
                    ) : (
                      // A username user Meta knows by BSUID only: no number to show.
                      <div className={styles.meta}>
                        {t.userId}: {identity.externalUserId}
                      </div>
                    ))}
                  <div className={styles.meta}>
                    {t.agent}: {agents.get(identity.agentId)?.card.displayName ?? identity.agentId}
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
