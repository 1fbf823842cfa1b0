"use client";

import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "~/features/console/api-error";
import { useSession } from "~/features/console/session-context";
import { useT } from "~/i18n/i18n-provider";
import { trpc } from "~/lib/trpc";
import { Button } from "~/ui/button";
import { Dialog } from "~/ui/dialog";
import { DialogActions } from "~/ui/dialog-actions";
import { Field } from "~/ui/field";
import { TextInput } from "~/ui/inputs";
import { Notice } from "~/ui/notice";
import admin from "~/ui/admin-page.module.css";
import { downloadText } from "~/lib/download-text";
import { fileNameFor } from "./download";
import styles from "./contacts.module.css";

/** Export everything held about the person; erase them (owners and admins only, typed confirmation). */
export function ContactPrivacy({ contactId, name }: { contactId: string; name: string }) {
  const t = useT("contacts").privacy;
  const { user } = useSession();
  const [erasing, setErasing] = useState(false);
  const utils = trpc.useUtils();
  const exportJson = useMutation({
    mutationFn: () => utils.client.contacts.export.query({ contactId }),
    onSuccess: (data) =>
      downloadText(
        fileNameFor(name, "json"),
        "application/json",
        `${JSON.stringify(data, null, 2)}\n`,
      ),
  });
  // Export and erase are owners' and admins' (the API refuses operators); operators see neither.
  if (user.role === "operator") return null;
  return (
    <section className={`${admin.panel} ${styles.danger}`} aria-labelledby="privacy-title">
      <h2 id="privacy-title">{t.title}</h2>
      <p className="muted">{t.exportHint}</p>
      <div className={styles.toolbar}>
        <Button
          onClick={() => exportJson.mutate()}
          disabled={exportJson.isPending}
          data-testid="contact-export-json"
        >
          {exportJson.isPending ? t.exporting : t.export}
        </Button>
      </div>
      {exportJson.error && (
        <Notice tone="danger" look="text" role="alert">
          {errorMessage(exportJson.error, t.exportFailed)}
        </Notice>
      )}
      <p className="muted">{t.eraseHint}</p>
      <div className={styles.toolbar}>
        <Button variant="danger" onClick={() => setErasing(true)} data-testid="contact-erase">
          {t.erase}
        </Button>
      </div>
      <Dialog
        open={erasing}
        title={t.eraseTitle}
        onClose={() => setErasing(false)}
        testId="erase-dialog"
      >
        <EraseForm contactId={contactId} name={name} onCancel={() => setErasing(false)} />
      </Dialog>
    </section>
  );
}

function EraseForm({
  contactId,
  name,
  onCancel,
}: {
  contactId: string;
  name: string;
  onCancel: () => void;
}) {
  const t = useT("contacts").privacy;
  const router = useRouter();
  const utils = trpc.useUtils();
  const [typed, setTyped] = useState("");
  const erase = trpc.contacts.erase.useMutation({
    onSuccess: () => {
      void utils.contacts.list.invalidate();
      router.push("/admin/contacts");
    },
  });
  const confirmed = typed.trim().toUpperCase() === t.eraseWord.toUpperCase();
  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        if (confirmed) erase.mutate({ contactId });
      }}
    >
      <p>{t.eraseBody(name)}</p>
      <Field label={t.eraseTypeLabel(t.eraseWord)}>
        <TextInput
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoComplete="off"
          autoFocus
          data-testid="erase-typed"
        />
      </Field>
      {erase.error && (
        <Notice tone="danger" look="text" role="alert">
          {errorMessage(erase.error, t.eraseFailed)}
        </Notice>
      )}
      <DialogActions
        label={t.eraseConfirm}
        onCancel={onCancel}
        busy={erase.isPending}
        disabled={!confirmed}
        testId="erase-confirm"
      />
    </form>
  );
}
