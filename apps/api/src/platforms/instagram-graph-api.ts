import { z } from "zod";
import { graphCall, graphConnection, type GraphApiOptions } from "./graph-api-call";

// Instagram API with Instagram Login, messaging:
// https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/messaging-api
// Send: `POST /{ig-account-id}/messages` → `{ recipient_id, message_id }`.
// Profile: `GET /{IGSID}?fields=name,username,profile_pic` (needs the user's consent: they messaged us).

/** Outside 24 h of the customer's last message: 2018278 under code 10 ("outside of allowed window"). */
export const INSTAGRAM_WINDOW_SUBCODE = 2018278;

/**
 * A media message: Instagram fetches `payload.url` itself (so it must be public: a signed, expiring link to
 * our file), image png/jpeg/gif ≤ 8 MB, video/audio/file ≤ 25 MB
 * (https://developers.facebook.com/docs/messenger-platform/instagram/features/upload-attachment).
 */
export interface InstagramAttachment {
  type: "image" | "video" | "audio" | "file";
  payload: { url: string };
}

export interface InstagramSendInput {
  recipient: { id: string };
  message: { text: string } | { attachment: InstagramAttachment };
  /** MESSAGE_TAG + HUMAN_AGENT: a person answering up to 7 days after the customer's last message. */
  messaging_type?: "RESPONSE" | "MESSAGE_TAG";
  tag?: "HUMAN_AGENT";
}

const sendResultSchema = z.looseObject({ recipient_id: z.string(), message_id: z.string() });

const profileSchema = z.looseObject({
  id: z.string().optional(),
  name: z.string().optional(),
  username: z.string().optional(),
  profile_pic: z.string().optional(),
});
export type InstagramProfileResult = z.infer<typeof profileSchema>;

const accountSchema = z.looseObject({ id: z.string(), username: z.string().optional() });

// https://developers.facebook.com/documentation/instagram-platform/reference/refresh_access_token
// `GET https://graph.instagram.com/refresh_access_token?grant_type=ig_refresh_token&access_token=…`
// (unversioned) → `{ access_token, token_type: "bearer", expires_in }`; the token must be at least 24 h
// old and unexpired, and the refreshed one works for 60 days from the refresh.
const refreshedTokenSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().int().positive(),
});
export type RefreshedInstagramToken = z.infer<typeof refreshedTokenSchema>;

/** The host part of a versioned base URL: `…/v26.0` → `…` (the refresh endpoint has no version). */
export const unversionedBaseUrl = (baseUrl: string) =>
  baseUrl.replace(/\/+$/, "").replace(/\/v\d+\.\d+$/, "");

export type InstagramGraphApiOptions = GraphApiOptions;

export function createInstagramGraphApi(options: InstagramGraphApiOptions) {
  const common = graphConnection(options);
  return {
    sendMessage: (token: string, accountId: string, input: InstagramSendInput) =>
      graphCall({
        ...common,
        operation: "Instagram send",
        token,
        method: "POST",
        path: `${encodeURIComponent(accountId)}/messages`,
        body: input,
        schema: sendResultSchema,
      }),
    /** The professional account the token belongs to: proves the token works for that account. */
    getAccount: (token: string, accountId: string) =>
      graphCall({
        ...common,
        operation: "Instagram account",
        token,
        method: "GET",
        path: encodeURIComponent(accountId),
        query: { fields: "id,username" },
        schema: accountSchema,
      }),
    /** A long-lived token for another 60 days (the endpoint takes the token as a query parameter). */
    refreshToken: (token: string) =>
      graphCall({
        ...common,
        baseUrl: unversionedBaseUrl(common.baseUrl),
        operation: "Instagram token refresh",
        token,
        method: "GET",
        path: "refresh_access_token",
        query: { grant_type: "ig_refresh_token", access_token: token },
        schema: refreshedTokenSchema,
      }),
    getProfile: (token: string, igsid: string) =>
      graphCall({
        ...common,
        operation: "Instagram profile",
        token,
        method: "GET",
        path: encodeURIComponent(igsid),
        query: { fields: "name,username,profile_pic" },
        schema: profileSchema,
      }),
  };
}

export type InstagramGraphApi = ReturnType<typeof createInstagramGraphApi>;
