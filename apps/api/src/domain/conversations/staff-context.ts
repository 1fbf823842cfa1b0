import type { Staff } from "../../auth/principal";
import type { Context } from "../../context";

/** What a staff action needs: dependencies, the request id and the authenticated caller (for the audit). */
export type StaffContext = Pick<Context, "deps" | "requestId"> & { principal: Staff };
