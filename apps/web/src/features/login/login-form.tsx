"use client";

import { useEffect, useState } from "react";
import { useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import { Button } from "~/ui/button";
import { CodeSignIn } from "./code-sign-in";
import styles from "./login.module.css";
import { PasswordForm } from "./password-form";

/**
 * Sign-in by password, or by a code sent by e-mail when the API has an SMTP server (system.health
 * says so). The e-mail typed in one carries over to the other. `next` is already a same-origin path.
 */
export function LoginForm({ next }: { next: string }) {
  const t = useT("login");
  const [email, setEmail] = useState("");
  const [method, setMethod] = useState<"password" | "code">("password");
  const me = trpc.auth.me.useQuery(undefined, { retry: false });
  const health = trpc.system.health.useQuery(undefined, { staleTime: 60_000 });
  const codesOffered = health.data?.signIn.emailCode === true;

  const alreadySignedIn = Boolean(me.data?.user);
  useEffect(() => {
    if (alreadySignedIn) window.location.replace(next);
  }, [alreadySignedIn, next]);

  const byCode = method === "code" && codesOffered;
  return (
    <div className={styles.methods}>
      {byCode ? (
        <CodeSignIn next={next} email={email} onEmailChange={setEmail} />
      ) : (
        <PasswordForm next={next} email={email} onEmailChange={setEmail} />
      )}
      {codesOffered && (
        <Button
          variant="link"
          className={styles.switch}
          onClick={() => setMethod(byCode ? "password" : "code")}
          data-testid={byCode ? "login-use-password" : "login-use-code"}
        >
          {byCode ? t.code.usePassword : t.code.useCode}
        </Button>
      )}
    </div>
  );
}
