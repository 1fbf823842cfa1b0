import type { ContactIdentity } from "./types";

const PICTURE_KEYS = ["pictureUrl", "profilePic", "profile_pic", "photoUrl"] as const;

/** The picture a platform showed for the identity (Instagram's `profile_pic`), if it is a web link. */
export function identityPicture(identity: Pick<ContactIdentity, "profile">): string | null {
  for (const key of PICTURE_KEYS) {
    const value = identity.profile?.[key];
    if (typeof value === "string" && /^https:\/\//.test(value)) return value;
  }
  return null;
}
