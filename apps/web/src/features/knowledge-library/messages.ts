import { defineMessages } from "~/i18n/define";

export const knowledgeLibrary = defineMessages(
  {
    title: "Knowledge library",
    intro:
      "The agent's documents, in folders. Each is indexed in the background; documents marked “may be sent to customers” are attached to the agent's reply when a customer asks for them.",
    loading: "Loading the library…",
    loadFailed: "Could not load the library.",
    empty: "No documents yet. Upload one, or move the agent's inline sources here.",
    allFolders: "All folders",
    topLevel: "Top level",
    folder: "Folder",
    uploadFolder: "Folder for new documents (empty: top level)",
    upload: "Upload a document",
    uploadHint: "Drop a .txt, .md, .pdf, .docx or image here, or choose one.",
    choose: "Choose a file",
    uploading: "Uploading…",
    sendable: "May be sent to customers",
    caption: "Caption (what an image is indexed by)",
    addText: "Add a text document",
    docTitle: "Title",
    docText: "Text",
    add: "Add",
    states: { queued: "Queued", indexing: "Indexing", ready: "Ready", failed: "Failed" },
    chunks: (n: number) => `${n} passages`,
    rename: "Rename or move",
    save: "Save",
    cancel: "Cancel",
    reindex: "Re-index",
    delete: "Delete",
    deleteTitle: "Delete this document?",
    deleteBody: (title: string) =>
      `“${title}”, its indexed passages and its file are deleted. The agent stops using it at once.`,
    importInline: "Move inline sources into the library",
    imported: (moved: number, kept: number) =>
      kept > 0
        ? `Moved ${moved}; ${kept} stayed inline.`
        : `Moved ${moved} sources into the library.`,
    failed: "It did not work:",
    readOnly: "Only owners and admins change the library.",
  },
  {
    title: "Библиотека знаний",
    intro:
      "Документы агента по папкам. Каждый индексируется в фоне; документы с отметкой «можно отправлять клиентам» агент прикладывает к ответу, когда клиент их просит.",
    loading: "Загружаем библиотеку…",
    loadFailed: "Не удалось загрузить библиотеку.",
    empty:
      "Документов пока нет. Загрузите документ или перенесите сюда встроенные источники агента.",
    allFolders: "Все папки",
    topLevel: "Корень",
    folder: "Папка",
    uploadFolder: "Папка для новых документов (пусто — корень)",
    upload: "Загрузить документ",
    uploadHint: "Перетащите сюда .txt, .md, .pdf, .docx или изображение либо выберите файл.",
    choose: "Выбрать файл",
    uploading: "Загружаем…",
    sendable: "Можно отправлять клиентам",
    caption: "Подпись (по ней индексируется изображение)",
    addText: "Добавить текстовый документ",
    docTitle: "Название",
    docText: "Текст",
    add: "Добавить",
    states: { queued: "В очереди", indexing: "Индексируется", ready: "Готов", failed: "Ошибка" },
    chunks: (n: number) => `фрагментов: ${n}`,
    rename: "Переименовать или переместить",
    save: "Сохранить",
    cancel: "Отмена",
    reindex: "Переиндексировать",
    delete: "Удалить",
    deleteTitle: "Удалить документ?",
    deleteBody: (title: string) =>
      `«${title}», его проиндексированные фрагменты и файл будут удалены. Агент сразу перестанет его использовать.`,
    importInline: "Перенести встроенные источники в библиотеку",
    imported: (moved: number, kept: number) =>
      kept > 0
        ? `Перенесено: ${moved}; во встроенных осталось: ${kept}.`
        : `Перенесено в библиотеку: ${moved}.`,
    failed: "Не получилось:",
    readOnly: "Менять библиотеку могут только владельцы и администраторы.",
  },
);
