import type { BindingErrorReason } from "@agents-crm/config/binding-errors";
import { TWILIO_SANDBOX_SENDER } from "@agents-crm/config/twilio";
import type { ChannelBinding } from "@agents-crm/db";
import {
  twilioCredentialsOf,
  type TwilioCredentials,
} from "../../channels/settings/twilio-credentials";
import { createTwilioAccountsApi } from "../../platforms/twilio-accounts-api";
import { TwilioApiError } from "../../platforms/twilio-messages-api";
import { createTwilioSendersApi } from "../../platforms/twilio-senders-api";
import type { StaffContext } from "../agents/agent-context";
import type { VerifyOutcome } from "./verify-binding";

/** Twilio's refusal in words that say what to fix (no credential is ever echoed). */
function twilioVerifyReason(
  error: TwilioApiError,
  accountSid: string,
): { reason: string; errorReason?: BindingErrorReason } {
  if (error.status === 401) {
    return {
      reason: `Twilio refused the auth token for account ${accountSid}: check the auth token (binding or Channel settings)`,
      errorReason: { kind: "twilio_auth_refused", accountSid },
    };
  }
  if (error.status === 404) {
    return {
      reason: `Twilio has no account ${accountSid}: check the account SID (binding or Channel settings)`,
      errorReason: { kind: "twilio_no_account", accountSid },
    };
  }
  if (error.status === null) return { reason: "Twilio did not answer; try again later" };
  return {
    reason: `Twilio answered HTTP ${error.status}${error.code ? ` (error ${error.code})` : ""}`,
  };
}

/**
 * Whether the binding's sender (`whatsapp:+E164`) is an online WhatsApp sender of the account: the
 * Senders API first; a number missing there is looked up among the account's numbers, so the reason
 * says whether to register it for WhatsApp or to fix the sender. The sandbox's shared number is no
 * account's sender, so it is taken as it is.
 */
async function checkSender(
  ctx: StaffContext,
  sender: string,
  credentials: TwilioCredentials,
): Promise<VerifyOutcome | { id: string; kind: "whatsapp_sender" | "sandbox" }> {
  if (sender === TWILIO_SANDBOX_SENDER) return { id: sender, kind: "sandbox" };
  const api = createTwilioSendersApi({
    messagingBaseUrl: ctx.deps.env.TWILIO_MESSAGING_BASE_URL,
    apiBaseUrl: ctx.deps.env.TWILIO_API_BASE_URL,
  });
  const { accountSid } = credentials;
  const found = await api.findWhatsAppSender(credentials, sender);
  if (found?.status === "ONLINE") return { id: sender, kind: "whatsapp_sender" };
  if (found) {
    return {
      status: "verification_failed",
      reason: `The WhatsApp sender ${sender} of Twilio account ${accountSid} is ${found.status}, not ONLINE: finish its registration in Twilio's console (Messaging → Senders → WhatsApp senders)`,
      twilioSender: { id: sender, problem: "not_online", status: found.status },
      errorReason: { kind: "twilio_sender", sender, problem: "not_online", status: found.status },
    };
  }
  if (await api.ownsNumber(credentials, sender.replace(/^whatsapp:/, ""))) {
    return {
      status: "verification_failed",
      reason: `${sender} is a number of Twilio account ${accountSid} but not a WhatsApp sender: register it in Twilio's console (Messaging → Senders → WhatsApp senders)`,
      twilioSender: { id: sender, problem: "not_whatsapp", status: null },
      errorReason: { kind: "twilio_sender", sender, problem: "not_whatsapp", status: null },
    };
  }
  return {
    status: "verification_failed",
    reason: `${sender} is not a WhatsApp sender of Twilio account ${accountSid}: check the sender, or the account SID and auth token`,
    twilioSender: { id: sender, problem: "not_on_account", status: null },
    errorReason: { kind: "twilio_sender", sender, problem: "not_on_account", status: null },
  };
}

/**
 * Fetches the Twilio account with the binding's credentials (its own, else Channel settings'), then
 * checks that its sender is one of the account's WhatsApp senders.
 */
export async function verifyTwilio(
  ctx: StaffContext,
  binding: ChannelBinding,
): Promise<VerifyOutcome> {
  const credentials = await twilioCredentialsOf(ctx.deps, binding);
  if (!credentials) {
    return {
      status: "verification_failed",
      reason:
        "No Twilio account SID or auth token: give them on the binding or in Channel settings (TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN)",
      errorReason: { kind: "twilio_no_credentials" },
    };
  }
  const api = createTwilioAccountsApi({ baseUrl: ctx.deps.env.TWILIO_API_BASE_URL });
  try {
    const account = await api.getAccount(credentials.accountSid, credentials.authToken);
    if (account.status && account.status !== "active") {
      return {
        status: "verification_failed",
        reason: `The Twilio account ${account.sid} is ${account.status}, not active`,
        errorReason: {
          kind: "twilio_account_inactive",
          accountSid: account.sid,
          status: account.status,
        },
      };
    }
    const sender = await checkSender(ctx, binding.channelAccountId, credentials);
    if ("status" in sender) return sender;
    return {
      status: "verified",
      provider: "twilio",
      account: {
        id: account.sid,
        // The sender is already the binding's account; Twilio has no username to fill in.
        username: null,
        name: account.friendly_name ?? null,
      },
      sender,
    };
  } catch (error) {
    if (!(error instanceof TwilioApiError)) throw error;
    const refusal = twilioVerifyReason(error, credentials.accountSid);
    return error.isRetryable
      ? { status: "unverified", reason: refusal.reason }
      : { status: "verification_failed", ...refusal };
  }
}
