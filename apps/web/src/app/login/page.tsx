import type { Metadata } from "next";
import { safeNextPath } from "../../lib/admin/safe-next";
import { LoginForm } from "./login-form";
import styles from "./login.module.css";

export const metadata: Metadata = { title: "Sign in · Agents CRM", robots: { index: false } };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { next } = await searchParams;
  return (
    <main className={styles.page}>
      <section className={styles.card} aria-labelledby="login-title">
        <h1 id="login-title">Sign in to the console</h1>
        <LoginForm next={safeNextPath(next)} />
      </section>
    </main>
  );
}
