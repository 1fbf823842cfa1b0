import { MIN_PASSWORD, passwordSchema } from "@agents-crm/config/staff";
import { describe, expect, it } from "vitest";
import {
  assignableRoles,
  generatePassword,
  userActions,
  userErrorKind,
  validateNewUser,
} from "./user-rules";

const apiError = (code: string, message: string) =>
  Object.assign(new Error(message), { data: { code } });

describe("users page rules", () => {
  it("offers the owner role only to owners", () => {
    expect(assignableRoles("owner")).toEqual(["owner", "admin", "operator"]);
    expect(assignableRoles("admin")).toEqual(["admin", "operator"]);
  });

  it("locks owners' rows for admins and your own deactivation for everyone", () => {
    const admin = { userId: "a", role: "admin" as const };
    expect(userActions(admin, { userId: "o", role: "owner" })).toEqual({
      changeRole: "ownerOnly",
      deactivate: "ownerOnly",
      remove: "ownerOnly",
      resetPassword: "ownerOnly",
    });
    expect(userActions(admin, { userId: "a", role: "admin" })).toEqual({
      changeRole: null,
      deactivate: "self",
      remove: "self",
      resetPassword: "ownPassword",
    });
    expect(userActions({ userId: "o", role: "owner" }, { userId: "x", role: "owner" })).toEqual({
      changeRole: null,
      deactivate: null,
      remove: null,
      resetPassword: null,
    });
  });

  it("generates unambiguous passwords long enough for the API from the random bytes it is given", () => {
    let calls = 0;
    const counter = (bytes: Uint8Array) => {
      calls++;
      return bytes.map((_, i) => (i * 37 + calls) % 256);
    };
    const password = generatePassword(counter);
    expect(password).toHaveLength(16);
    expect(password.length).toBeGreaterThanOrEqual(MIN_PASSWORD);
    expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9]+$/);
    // Bytes at or above the last whole multiple of the alphabet are skipped, not folded in.
    const skewed = (bytes: Uint8Array) => bytes.map((_, i) => (i % 2 ? 255 : i / 2));
    expect(generatePassword(skewed, 4)).toBe("ABCD");
    // The browser's own randomness meets the API's rules (packages/config/staff) every time.
    for (let i = 0; i < 50; i++) {
      const real = generatePassword((bytes) => crypto.getRandomValues(bytes));
      expect(passwordSchema.safeParse(real).success).toBe(true);
    }
  });

  it("checks a new user's fields before sending", () => {
    expect(validateNewUser({ name: " ", email: "x", role: "operator", password: "short" })).toEqual(
      {
        name: "required",
        email: "emailInvalid",
        password: "passwordTooShort",
      },
    );
    expect(
      validateNewUser({
        name: "Ann",
        email: "ann@clinic.test",
        role: "admin",
        password: "0123456789",
      }),
    ).toEqual({});
  });

  it("recognises the rules the API enforces", () => {
    expect(
      userErrorKind(
        apiError("CONFLICT", "This is the last active owner: make someone else an owner first"),
        "update",
      ),
    ).toBe("lastOwner");
    expect(userErrorKind(apiError("FORBIDDEN", "Only owners can create owners"), "create")).toBe(
      "ownersOnly",
    );
    expect(userErrorKind(apiError("CONFLICT", "already exists"), "create")).toBe("emailTaken");
    expect(userErrorKind(apiError("CONFLICT", "version conflict; reload"), "update")).toBe(
      "changedElsewhere",
    );
    expect(
      userErrorKind(
        apiError("BAD_REQUEST", "isActive: you cannot deactivate your own account"),
        "update",
      ),
    ).toBe("self");
    expect(userErrorKind(new Error("offline"), "delete")).toBe("other");
  });
});
