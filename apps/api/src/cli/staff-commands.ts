import { generatePassword } from "../auth/password";
import { openCliSession } from "./open-session";
import { CommandFailed, parseCommandArgs, required, type Command } from "./command";

export const createOwner: Command = {
  name: "create-owner",
  summary: "create an owner account (the password is generated unless given)",
  help: `Usage: agents-crm create-owner --email <address> --name <name> [--password <password>]

Creates an owner account on the database the environment names (DATA_DIR, or AWS_* / DYNAMODB_*),
audited like the console's Users page. Without --password a password is generated and printed once.

Example:
  npx agents-crm create-owner --email maria@clinic.example --name "Maria Ivanova"`,
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      email: { type: "string" },
      name: { type: "string" },
      password: { type: "string" },
    });
    const email = required(values.email, "--email");
    const name = required(values.name, "--name");
    const password = values.password ?? generatePassword();
    const session = await openCliSession();
    try {
      const user = await session.caller.users.create({ email, name, role: "owner", password });
      io.out(`created owner ${user.email} (${user.userId})`);
      if (values.password === undefined) io.out(`password: ${password}`);
    } finally {
      await session.close();
    }
  },
};

export const resetPassword: Command = {
  name: "reset-password",
  summary: "give an account a new generated password and sign it out everywhere",
  help: `Usage: agents-crm reset-password --email <address>

Generates a new password for the account, prints it once and signs the account out of every session
(audited as users.reset_password). Works for owners too: the CLI acts as the machine token.

Example:
  npx agents-crm reset-password --email admin@agents-crm.local`,
  async run(args, io) {
    const { values } = parseCommandArgs(args, { email: { type: "string" } });
    const email = required(values.email, "--email").toLowerCase();
    const session = await openCliSession();
    try {
      const user = await session.deps.repos.adminUsers.getByEmail(email);
      if (!user) throw new CommandFailed(`no account has the e-mail ${email}`);
      const reset = await session.caller.users.resetPassword({ userId: user.userId });
      io.out(`new password for ${reset.email}: ${reset.password}`);
      io.err(`${reset.sessionsRevoked} session(s) signed out`);
    } finally {
      await session.close();
    }
  },
};
