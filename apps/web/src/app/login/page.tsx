import type { Metadata } from "next";
import { LanguageSwitcher } from "~/i18n/language-switcher";
import { safeNextPath } from "~/features/console/safe-next";
import { serverMessages } from "~/i18n/server";
import { LoginForm } from "~/features/login/login-form";
import styles from "~/features/login/login.module.css";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await serverMessages("login");
  return { title: t.pageTitle, robots: { index: false } };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ next }, { t }] = await Promise.all([searchParams, serverMessages("login")]);
  return (
    <main className={styles.page}>
      <section className={styles.card} aria-labelledby="login-title">
        <div className={styles.top}>
          <h1 id="login-title">{t.heading}</h1>
          <LanguageSwitcher />
        </div>
        <LoginForm next={safeNextPath(next)} />
      </section>
    </main>
  );
}
