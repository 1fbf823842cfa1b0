"use client";

import type { Channel } from "@agents-crm/config/channels";
import { MAX_FILES_PER_MESSAGE } from "@agents-crm/config/outbound-media";
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type ClipboardEvent,
  type DragEvent,
} from "react";
import { useT } from "~/i18n/i18n-provider";
import { refusalOf } from "./check-file";
import { uploadFile, type UploadError } from "./upload-file";

export interface PendingAttachment {
  id: string;
  name: string;
  mimeType: string;
  size: number;
  /** An object URL for an image's thumbnail. */
  previewUrl: string | null;
  state: "uploading" | "ready" | "failed";
  progress: number;
  fileId?: string;
  error?: string;
}

let nextId = 1;

/**
 * The files staff attach to a reply: each is checked against the conversation's platform at once, then
 * uploaded (with progress) so that sending only names the stored files. Picker, drop and paste all land
 * in `add`.
 */
export function useOutboundAttachments(options: {
  conversationId: string;
  channel: Channel;
  uploadUrl: string;
}) {
  const { conversationId, channel, uploadUrl } = options;
  const t = useT("outboundAttachments");
  const [items, setItems] = useState<PendingAttachment[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const aborts = useRef(new Map<string, () => void>());
  const itemsRef = useRef(items);
  useEffect(() => {
    itemsRef.current = items;
  }, [items]);

  const patch = useCallback((id: string, change: Partial<PendingAttachment>) => {
    setItems((current) => current.map((item) => (item.id === id ? { ...item, ...change } : item)));
  }, []);

  const add = useCallback(
    (files: File[]) => {
      if (files.length === 0) return;
      const room = MAX_FILES_PER_MESSAGE - itemsRef.current.length;
      setNotice(files.length > room ? t.tooMany(MAX_FILES_PER_MESSAGE) : null);
      const accepted: PendingAttachment[] = [];
      for (const file of files.slice(0, Math.max(0, room))) {
        const id = `a${nextId++}`;
        const refusal = refusalOf(file, channel, t);
        const item: PendingAttachment = {
          id,
          name: file.name,
          mimeType: file.type,
          size: file.size,
          previewUrl: !refusal && file.type.startsWith("image/") ? URL.createObjectURL(file) : null,
          state: refusal ? "failed" : "uploading",
          progress: 0,
          ...(refusal ? { error: refusal } : {}),
        };
        accepted.push(item);
        if (refusal) continue;
        const upload = uploadFile({
          url: uploadUrl,
          file,
          conversationId,
          onProgress: (fraction) => patch(id, { progress: Math.round(fraction * 100) }),
        });
        aborts.current.set(id, upload.abort);
        upload.done.then(
          (view) => patch(id, { state: "ready", progress: 100, fileId: view.fileId }),
          (error: UploadError) => {
            if (error.status === 0 && error.message === "aborted") return;
            patch(id, { state: "failed", error: t.uploadFailed(file.name, error.message) });
          },
        );
        void upload.done.finally(() => aborts.current.delete(id));
      }
      setItems((current) => [...current, ...accepted]);
    },
    [channel, conversationId, patch, t, uploadUrl],
  );

  const remove = useCallback((id: string) => {
    aborts.current.get(id)?.();
    setItems((current) => {
      const gone = current.find((item) => item.id === id);
      if (gone?.previewUrl) URL.revokeObjectURL(gone.previewUrl);
      return current.filter((item) => item.id !== id);
    });
    setNotice(null);
  }, []);

  /** After sending: the files went with the message. */
  const clear = useCallback(() => {
    for (const item of itemsRef.current) if (item.previewUrl) URL.revokeObjectURL(item.previewUrl);
    setItems([]);
    setNotice(null);
  }, []);

  useEffect(
    () => () => {
      for (const abort of aborts.current.values()) abort();
    },
    [],
  );

  const dropProps = {
    onDragOver: (event: DragEvent) => {
      if (!event.dataTransfer.types.includes("Files")) return;
      event.preventDefault();
      setDragging(true);
    },
    onDragLeave: (event: DragEvent) => {
      if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
      setDragging(false);
    },
    onDrop: (event: DragEvent) => {
      if (event.dataTransfer.files.length === 0) return;
      event.preventDefault();
      setDragging(false);
      add([...event.dataTransfer.files]);
    },
  };

  /** Pasting files (a screenshot, a copied PDF) attaches them; pasting text stays text. */
  const onPaste = (event: ClipboardEvent) => {
    const files = [...event.clipboardData.files];
    if (files.length === 0) return;
    event.preventDefault();
    add(files);
  };

  return {
    items,
    notice,
    dragging,
    add,
    remove,
    clear,
    dropProps,
    onPaste,
    fileIds: items.flatMap((item) => (item.state === "ready" && item.fileId ? [item.fileId] : [])),
    uploading: items.some((item) => item.state === "uploading"),
    hasFailed: items.some((item) => item.state === "failed"),
  };
}

export type OutboundAttachments = ReturnType<typeof useOutboundAttachments>;
