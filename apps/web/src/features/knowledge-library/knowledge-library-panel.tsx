"use client";

import { useRef, useState, type DragEvent } from "react";
import type { KnowledgeDocumentView } from "@agents-crm/config/knowledge-library";
import { Badge, type BadgeTone } from "~/ui/badge";
import { Button } from "~/ui/button";
import { ConfirmDialog } from "~/ui/confirm-dialog";
import { Field } from "~/ui/field";
import { Select, TextArea, TextInput } from "~/ui/inputs";
import { Notice } from "~/ui/notice";
import { useT } from "~/i18n/i18n-provider";
import { useFilesUrl } from "~/lib/files-url";
import { trpc } from "~/lib/trpc";
import { uploadLibraryFile } from "./upload-library-file";
import styles from "./knowledge-library.module.css";

const STATE_TONES: Record<KnowledgeDocumentView["state"], BadgeTone> = {
  queued: "neutral",
  indexing: "info",
  ready: "success",
  failed: "danger",
};

/** The agent's knowledge library: folders, upload, indexing state, sendable, rename/move, delete. */
export function KnowledgeLibraryPanel({ agentId, canEdit }: { agentId: string; canEdit: boolean }) {
  const t = useT("knowledgeLibrary");
  const utils = trpc.useUtils();
  const [folder, setFolder] = useState<string | null>(null);
  const folders = trpc.knowledge.folders.useQuery({ agentId });
  const list = trpc.knowledge.list.useQuery(
    { agentId, ...(folder === null ? {} : { folder }) },
    {
      // While something indexes, its progress is read again every second.
      refetchInterval: (query) =>
        query.state.data?.some((d) => d.state === "queued" || d.state === "indexing")
          ? 1000
          : false,
    },
  );
  const refresh = async () => {
    await Promise.all([
      utils.knowledge.list.invalidate({ agentId }),
      utils.knowledge.folders.invalidate({ agentId }),
    ]);
  };
  const [error, setError] = useState<string | null>(null);
  const onError = (e: { message: string }) => setError(e.message);
  const importInline = trpc.knowledge.importInline.useMutation({ onSuccess: refresh, onError });

  return (
    <section
      className={styles.panel}
      aria-labelledby="library-title"
      data-testid="knowledge-library"
    >
      <h2 id="library-title">{t.title}</h2>
      <p className="muted">{t.intro}</p>
      {!canEdit && <p className="muted">{t.readOnly}</p>}
      {error && (
        <Notice tone="danger" look="text" role="alert">
          {t.failed} {error}
        </Notice>
      )}
      <div className={styles.toolbar}>
        <Field label={t.folder}>
          <Select
            value={folder ?? "*"}
            onChange={(e) => setFolder(e.target.value === "*" ? null : e.target.value)}
            data-testid="library-folder-filter"
          >
            <option value="*">{t.allFolders}</option>
            <option value="">{t.topLevel}</option>
            {folders.data?.folders.map((f) => (
              <option key={f.path} value={f.path}>
                {f.path} ({f.documents})
              </option>
            ))}
          </Select>
        </Field>
        {canEdit && (
          <Button
            onClick={() => importInline.mutate({ agentId })}
            disabled={importInline.isPending}
            data-testid="library-import-inline"
          >
            {t.importInline}
          </Button>
        )}
      </div>
      {importInline.data && (
        <Notice tone="success" look="text" role="status">
          {t.imported(importInline.data.moved.length, importInline.data.kept.length)}
        </Notice>
      )}
      {canEdit && (
        <UploadBox agentId={agentId} folder={folder ?? ""} onDone={refresh} onError={setError} />
      )}
      {list.isPending ? (
        <p className="muted" role="status">
          {t.loading}
        </p>
      ) : list.isError ? (
        <Notice tone="danger" look="text" role="alert">
          {t.loadFailed}
        </Notice>
      ) : list.data.length === 0 ? (
        <p className="muted" data-testid="library-empty">
          {t.empty}
        </p>
      ) : (
        <ul className={styles.list}>
          {list.data.map((doc) => (
            <DocumentRow
              key={doc.documentId}
              doc={doc}
              canEdit={canEdit}
              onChanged={refresh}
              onError={setError}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function UploadBox({
  agentId,
  folder,
  onDone,
  onError,
}: {
  agentId: string;
  folder: string;
  onDone: () => Promise<void>;
  onError: (message: string) => void;
}) {
  const t = useT("knowledgeLibrary");
  const filesUrl = useFilesUrl();
  const [sendable, setSendable] = useState(false);
  const [caption, setCaption] = useState("");
  const [progress, setProgress] = useState<number | null>(null);
  const [over, setOver] = useState(false);
  const [title, setTitle] = useState("");
  const [text, setText] = useState("");
  // New documents go to the folder being viewed unless another (possibly new) folder is typed.
  const [target, setTarget] = useState(folder);
  const fileInput = useRef<HTMLInputElement>(null);
  const [viewed, setViewed] = useState(folder);
  if (viewed !== folder) {
    setViewed(folder);
    setTarget(folder);
  }
  const create = trpc.knowledge.create.useMutation({
    onSuccess: onDone,
    onError: (e) => onError(e.message),
  });

  const upload = async (file: File) => {
    setProgress(0);
    try {
      const fileId = await uploadLibraryFile({
        url: filesUrl,
        file,
        agentId,
        onProgress: setProgress,
      });
      await create.mutateAsync({
        agentId,
        fileId,
        folder: target,
        sendable,
        ...(caption.trim() ? { caption: caption.trim() } : {}),
      });
    } catch (error) {
      onError(error instanceof Error ? error.message : String(error));
    } finally {
      setProgress(null);
    }
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file) void upload(file);
  };

  return (
    <div
      className={styles.drop}
      data-over={over}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="library-drop"
    >
      <strong>{t.upload}</strong>
      <span className="muted">{t.uploadHint}</span>
      <div className={styles.row}>
        <label>
          <input
            type="checkbox"
            checked={sendable}
            onChange={(e) => setSendable(e.target.checked)}
          />{" "}
          {t.sendable}
        </label>
      </div>
      <Field label={t.uploadFolder}>
        <TextInput
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          data-testid="library-upload-folder"
        />
      </Field>
      <Field label={t.caption}>
        <TextInput value={caption} onChange={(e) => setCaption(e.target.value)} />
      </Field>
      {/* The browser's own file input speaks the browser's language, not the console's: it stays
          hidden and a console button opens it. */}
      <input
        ref={fileInput}
        type="file"
        hidden
        accept=".txt,.md,.markdown,.pdf,.docx,image/*"
        data-testid="library-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void upload(file);
          e.target.value = "";
        }}
      />
      <div className={styles.row}>
        <Button
          onClick={() => fileInput.current?.click()}
          disabled={progress !== null}
          data-testid="library-choose-file"
        >
          {t.choose}
        </Button>
      </div>
      {progress !== null && (
        <progress className={styles.progress} value={progress} max={1} aria-label={t.uploading} />
      )}
      <details>
        <summary>{t.addText}</summary>
        <Field label={t.docTitle}>
          <TextInput
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            data-testid="library-text-title"
          />
        </Field>
        <Field label={t.docText}>
          <TextArea
            rows={4}
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid="library-text-body"
          />
        </Field>
        <Button
          disabled={!title.trim() || !text.trim() || create.isPending}
          onClick={() =>
            create.mutate(
              { agentId, folder: target, title: title.trim(), text, sendable: false },
              {
                onSuccess: () => {
                  setTitle("");
                  setText("");
                },
              },
            )
          }
          data-testid="library-text-add"
        >
          {t.add}
        </Button>
      </details>
    </div>
  );
}

function DocumentRow({
  doc,
  canEdit,
  onChanged,
  onError,
}: {
  doc: KnowledgeDocumentView;
  canEdit: boolean;
  onChanged: () => Promise<void>;
  onError: (message: string) => void;
}) {
  const t = useT("knowledgeLibrary");
  const options = { onSuccess: onChanged, onError: (e: { message: string }) => onError(e.message) };
  const setSendable = trpc.knowledge.setSendable.useMutation(options);
  const reindex = trpc.knowledge.reindex.useMutation(options);
  const update = trpc.knowledge.update.useMutation(options);
  const remove = trpc.knowledge.delete.useMutation(options);
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(doc.title);
  const [folder, setFolder] = useState(doc.folder);
  const [confirming, setConfirming] = useState(false);
  const key = { agentId: doc.agentId, documentId: doc.documentId };

  return (
    <li className={styles.doc} data-testid="library-document" data-state={doc.state}>
      <div className={styles.row}>
        <strong>{doc.title}</strong>
        {doc.folder && <span className="muted">{doc.folder}/</span>}
        <Badge tone={STATE_TONES[doc.state]} data-testid="library-state">
          {t.states[doc.state]}
          {doc.state === "indexing" ? ` ${doc.progress}%` : ""}
        </Badge>
        {doc.state === "ready" && <span className="muted">{t.chunks(doc.chunkCount)}</span>}
      </div>
      {(doc.state === "indexing" || doc.state === "queued") && (
        <progress
          className={styles.progress}
          value={doc.progress}
          max={100}
          aria-label={t.states.indexing}
        />
      )}
      {doc.failureReason && <span className="muted">{doc.failureReason}</span>}
      <div className={styles.row}>
        <label>
          <input
            type="checkbox"
            checked={doc.sendable}
            disabled={!canEdit || !doc.fileId || setSendable.isPending}
            onChange={(e) => setSendable.mutate({ ...key, sendable: e.target.checked })}
            data-testid="library-sendable"
          />{" "}
          {t.sendable}
        </label>
        {canEdit && (
          <>
            <Button size="sm" onClick={() => setEditing((v) => !v)} aria-expanded={editing}>
              {t.rename}
            </Button>
            <Button size="sm" onClick={() => reindex.mutate(key)} disabled={reindex.isPending}>
              {t.reindex}
            </Button>
            <Button
              size="sm"
              variant="danger"
              onClick={() => setConfirming(true)}
              data-testid="library-delete"
            >
              {t.delete}
            </Button>
          </>
        )}
      </div>
      {editing && (
        <form
          className={styles.row}
          onSubmit={(e) => {
            e.preventDefault();
            update.mutate({ ...key, title, folder }, { onSuccess: () => setEditing(false) });
          }}
        >
          <Field label={t.docTitle}>
            <TextInput value={title} onChange={(e) => setTitle(e.target.value)} />
          </Field>
          <Field label={t.folder}>
            <TextInput value={folder} onChange={(e) => setFolder(e.target.value)} />
          </Field>
          <Button type="submit" disabled={update.isPending}>
            {t.save}
          </Button>
          <Button onClick={() => setEditing(false)}>{t.cancel}</Button>
        </form>
      )}
      <ConfirmDialog
        open={confirming}
        title={t.deleteTitle}
        confirmLabel={t.delete}
        busy={remove.isPending}
        error={remove.error?.message ?? null}
        onConfirm={() => remove.mutate(key, { onSuccess: () => setConfirming(false) })}
        onCancel={() => setConfirming(false)}
      >
        {t.deleteBody(doc.title)}
      </ConfirmDialog>
    </li>
  );
}
