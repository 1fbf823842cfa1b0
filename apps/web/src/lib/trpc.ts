import { createTRPCReact } from "@trpc/react-query";
import type { AppRouter } from "@agents-crm/api";

export const trpc = createTRPCReact<AppRouter>();
