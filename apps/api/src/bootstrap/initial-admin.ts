import { chmod, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { ServerEnv } from "@agents-crm/config/env";
import type { Repositories } from "@agents-crm/db";
import { generatePassword, hashPassword, verifyPassword } from "../auth/password";

export const LOCAL_ADMIN_EMAIL = "admin@agents-crm.local";

export type InitialAdmin =
  | { kind: "configured"; email: string; created: boolean }
  /** Created by this start: the only time the password is printed. */
  | { kind: "generated"; email: string; password: string; file: string }
  /** Still the generated password, kept in `file`; later starts point there (logs keep what is printed). */
  | { kind: "generated-kept"; email: string; file: string }
  | { kind: "generated-changed"; email: string }
  | { kind: "none" };

/**
 * Makes sure someone can sign in. ADMIN_EMAIL/ADMIN_PASSWORD bootstrap an owner (an existing account's
 * password is never overwritten). Outside production, a fresh install gets a local owner with a
 * generated password, printed once and kept in DATA_DIR until it is changed.
 */
export async function ensureInitialAdmin(
  env: ServerEnv,
  repos: Repositories,
  options: { persistDir: string | null },
): Promise<InitialAdmin> {
  if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD) {
    const existing = await repos.adminUsers.getByEmail(env.ADMIN_EMAIL);
    if (existing) return { kind: "configured", email: existing.email, created: false };
    const user = await repos.adminUsers.create({
      email: env.ADMIN_EMAIL,
      name: "Owner",
      role: "owner",
      passwordHash: await hashPassword(env.ADMIN_PASSWORD),
    });
    return { kind: "configured", email: user.email, created: true };
  }
  if (env.ENVIRONMENT === "production") return { kind: "none" };

  const file = options.persistDir ? initialAdminFile(options.persistDir) : null;
  const saved = file ? await readSaved(file) : null;
  const credentials = await repos.adminUsers.getCredentials(LOCAL_ADMIN_EMAIL);
  if (credentials) {
    if (saved && (await verifyPassword(saved.password, credentials.passwordHash))) {
      return { kind: "generated-kept", email: LOCAL_ADMIN_EMAIL, file: file ?? "" };
    }
    // Changed while another process held the file (or before changes removed it): it only misleads now.
    if (saved && file) await rm(file, { force: true });
    return { kind: "generated-changed", email: LOCAL_ADMIN_EMAIL };
  }
  if ((await repos.adminUsers.count()) > 0) return { kind: "none" };

  const password = generatePassword();
  await repos.adminUsers.create({
    email: LOCAL_ADMIN_EMAIL,
    name: "Local admin",
    role: "owner",
    passwordHash: await hashPassword(password),
  });
  if (file && options.persistDir) {
    await mkdir(options.persistDir, { recursive: true });
    await writeFile(file, JSON.stringify({ email: LOCAL_ADMIN_EMAIL, password }, null, 2) + "\n", {
      mode: 0o600,
    });
    await chmod(file, 0o600);
  }
  return { kind: "generated", email: LOCAL_ADMIN_EMAIL, password, file: file ?? "" };
}

const initialAdminFile = (dataDir: string) => join(dataDir, "initial-admin.json");

/**
 * Once the generated admin's password is changed (by them or reset by another owner), the file with
 * the old one is removed, so start-up stops pointing at it and nobody reads a stale password there.
 */
export async function forgetInitialPassword(
  env: Pick<ServerEnv, "DATA_DIR">,
  email: string,
): Promise<boolean> {
  const file = initialAdminFile(resolve(env.DATA_DIR));
  const saved = await readSaved(file);
  if (!saved || saved.email !== email) return false;
  await rm(file, { force: true });
  return true;
}

async function readSaved(file: string): Promise<{ email: string; password: string } | null> {
  try {
    const data = JSON.parse(await readFile(file, "utf8")) as {
      email?: unknown;
      password?: unknown;
    };
    return typeof data.email === "string" && typeof data.password === "string"
      ? { email: data.email, password: data.password }
      : null;
  } catch {
    return null;
  }
}
