import { describe, expect, it } from "vitest";
import {
  formParams,
  isValidTwilioSignature,
  twilioSignature,
} from "../src/channels/webhooks/twilio/twilio-signature";
import { parseTwilioStatus } from "../src/channels/webhooks/twilio/twilio-events";

// The worked example of Twilio's request-validation docs, used by its libraries' own tests
// (twilio-php tests/Twilio/Unit/Security/RequestValidatorTest.php, twilio-csharp RequestValidatorTest):
// auth token "12345", this URL and these POST parameters sign to this value.
const URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
const PARAMS = new Map(
  Object.entries({
    CallSid: "CA1234567890ABCDE",
    Caller: "+14158675309",
    Digits: "1234",
    From: "+14158675309",
    To: "+18005551212",
  }).map(([k, v]) => [k, [v]]),
);
const SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

describe("X-Twilio-Signature as Twilio computes it", () => {
  it("reproduces Twilio's published example", () => {
    expect(twilioSignature("12345", URL, PARAMS)).toBe(SIGNATURE);
    expect(isValidTwilioSignature("12345", SIGNATURE, URL, PARAMS)).toBe(true);
  });

  it("fails when any input changes", () => {
    expect(isValidTwilioSignature("54321", SIGNATURE, URL, PARAMS)).toBe(false);
    expect(isValidTwilioSignature("12345", SIGNATURE, `${URL}&x=1`, PARAMS)).toBe(false);
    const tampered = new Map(PARAMS).set("Digits", ["9999"]);
    expect(isValidTwilioSignature("12345", SIGNATURE, URL, tampered)).toBe(false);
    expect(isValidTwilioSignature("12345", undefined, URL, PARAMS)).toBe(false);
  });

  it("a repeated parameter signs its distinct values sorted (twilio-python's test vector)", () => {
    // twilio-python tests/unit/test_request_validator.py: Digits sent three times.
    const repeated = formParams(
      Buffer.from("Sid=CA123&SidAccount=AC123&Digits=5678&Digits=1234&Digits=1234"),
    );
    expect(twilioSignature("12345", URL, repeated)).toBe("IK+Dwps556ElfBT0I3Rgjkr1wJU=");
  });

  it("accepts the URL with or without the default port, as twilio-node's validateRequest does", () => {
    const withPort = "https://mycompany.com:443/myapp.php?foo=1&bar=2";
    const signed = twilioSignature("12345", withPort, PARAMS);
    expect(isValidTwilioSignature("12345", signed, URL, PARAMS)).toBe(true);
  });
});

describe("Twilio status callbacks as delivery reports", () => {
  const at = new Date("2026-12-06T10:00:00Z");
  const params = (fields: Record<string, string>) =>
    new Map(Object.entries(fields).map(([k, v]) => [k, [v]]));

  it("undelivered is failed with the error code in words; queued is not a report", () => {
    expect(
      parseTwilioStatus(
        params({ MessageSid: "SM1", MessageStatus: "undelivered", ErrorCode: "63016" }),
        at,
      ),
    ).toMatchObject({ status: "failed", reason: { code: "63016" } });
    expect(
      parseTwilioStatus(
        params({ MessageSid: "SM1", MessageStatus: "undelivered", ErrorCode: "63016" }),
        at,
      )?.reason?.message,
    ).toMatch(/24-hour window/);
    expect(
      parseTwilioStatus(params({ MessageSid: "SM1", MessageStatus: "queued" }), at),
    ).toBeNull();
    expect(
      parseTwilioStatus(params({ MessageSid: "SM1", MessageStatus: "read" }), at),
    ).toMatchObject({ status: "read" });
  });
});
