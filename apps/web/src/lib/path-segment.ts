import { wellFormed } from "@agents-crm/config/well-formed-text";

/**
 * An id as one URL path segment. `encodeURIComponent` throws on a lone surrogate, and stored text from
 * before the API repaired its input may hold one (a stranger's e-mail in a failed sign-in, say).
 */
export const pathSegment = (id: string) => encodeURIComponent(wellFormed(id));
