"use client";

import "~/security/zod-without-eval";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createWSClient, httpBatchLink, splitLink, wsLink } from "@trpc/client";
import { useState, type ReactNode } from "react";
import superjson from "superjson";
import { I18nProvider } from "~/i18n/i18n-provider";
import type { PublicEnv } from "~/env";
import type { Locale } from "~/i18n/locales";
import { apiUrls } from "~/lib/api-urls";
import { FilesUrlContext } from "~/lib/files-url";
import { createRequestLimitState } from "~/features/request-limit/request-limit-state";
import { retryLaterLink } from "~/features/request-limit/retry-later-link";
import { trpc } from "~/lib/trpc";
import { RequestLimitProvider } from "~/features/request-limit/request-limit-context";

export function Providers({
  env,
  locale,
  children,
}: {
  env: PublicEnv;
  locale: Locale;
  children: ReactNode;
}) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 5_000, retry: 1 } } }),
  );
  const [requestLimit] = useState(() => createRequestLimitState());
  const [filesUrl] = useState(() => apiUrls(env, { protocol: "http:", host: "localhost" }).files);
  const [trpcClient] = useState(() => {
    // Server rendering never sends requests through these links; any location will do there.
    const where =
      typeof window === "undefined" ? { protocol: "http:", host: "localhost" } : window.location;
    const urls = apiUrls(env, where);
    return trpc.createClient({
      links: [
        retryLaterLink(requestLimit),
        splitLink({
          condition: (op) => op.type === "subscription",
          true: wsLink({
            client: createWSClient({ url: urls.ws, lazy: { enabled: true, closeMs: 10_000 } }),
            transformer: superjson,
          }),
          false: httpBatchLink({
            url: urls.http,
            transformer: superjson,
            fetch: (input, init) => fetch(input, { ...init, credentials: "include" }),
          }),
        }),
      ],
    });
  });
  return (
    <trpc.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>
        <RequestLimitProvider state={requestLimit}>
          <FilesUrlContext.Provider value={filesUrl}>
            <I18nProvider initialLocale={locale}>{children}</I18nProvider>
          </FilesUrlContext.Provider>
        </RequestLimitProvider>
      </QueryClientProvider>
    </trpc.Provider>
  );
}
