import { defineMessages } from "~/i18n/define";

export const users = defineMessages(
  {
    title: "Users",
    intro:
      "People who can sign in to this console. Operators handle conversations; admins also manage agents, channels, users and notifications; owners can do everything, including managing other owners.",
    loading: "Loading users…",
    loadFailed: "Could not load users.",
    empty: "No users yet.",
    columns: {
      name: "Name",
      email: "Email",
      role: "Role",
      state: "State",
      lastLogin: "Last sign-in",
      actions: "Actions",
    },
    you: "you",
    active: "Active",
    inactive: "Deactivated",
    never: "never",
    roleLabel: (name: string) => `Role of ${name}`,
    deactivate: "Deactivate",
    reactivate: "Reactivate",
    remove: "Delete",
    locked: {
      ownerOnly: "Only owners can change an owner's account.",
      self: "You cannot deactivate or delete your own account.",
      ownPassword: "Change your own password on your profile page.",
    },
    resetPassword: {
      open: "Reset password",
      title: "Reset this user's password?",
      body: (name: string) =>
        `${name} gets a new generated password and is signed out everywhere. You will see the password once, to hand it over.`,
      confirm: "Reset password",
      done: (name: string) => `New password for ${name}`,
      password: "New password",
    },
    confirmDeactivate: {
      title: "Deactivate this user?",
      body: (name: string) =>
        `${name} is signed out everywhere and cannot sign in until reactivated. Their history stays.`,
      confirm: "Deactivate",
    },
    confirmDelete: {
      title: "Delete this user?",
      body: (name: string) =>
        `${name}'s account is removed and they are signed out. Their actions stay in the audit log. This cannot be undone.`,
      confirm: "Delete user",
    },
    roleSaved: (name: string) => `${name}'s role was changed.`,
    errors: {
      lastOwner:
        "This is the last active owner. Make someone else an owner first, then change this account.",
      ownersOnly: "Only owners can create, change or remove owners.",
      self: "You cannot deactivate or delete your own account.",
      emailTaken: "A user with this email already exists.",
      changedElsewhere: "Someone else changed this user meanwhile. The list has been refreshed.",
      notFound: "This user no longer exists. The list has been refreshed.",
    },
    create: {
      open: "Add user",
      title: "Add a user",
      hint: "They sign in at /login with this email and password. Send them the password through a safe channel.",
      name: "Name",
      email: "Email",
      role: "Role",
      password: "Initial password",
      passwordHint: (min: number) => `At least ${min} characters.`,
      generate: "Generate",
      submit: "Create user",
      submitting: "Creating…",
      cancel: "Cancel",
      problems: {
        required: "Required.",
        emailInvalid: "Enter an email address like name@example.com.",
        passwordTooShort: (min: number) => `At least ${min} characters.`,
      },
      created: (name: string) => `${name} can now sign in.`,
      credentials:
        "Copy these sign-in details now: the password is not shown again and cannot be read back later.",
      done: "Done",
    },
  },
  {
    title: "Пользователи",
    intro:
      "Люди, которые могут входить в консоль. Операторы работают с диалогами; администраторы также управляют агентами, каналами, пользователями и уведомлениями; владельцы могут всё, включая управление другими владельцами.",
    loading: "Загрузка пользователей…",
    loadFailed: "Не удалось загрузить пользователей.",
    empty: "Пользователей пока нет.",
    columns: {
      name: "Имя",
      email: "Email",
      role: "Роль",
      state: "Состояние",
      lastLogin: "Последний вход",
      actions: "Действия",
    },
    you: "вы",
    active: "Активен",
    inactive: "Отключён",
    never: "никогда",
    roleLabel: (name: string) => `Роль пользователя ${name}`,
    deactivate: "Отключить",
    reactivate: "Включить",
    remove: "Удалить",
    locked: {
      ownerOnly: "Только владельцы могут менять учётную запись владельца.",
      self: "Нельзя отключить или удалить собственную учётную запись.",
      ownPassword: "Свой пароль меняется на странице профиля.",
    },
    resetPassword: {
      open: "Сбросить пароль",
      title: "Сбросить пароль пользователя?",
      body: (name: string) =>
        `${name} получит новый сгенерированный пароль и будет разлогинен на всех устройствах. Пароль будет показан вам один раз, чтобы вы его передали.`,
      confirm: "Сбросить пароль",
      done: (name: string) => `Новый пароль для ${name}`,
      password: "Новый пароль",
    },
    confirmDeactivate: {
      title: "Отключить пользователя?",
      body: (name: string) =>
        `${name} будет разлогинен на всех устройствах и не сможет войти, пока его не включат снова. История сохранится.`,
      confirm: "Отключить",
    },
    confirmDelete: {
      title: "Удалить пользователя?",
      body: (name: string) =>
        `Учётная запись ${name} будет удалена, сеансы завершены. Действия останутся в журнале. Отменить нельзя.`,
      confirm: "Удалить пользователя",
    },
    roleSaved: (name: string) => `Роль пользователя ${name} изменена.`,
    errors: {
      lastOwner:
        "Это последний активный владелец. Сначала назначьте владельцем кого-то ещё, затем меняйте эту учётную запись.",
      ownersOnly: "Только владельцы могут создавать, менять и удалять владельцев.",
      self: "Нельзя отключить или удалить собственную учётную запись.",
      emailTaken: "Пользователь с таким email уже существует.",
      changedElsewhere: "Кто-то другой успел изменить этого пользователя. Список обновлён.",
      notFound: "Этого пользователя больше нет. Список обновлён.",
    },
    create: {
      open: "Добавить пользователя",
      title: "Новый пользователь",
      hint: "Вход — на странице /login с этим email и паролем. Передайте пароль по надёжному каналу.",
      name: "Имя",
      email: "Email",
      role: "Роль",
      password: "Начальный пароль",
      passwordHint: (min: number) => `Не менее ${min} символов.`,
      generate: "Сгенерировать",
      submit: "Создать пользователя",
      submitting: "Создание…",
      cancel: "Отмена",
      problems: {
        required: "Обязательное поле.",
        emailInvalid: "Введите адрес вида name@example.com.",
        passwordTooShort: (min: number) => `Не менее ${min} символов.`,
      },
      created: (name: string) => `${name} теперь может войти.`,
      credentials:
        "Скопируйте данные для входа сейчас: пароль больше не будет показан и его нельзя узнать позже.",
      done: "Готово",
    },
  },
);
