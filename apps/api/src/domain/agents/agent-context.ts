import type { Staff } from "../../auth/principal";
import type { Context } from "../../context";

/** What an agent handler needs from a procedure's context: dependencies, request id and the caller. */
export type StaffContext = Pick<Context, "deps" | "requestId"> & { principal: Staff };
