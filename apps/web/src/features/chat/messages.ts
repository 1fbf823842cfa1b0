import { MAX_MESSAGE_CHARS } from "@agents-crm/config/conversations";
import { formatNumber } from "~/i18n/format";
import { defineMessages } from "~/i18n/define";
import { plural } from "~/i18n/plural";

/** The customer side: the agents' page, the chat page and the widget's frame. */
export const chat = defineMessages(
  {
    title: "Chat",
    pageTitle: "Chat · Agents CRM",
    home: {
      title: "Talk to our assistants",
      intro: "Choose who you would like to chat with. A person takes over whenever needed.",
      loading: "Loading…",
      loadFailed: (error: string) => `Could not load the assistants: ${error}`,
      empty: "No assistants are available yet.",
      chatWith: (name: string) => `Chat with ${name}`,
      start: "Start chatting →",
      answersBy: (model: string) => `Answers by: ${model}`,
      offlineModel: "Offline demo model (no LLM configured)",
    },
    connection: {
      live: "Live",
      connecting: "Connecting…",
      reconnecting: "Reconnecting…",
      offline: "Offline",
      offlineRetrying: "Offline — retrying",
    },
    unavailable: {
      title: "This chat is not available",
      body: "The assistant you are looking for does not exist or is not taking conversations right now.",
      seeAll: "See the available assistants",
    },
    screen: {
      loading: "Loading…",
      unreachable: "The chat cannot be reached right now.",
      retry: "Try again",
    },
    conversation: {
      loading: "Loading your conversation…",
      loadFailed: "Your conversation could not be loaded.",
      retry: "Try again",
    },
    header: { allAssistants: "All assistants", close: "Close the chat" },
    banner: {
      agentGone: "This assistant is not available any more.",
      humanJoined: "An administrator has joined and will answer here.",
      humanWillAnswer:
        "An administrator will answer here. You can keep writing: the team sees your messages.",
      aiBack: "The assistant is answering again.",
      ended: "Your previous conversation has ended. Your next message starts a new one.",
    },
    closed: { note: "This conversation is closed.", startNew: "Start a new conversation" },
    composer: {
      label: "Your message",
      placeholder: "Write a message…",
      send: "Send",
      sending: "Sending…",
      hint: "Enter to send · Shift+Enter for a new line",
      tooLong: (over: number, formatted: string) =>
        over === 1 ? `${formatted} character too long` : `${formatted} characters too long`,
      attach: "Attach a photo or PDF",
      dropHere: "Drop photos or PDF files here to attach them",
      files: "Files to send",
      remove: (name: string) => `Remove ${name}`,
      fileProblem: {
        type: (name: string) => `${name}: only photos and PDF files can be sent`,
        size: (name: string, limit: string) => `${name} is larger than ${limit}`,
        count: (max: number) => `At most ${max} files in one message`,
      },
    },
    log: {
      label: "Conversation",
      showEarlier: "Show earlier messages",
      loading: "Loading…",
      empty: (name: string) =>
        `Ask ${name} anything to start. A person from the team can take over at any time.`,
      writing: (name: string) => `${name} is writing`,
    },
    bubble: {
      sending: "Sending…",
      retry: "Retry",
      edit: "Edit",
      team: (clinic: string) => `${clinic} team`,
      administrator: "Administrator",
    },
    sendErrors: {
      offline: "Not sent: the chat cannot be reached. Check your connection and retry.",
      agentUnavailable: "This assistant is not available.",
      conversationEnded: "Your previous conversation has ended. Retry to start a new one.",
      closed: "This conversation is closed.",
      agentGone: "This assistant is not available any more.",
      tooFast: "You are sending messages too quickly. Wait a moment, then retry.",
      rejected: `This message cannot be sent. Is it longer than ${formatNumber("en", MAX_MESSAGE_CHARS)} characters?`,
      serverError: "Not sent: something went wrong on our side. Please retry.",
      uploadFailed: "Not sent: the file could not be uploaded. Please retry.",
    },
  },
  {
    title: "Чат",
    pageTitle: "Чат · Agents CRM",
    home: {
      title: "Поговорите с нашими ассистентами",
      intro: "Выберите, с кем хотите поговорить. Когда нужно, к разговору подключится человек.",
      loading: "Загрузка…",
      loadFailed: (error: string) => `Не удалось загрузить ассистентов: ${error}`,
      empty: "Пока нет доступных ассистентов.",
      chatWith: (name: string) => `Написать: ${name}`,
      start: "Начать чат →",
      answersBy: (model: string) => `Отвечает: ${model}`,
      offlineModel: "офлайн-демомодель (LLM не подключена)",
    },
    connection: {
      live: "На связи",
      connecting: "Подключение…",
      reconnecting: "Переподключение…",
      offline: "Нет связи",
      offlineRetrying: "Нет связи — пробуем снова",
    },
    unavailable: {
      title: "Этот чат недоступен",
      body: "Ассистента, которого вы ищете, не существует, или сейчас он не принимает обращения.",
      seeAll: "Посмотреть доступных ассистентов",
    },
    screen: {
      loading: "Загрузка…",
      unreachable: "Сейчас чат недоступен.",
      retry: "Повторить",
    },
    conversation: {
      loading: "Загружаем ваш диалог…",
      loadFailed: "Не удалось загрузить ваш диалог.",
      retry: "Повторить",
    },
    header: { allAssistants: "Все ассистенты", close: "Закрыть чат" },
    banner: {
      agentGone: "Этот ассистент больше недоступен.",
      humanJoined: "Администратор подключился и ответит здесь.",
      humanWillAnswer:
        "Здесь ответит администратор. Можете продолжать писать: команда видит ваши сообщения.",
      aiBack: "Ассистент снова отвечает.",
      ended: "Ваш предыдущий диалог завершён. Следующее сообщение начнёт новый.",
    },
    closed: { note: "Этот диалог закрыт.", startNew: "Начать новый диалог" },
    composer: {
      label: "Ваше сообщение",
      placeholder: "Напишите сообщение…",
      send: "Отправить",
      sending: "Отправка…",
      hint: "Enter — отправить · Shift+Enter — новая строка",
      tooLong: (over: number, formatted: string) =>
        `Длиннее на ${formatted} ${plural("ru", over, { one: "символ", few: "символа", many: "символов", other: "символа" })}`,
      attach: "Прикрепить фото или PDF",
      dropHere: "Перетащите сюда фото или PDF, чтобы прикрепить",
      files: "Файлы к отправке",
      remove: (name: string) => `Убрать ${name}`,
      fileProblem: {
        type: (name: string) => `${name}: можно отправить только фото и PDF`,
        size: (name: string, limit: string) => `${name} больше ${limit}`,
        count: (max: number) => `Не больше ${max} файлов в одном сообщении`,
      },
    },
    log: {
      label: "Диалог",
      showEarlier: "Показать более ранние сообщения",
      loading: "Загрузка…",
      empty: (name: string) =>
        `Задайте вопрос — ${name} ответит. Человек из команды может подключиться в любой момент.`,
      writing: (name: string) => `${name} печатает`,
    },
    bubble: {
      sending: "Отправка…",
      retry: "Повторить",
      edit: "Изменить",
      team: (clinic: string) => `Команда ${clinic}`,
      administrator: "Администратор",
    },
    sendErrors: {
      offline: "Не отправлено: чат недоступен. Проверьте подключение и повторите.",
      agentUnavailable: "Этот ассистент недоступен.",
      conversationEnded: "Ваш предыдущий диалог завершён. Повторите, чтобы начать новый.",
      closed: "Этот диалог закрыт.",
      agentGone: "Этот ассистент больше недоступен.",
      tooFast: "Вы отправляете сообщения слишком часто. Подождите немного и повторите.",
      rejected: `Это сообщение нельзя отправить. Может быть, оно длиннее ${formatNumber("ru", MAX_MESSAGE_CHARS)} символов?`,
      serverError: "Не отправлено: что-то пошло не так на нашей стороне. Повторите.",
      uploadFailed: "Не отправлено: файл не загрузился. Повторите.",
    },
  },
);
