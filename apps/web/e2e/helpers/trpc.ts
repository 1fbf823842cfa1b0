import type { AppRouter } from "@agents-crm/api";
import { createTRPCClient, httpLink } from "@trpc/client";
import superjson from "superjson";

export type TrpcClient = ReturnType<typeof createTRPCClient<AppRouter>>;

/** The administrator's side, as a machine caller of the real API with the product's ADMIN_TOKEN. */
export function staffClient(apiUrl: string, adminToken: string): TrpcClient {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${apiUrl}/trpc`,
        transformer: superjson,
        headers: { authorization: `Bearer ${adminToken}` },
      }),
    ],
  });
}
