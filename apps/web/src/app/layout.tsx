import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { publicEnv } from "~/env";
import { requestLocale } from "~/i18n/server";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: "Agents CRM",
  description: "AI agents that answer your customers, with a human one click away.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// The API location is read per request, so one build serves any deployment.
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await requestLocale();
  return (
    <html lang={locale}>
      <body>
        <Providers env={publicEnv()} locale={locale}>
          {children}
        </Providers>
      </body>
    </html>
  );
}
