/** The API's audit vocabulary (shared through @agents-crm/config): the filters offer exactly these. */
export {
  AUDIT_ACTIONS,
  AUDIT_RESOURCE_TYPES,
  type AuditAction,
  type AuditResourceType,
} from "@agents-crm/config/audit-actions";

import type { AuditAction, AuditResourceType } from "@agents-crm/config/audit-actions";
import type { audit } from "./messages";

type Names = (typeof audit)["en"];
// An action the API starts recording fails this typecheck until the console has a name for it.
type Missing<K extends string, T> = Exclude<K, keyof T>;
export const ACTION_NAMES_COMPLETE: Missing<AuditAction, Names["actionNames"]> extends never
  ? true
  : Missing<AuditAction, Names["actionNames"]> = true;
export const TYPE_NAMES_COMPLETE: Missing<AuditResourceType, Names["types"]> extends never
  ? true
  : Missing<AuditResourceType, Names["types"]> = true;
