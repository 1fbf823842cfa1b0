import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AdminConsole } from "~/features/console/admin-console";
import { serverMessages } from "~/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await serverMessages("common");
  return { title: `${t.nav.label} · Agents CRM`, robots: { index: false } };
}

export default function AdminLayout({ children }: { children: ReactNode }) {
  return <AdminConsole>{children}</AdminConsole>;
}
