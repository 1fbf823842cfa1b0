import type { ChannelBinding } from "@agents-crm/db";
import { twilioCredentialsOf } from "../../channels/settings/twilio-credentials";
import { createTwilioAccountsApi } from "../../platforms/twilio-accounts-api";
import { TwilioApiError } from "../../platforms/twilio-messages-api";
import type { StaffContext } from "../agents/agent-context";
import type { VerifyOutcome } from "./verify-binding";

/** Twilio's refusal in words that say what to fix (no credential is ever echoed). */
function twilioVerifyReason(error: TwilioApiError, accountSid: string): string {
  if (error.status === 401) {
    return `Twilio refused the auth token for account ${accountSid}: check the auth token (binding or Channel settings)`;
  }
  if (error.status === 404) {
    return `Twilio has no account ${accountSid}: check the account SID (binding or Channel settings)`;
  }
  if (error.status === null) return "Twilio did not answer; try again later";
  return `Twilio answered HTTP ${error.status}${error.code ? ` (error ${error.code})` : ""}`;
}

/** Fetches the Twilio account with the binding's credentials (its own, else Channel settings'). */
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
    };
  }
  const api = createTwilioAccountsApi({ baseUrl: ctx.deps.env.TWILIO_API_BASE_URL });
  try {
    const account = await api.getAccount(credentials.accountSid, credentials.authToken);
    if (account.status && account.status !== "active") {
      return {
        status: "verification_failed",
        reason: `The Twilio account ${account.sid} is ${account.status}, not active`,
      };
    }
    return {
      status: "verified",
      provider: "twilio",
      account: {
        id: account.sid,
        // The sender is already the binding's account; Twilio has no username to fill in.
        username: null,
        name: account.friendly_name ?? null,
      },
    };
  } catch (error) {
    if (!(error instanceof TwilioApiError)) throw error;
    const reason = twilioVerifyReason(error, credentials.accountSid);
    return error.isRetryable
      ? { status: "unverified", reason }
      : { status: "verification_failed", reason };
  }
}
