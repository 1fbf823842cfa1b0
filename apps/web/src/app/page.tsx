import type { Metadata } from "next";
import { LanguageSwitcher } from "~/i18n/language-switcher";
import { serverMessages } from "~/i18n/server";
import { AgentCards } from "./agent-cards";
import { LiveIndicator } from "./live-indicator";
import { ModelLabel } from "./model-label";
import styles from "./home.module.css";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await serverMessages("chat");
  return { title: `${t.home.title} · Agents CRM` };
}

export default async function HomePage() {
  const { t } = await serverMessages("chat");
  return (
    <main>
      <header className={styles.header}>
        <h1>{t.home.title}</h1>
        <div className={styles.tools}>
          <LiveIndicator />
          <LanguageSwitcher />
        </div>
      </header>
      <p className="muted">{t.home.intro}</p>
      <AgentCards />
      <ModelLabel />
    </main>
  );
}
