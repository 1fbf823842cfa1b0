"use client";

import { useSession } from "~/features/console/session-context";
import { useT } from "~/i18n/i18n-provider";
import admin from "~/ui/admin-page.module.css";
import { ChangePasswordForm } from "./change-password-form";
import styles from "./profile.module.css";

/** `/admin/profile` (every role): who you are signed in as, and your password. */
export function ProfilePage() {
  const t = useT("profile");
  const common = useT("common");
  const { user } = useSession();
  return (
    <section className={admin.page} aria-labelledby="profile-title">
      <div className={admin.header}>
        <h1 id="profile-title">{t.title}</h1>
      </div>
      <p className="muted">{t.intro}</p>
      <dl className={`${admin.panel} ${styles.account}`} data-testid="profile-account">
        <dt>{t.account.name}</dt>
        <dd>{user.name}</dd>
        <dt>{t.account.email}</dt>
        <dd>{user.email}</dd>
        <dt>{t.account.role}</dt>
        <dd>{common.roles[user.role]}</dd>
      </dl>
      <ChangePasswordForm />
    </section>
  );
}
