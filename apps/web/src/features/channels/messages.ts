import type { WebhookDeliveries, WebhookSecret } from "@agents-crm/config/webhook-secrets";
import { defineMessages } from "~/i18n/define";

export const channels = defineMessages(
  {
    title: "Channels",
    intro:
      "Connect the accounts this agent answers on. Tokens are stored encrypted and never shown again.",
    loadFailed: "Could not load the channels.",
    empty: "No channel is connected yet. Pick one below to connect it.",
    connect: "Connect",
    connectChannel: (channel: string) => `Connect ${channel}`,
    connecting: "Connecting…",
    states: {
      active: "Active",
      unverified: "Not verified",
      error: "Needs attention",
      inactive: "Inactive",
    },
    account: "Account",
    verify: "Verify",
    verifying: "Checking…",
    activate: "Activate",
    deactivate: "Deactivate",
    edit: "Change credentials",
    delete: "Delete",
    deleteTitle: "Delete this channel?",
    deleteBody: (channel: string, account: string) =>
      `The agent stops answering on ${channel} (${account}). The token is erased; conversations stay.`,
    deleteConfirm: "Delete channel",
    health: {
      title: "Health",
      twilioCredentials: "Twilio account SID / auth token",
      twilioSource: { binding: "this binding's", channel_settings: "from Channel settings" },
      lastEvent: "Last message received",
      never: "never",
      lastError: "Last error",
      none: "none",
      deadLetters: "Failed events",
      token: "Access token",
      tokenValid: (date: string, days: number) =>
        `valid until ${date} (${days} ${days === 1 ? "day" : "days"}); refreshed automatically`,
      tokenUnknown: "expiry not known yet: refreshed automatically once it is a day old",
      tokenExpired: (date: string) => `expired on ${date}: connect the account again (a new token)`,
      tokenRevoked: (reason: string) =>
        `revoked or expired: connect the account again (a new token). Instagram said: ${reason}`,
      tokenRefreshFailed: (reason: string) => `could not be refreshed, retried hourly: ${reason}`,
      platformSaid: (message: string) => `the platform's own words: ${message}`,
    },
    errors: {
      no_access_token: "No access token is stored: add one with Change credentials.",
      telegram_wrong_bot: (bot: string, bound: string) =>
        `The token belongs to bot ${bot}, not to the connected bot ${bound}.`,
      telegram_webhook: (message: string) =>
        `Telegram refused the webhook. Telegram's own words: ${message}`,
      twilio_no_credentials:
        "No Twilio account SID or auth token: give them on this binding or in Channel settings.",
      twilio_auth_refused: (sid: string) =>
        `Twilio refused the auth token for account ${sid}: check the auth token (this binding or Channel settings).`,
      twilio_no_account: (sid: string) =>
        `Twilio has no account ${sid}: check the account SID (this binding or Channel settings).`,
      twilio_account_inactive: (sid: string, status: string) =>
        `The Twilio account ${sid} is not active (Twilio says ${status}).`,
      window: {
        whatsapp_24h:
          "A reply was not sent: WhatsApp allows free-form messages only within 24 hours of the customer's last message.",
        instagram_24h_automated:
          "An agent's reply was not sent: Instagram allows automated replies only within 24 hours of the customer's last message.",
        instagram_7d_human:
          "A reply was not sent: Instagram allows a person to reply only within 7 days of the customer's last message.",
      },
    },
    groups: {
      label: "Answer in groups where the bot is mentioned or replied to",
      offHint:
        "Off: messages in groups, supergroups and channels are ignored; only private chats are customers.",
      onHint:
        "On: in a group the bot answers only a message that mentions its @username or replies to it; each group is one conversation, with each sender's name shown.",
    },
    tokenAlert: {
      revoked: (account: string) => `Instagram ${account}: the access token was revoked`,
      refreshFailed: (account: string) =>
        `Instagram ${account}: the access token could not be refreshed`,
      open: "Open the agent's channels",
      dismiss: "Dismiss",
    },
    verifyResult: {
      telegramOk: (bot: string) => `Telegram accepted the token: bot ${bot}.`,
      metaOk: (account: string) => `Meta accepted the token for ${account}.`,
      twilioOk: (account: string) => `Twilio accepted the credentials: ${account}.`,
      twilioSandbox:
        "The sender is Twilio's WhatsApp sandbox: only people who joined your sandbox can write to it.",
      twilioSender: {
        not_on_account: (sender: string) =>
          `${sender} is not a WhatsApp sender of this Twilio account. Check the sender, or the account SID and auth token.`,
        not_whatsapp: (sender: string) =>
          `${sender} belongs to this Twilio account but is not registered for WhatsApp. Register it in Twilio's console: Messaging → Senders → WhatsApp senders.`,
        not_online: (sender: string, status: string) =>
          `The WhatsApp sender ${sender} is not online yet (Twilio says ${status}). Finish its registration in Twilio's console.`,
      },
      failed: (reason: string) => `The platform refused: ${reason}`,
      unverified: (reason: string) => `Could not ask the platform: ${reason}`,
      webhookSet: (url: string) => `Webhook registered: ${url}`,
      webhookNotConfigured:
        "Webhook not registered: APP_URL is not set on the API, so Telegram has no address to post updates to.",
      webhookFailed: (reason: string) => `Telegram refused the webhook: ${reason}`,
    },
    form: {
      accountId: {
        instagram: "Instagram account ID",
        whatsapp: "Phone number ID",
        telegram: "Bot ID",
      },
      accountIdHint: {
        instagram: "A number, shown next to the account where you generated the token.",
        whatsapp: "A number from WhatsApp → API Setup (not the phone number itself).",
        telegram: "Taken from the token.",
      },
      accessToken: {
        instagram: "Access token",
        whatsapp: "Permanent access token",
        telegram: "Bot token",
      },
      appSecret: "Meta app secret",
      appSecretHint:
        "Lets the API check that webhooks really come from Meta. Without it, or the app secret set on the API, Meta's deliveries are refused.",
      username: "Username (optional)",
      usernameHint: "Filled in by Verify when left empty.",
      keepSecret: "Leave empty to keep the stored one.",
      save: "Save",
      cancel: "Cancel",
      required: "Required.",
      telegramToken: "This is not a bot token: it looks like 123456789:AAE… (from @BotFather).",
      numericId: "Use the numeric ID, digits only.",
      twilioSender:
        "Write the sender as whatsapp: and the number with its country code, e.g. whatsapp:+14155238886.",
      twilioAccountSid: "An account SID is AC followed by 32 letters a–f and digits.",
    },
    webhook: {
      title: "Webhook for Meta",
      url: "Callback URL",
      verifyToken: "Verify token",
      verifyTokenValue: (variable: string) =>
        `the value of ${variable} in the API's settings (ask whoever deployed it if you do not know it)`,
      verifyTokenMissing: (variable: string) =>
        `not set yet: whoever deployed the API must set ${variable}, then Meta can verify this URL`,
      appSecretMissing: (variable: string) =>
        `${variable} is not set on the API: Meta's deliveries can only be checked with the app secret saved with each account; without either they are refused.`,
      fromAppUrl: "This is the public address the API was deployed with (APP_URL).",
      notHttps:
        "This console is not on a public https:// address, so Meta cannot reach this URL. Open the console through your public domain to get the right one.",
      copy: "Copy",
      copied: "Copied",
    },
    provider: {
      legend: "WhatsApp provider",
      names: { meta: "Meta Cloud API", twilio: "Twilio" },
      hint: {
        meta: "Your own app at developers.facebook.com sends and receives the messages.",
        twilio: "Your Twilio account sends and receives the messages (a Twilio WhatsApp sender).",
      },
    },
    twilio: {
      sender: "Twilio WhatsApp sender",
      senderHint: "As Twilio writes it: whatsapp:+ and the number with its country code.",
      accountSid: "Account SID",
      accountSidOptional: "Account SID (optional)",
      accountSidHint: "Starts with AC; on the Twilio console's home page under Account info.",
      authToken: "Auth token",
      authTokenOptional: "Auth token (optional)",
      authTokenHint:
        "Next to the account SID (press Show). It signs Twilio's webhooks, so it is also how they are checked.",
      fromSettings: "Leave empty to use the one in Channel settings.",
      useSettingsToken: "Use the auth token from Channel settings instead of this binding's own",
      webhookTitle: "Webhook for Twilio",
      webhookUrl: "When a message comes in",
      statusCallbacks:
        "Delivery statuses need no setup: each reply asks Twilio to report to this server.",
      notHttps:
        "This console is not on a public https:// address, so Twilio cannot reach this URL. Open the console through your public domain to get the right one.",
      steps: {
        step1:
          "In the Twilio console open Messaging → Senders → WhatsApp senders (or the WhatsApp sandbox) and copy the sender's number.",
        step2:
          "Copy the Account SID and Auth token from the console's home page (Account info), unless an admin already saved them in Channel settings.",
        step3:
          "In the sender's settings paste the URL below into “Webhook URL for incoming messages” (method HTTP POST) and save.",
      },
    },
    guides: {
      telegram: {
        step1:
          "In Telegram, open @BotFather and send /newbot (or /mybots to pick a bot you already have).",
        step2:
          "Choose a name and a username ending in “bot”. BotFather answers with a token like 123456789:AAE…",
        step3:
          "Paste the token below and press Connect. The console checks it with Telegram and registers the webhook for you.",
      },
      instagram: {
        step1: "The Instagram account must be a professional (Business or Creator) account.",
        step2:
          "At developers.facebook.com open your app → Instagram → API setup with Instagram login. Add the account and press Generate token. Copy the token and the account ID shown next to it.",
        step3: "App settings → Basic → App secret (press Show) — paste it below too.",
        step4:
          "In Configure webhooks paste the callback URL and verify token shown below, press Verify and save, then subscribe to “messages”.",
      },
      whatsapp: {
        step1:
          "At developers.facebook.com open your app → WhatsApp → API Setup and copy the Phone number ID.",
        step2:
          "Create a permanent token: Business settings → Users → System users → Generate new token, with whatsapp_business_messaging and whatsapp_business_management. (The token on API Setup expires after 24 hours.)",
        step3: "App settings → Basic → App secret (press Show) — paste it below too.",
        step4:
          "WhatsApp → Configuration → Webhook: paste the callback URL and verify token shown below, then subscribe to “messages”.",
      },
    },
    secrets: {
      title: "Webhook secrets missing",
      missing: {
        app_secret: (variable: string | null) =>
          `Meta app secret: set ${variable ?? "the app secret"} on the API, or save this account's app secret (Change credentials).`,
        verify_token: (variable: string | null) =>
          `Verify token: set ${variable ?? "the verify token"} on the API, so Meta can check the callback URL when you subscribe it.`,
        webhook_secret: (variable: string | null) =>
          variable
            ? `Telegram secret token: set ${variable} on the API, then press Verify to register the webhook with a secret.`
            : "Telegram secret token: press Verify to register the webhook with a secret.",
        twilio_account_sid: (variable: string | null) =>
          `Twilio account SID: set it in Channel settings (or ${variable ?? "TWILIO_ACCOUNT_SID"} on the API), or save it with this binding.`,
        twilio_auth_token: (variable: string | null) =>
          `Twilio auth token: set it in Channel settings (or ${variable ?? "TWILIO_AUTH_TOKEN"} on the API), or save it with this binding (Change credentials). Twilio's signatures are checked with it.`,
      } satisfies Record<WebhookSecret, (variable: string | null) => string>,
      deliveries: {
        verified: "Incoming messages are verified.",
        refused:
          "Until then the platform's deliveries to this account are refused: the agent neither sees nor answers them.",
        accepted_unverified:
          "Until then deliveries are accepted WITHOUT verification, because ALLOW_UNSIGNED_WEBHOOKS is on. Development only: anyone could post messages as the platform.",
      } satisfies Record<WebhookDeliveries, string>,
      addAppSecret: "Add the app secret",
    },
    dead: {
      title: "Failed events",
      intro:
        "Messages that could not be processed or delivered after several attempts. Replay puts one back in the queue.",
      empty: "No failed events. Everything was processed.",
      loadFailed: "Could not load failed events.",
      inbound: "Incoming",
      delivery: "Outgoing",
      media: "Customer's files not downloaded",
      files: "Files",
      fileKinds: {
        image: "Photo",
        video: "Video",
        audio: "Audio",
        voice: "Voice message",
        document: "Document",
        sticker: "Sticker",
      },
      attempts: (n: number) => (n === 1 ? "1 attempt" : `${n} attempts`),
      failedAt: "Failed",
      lastError: (error: string) => `Last error (the system's own words): ${error}`,
      replay: "Replay",
      replaying: "Replaying…",
      replayed: "Back in the queue.",
      openConversation: "Open conversation",
    },
  },
  {
    title: "Каналы",
    intro:
      "Подключите аккаунты, в которых отвечает этот агент. Токены хранятся зашифрованными и больше не показываются.",
    loadFailed: "Не удалось загрузить каналы.",
    empty: "Ни один канал пока не подключён. Выберите канал ниже.",
    connect: "Подключить",
    connectChannel: (channel: string) => `Подключить ${channel}`,
    connecting: "Подключение…",
    states: {
      active: "Работает",
      unverified: "Не проверен",
      error: "Требует внимания",
      inactive: "Выключен",
    },
    account: "Аккаунт",
    verify: "Проверить",
    verifying: "Проверка…",
    activate: "Включить",
    deactivate: "Выключить",
    edit: "Сменить данные доступа",
    delete: "Удалить",
    deleteTitle: "Удалить канал?",
    deleteBody: (channel: string, account: string) =>
      `Агент перестанет отвечать в ${channel} (${account}). Токен будет стёрт, диалоги сохранятся.`,
    deleteConfirm: "Удалить канал",
    health: {
      title: "Состояние",
      twilioCredentials: "Account SID / Auth token Twilio",
      twilioSource: { binding: "свой", channel_settings: "из настроек каналов" },
      lastEvent: "Последнее входящее",
      never: "ещё не было",
      lastError: "Последняя ошибка",
      none: "нет",
      deadLetters: "Сбойные события",
      token: "Токен доступа",
      tokenValid: (date: string, days: number) =>
        `действует до ${date} (дней: ${days}); продлевается автоматически`,
      tokenUnknown: "срок пока неизвестен: продлится автоматически, когда токену будет сутки",
      tokenExpired: (date: string) => `истёк ${date}: подключите аккаунт заново (новый токен)`,
      tokenRevoked: (reason: string) =>
        `отозван или истёк: подключите аккаунт заново (новый токен). Ответ Instagram: ${reason}`,
      tokenRefreshFailed: (reason: string) => `не удалось продлить, повтор каждый час: ${reason}`,
      platformSaid: (message: string) => `ответ платформы (как есть): ${message}`,
    },
    errors: {
      no_access_token: "Токен доступа не сохранён: добавьте его кнопкой «Сменить данные доступа».",
      telegram_wrong_bot: (bot: string, bound: string) =>
        `Токен принадлежит боту ${bot}, а не подключённому боту ${bound}.`,
      telegram_webhook: (message: string) =>
        `Telegram не принял вебхук. Ответ Telegram (как есть): ${message}`,
      twilio_no_credentials:
        "Нет Account SID или Auth token Twilio: укажите их в этом подключении или в настройках каналов.",
      twilio_auth_refused: (sid: string) =>
        `Twilio не принял Auth token для аккаунта ${sid}: проверьте Auth token (в этом подключении или в настройках каналов).`,
      twilio_no_account: (sid: string) =>
        `В Twilio нет аккаунта ${sid}: проверьте Account SID (в этом подключении или в настройках каналов).`,
      twilio_account_inactive: (sid: string, status: string) =>
        `Аккаунт Twilio ${sid} не активен (статус в Twilio: ${status}).`,
      window: {
        whatsapp_24h:
          "Ответ не отправлен: WhatsApp разрешает обычные сообщения только в течение 24 часов после последнего сообщения клиента.",
        instagram_24h_automated:
          "Ответ агента не отправлен: Instagram разрешает автоматические ответы только в течение 24 часов после последнего сообщения клиента.",
        instagram_7d_human:
          "Ответ не отправлен: Instagram разрешает сотруднику ответить только в течение 7 дней после последнего сообщения клиента.",
      },
    },
    groups: {
      label: "Отвечать в группах, где бота упомянули или ответили ему",
      offHint:
        "Выключено: сообщения в группах, супергруппах и каналах не обрабатываются; клиенты — только личные чаты.",
      onHint:
        "Включено: в группе бот отвечает только на сообщение с его @username или ответ на его сообщение; каждая группа — один диалог, с именем каждого отправителя.",
    },
    tokenAlert: {
      revoked: (account: string) => `Instagram ${account}: токен доступа отозван`,
      refreshFailed: (account: string) => `Instagram ${account}: не удалось продлить токен доступа`,
      open: "Открыть каналы агента",
      dismiss: "Закрыть",
    },
    verifyResult: {
      telegramOk: (bot: string) => `Telegram принял токен: бот ${bot}.`,
      metaOk: (account: string) => `Meta приняла токен для ${account}.`,
      twilioOk: (account: string) => `Twilio принял данные доступа: ${account}.`,
      twilioSandbox:
        "Отправитель — песочница WhatsApp в Twilio: писать в неё могут только те, кто присоединился к вашей песочнице.",
      twilioSender: {
        not_on_account: (sender: string) =>
          `${sender} не является отправителем WhatsApp этого аккаунта Twilio. Проверьте отправителя либо Account SID и Auth token.`,
        not_whatsapp: (sender: string) =>
          `Номер ${sender} есть в аккаунте Twilio, но не зарегистрирован для WhatsApp. Зарегистрируйте его в консоли Twilio: Messaging → Senders → WhatsApp senders.`,
        not_online: (sender: string, status: string) =>
          `Отправитель WhatsApp ${sender} ещё не в сети (статус в Twilio: ${status}). Завершите его регистрацию в консоли Twilio.`,
      },
      failed: (reason: string) => `Платформа отказала: ${reason}`,
      unverified: (reason: string) => `Не удалось связаться с платформой: ${reason}`,
      webhookSet: (url: string) => `Вебхук зарегистрирован: ${url}`,
      webhookNotConfigured:
        "Вебхук не зарегистрирован: в API не задан APP_URL, и Telegram некуда присылать обновления.",
      webhookFailed: (reason: string) => `Telegram не принял вебхук: ${reason}`,
    },
    form: {
      accountId: {
        instagram: "ID аккаунта Instagram",
        whatsapp: "ID номера телефона (Phone number ID)",
        telegram: "ID бота",
      },
      accountIdHint: {
        instagram: "Число, которое показано рядом с аккаунтом там, где вы получили токен.",
        whatsapp: "Число из раздела WhatsApp → API Setup (не сам номер телефона).",
        telegram: "Берётся из токена.",
      },
      accessToken: {
        instagram: "Токен доступа",
        whatsapp: "Постоянный токен доступа",
        telegram: "Токен бота",
      },
      appSecret: "Секрет приложения Meta",
      appSecretHint:
        "Позволяет проверять, что вебхуки действительно приходят от Meta. Без него (или секрета приложения в настройках API) доставки Meta отклоняются.",
      username: "Имя пользователя (необязательно)",
      usernameHint: "Если оставить пустым, заполнится при проверке.",
      keepSecret: "Оставьте пустым, чтобы сохранить текущий.",
      save: "Сохранить",
      cancel: "Отмена",
      required: "Обязательное поле.",
      telegramToken: "Это не токен бота: он выглядит как 123456789:AAE… (выдаёт @BotFather).",
      numericId: "Укажите числовой ID, только цифры.",
      twilioSender:
        "Укажите отправителя как whatsapp: и номер с кодом страны, например whatsapp:+14155238886.",
      twilioAccountSid: "Account SID — это AC и ещё 32 символа: буквы a–f и цифры.",
    },
    webhook: {
      title: "Вебхук для Meta",
      url: "Callback URL",
      verifyToken: "Verify token",
      verifyTokenValue: (variable: string) =>
        `значение ${variable} в настройках API (спросите того, кто его разворачивал, если не знаете)`,
      verifyTokenMissing: (variable: string) =>
        `ещё не задан: тот, кто разворачивал API, должен задать ${variable}, после этого Meta сможет проверить этот URL`,
      appSecretMissing: (variable: string) =>
        `${variable} не задан в API: доставки Meta можно проверить только секретом приложения, сохранённым с каждым аккаунтом; без того и другого они отклоняются.`,
      fromAppUrl: "Это публичный адрес, с которым развёрнут API (APP_URL).",
      notHttps:
        "Консоль открыта не по публичному адресу https://, поэтому Meta не сможет достучаться до этого URL. Откройте консоль через ваш публичный домен, чтобы получить правильный адрес.",
      copy: "Копировать",
      copied: "Скопировано",
    },
    provider: {
      legend: "Провайдер WhatsApp",
      names: { meta: "Meta Cloud API", twilio: "Twilio" },
      hint: {
        meta: "Сообщения отправляет и принимает ваше приложение на developers.facebook.com.",
        twilio:
          "Сообщения отправляет и принимает ваш аккаунт Twilio (отправитель WhatsApp в Twilio).",
      },
    },
    twilio: {
      sender: "Отправитель WhatsApp в Twilio",
      senderHint: "Как его пишет Twilio: whatsapp:+ и номер с кодом страны.",
      accountSid: "Account SID",
      accountSidOptional: "Account SID (необязательно)",
      accountSidHint: "Начинается с AC; на главной странице консоли Twilio, в блоке Account info.",
      authToken: "Auth token",
      authTokenOptional: "Auth token (необязательно)",
      authTokenHint:
        "Рядом с Account SID (нажмите Show). Им Twilio подписывает вебхуки, поэтому им же они проверяются.",
      fromSettings: "Оставьте пустым, чтобы использовать значение из настроек каналов.",
      useSettingsToken: "Использовать Auth token из настроек каналов вместо собственного",
      webhookTitle: "Вебхук для Twilio",
      webhookUrl: "Когда приходит сообщение",
      statusCallbacks:
        "Статусы доставки настраивать не нужно: с каждым ответом Twilio получает адрес этого сервера для отчётов.",
      notHttps:
        "Консоль открыта не по публичному адресу https://, поэтому Twilio не сможет обратиться по этому URL. Откройте консоль через ваш публичный домен, чтобы получить правильный адрес.",
      steps: {
        step1:
          "В консоли Twilio откройте Messaging → Senders → WhatsApp senders (или песочницу WhatsApp) и скопируйте номер отправителя.",
        step2:
          "Скопируйте Account SID и Auth token с главной страницы консоли (Account info), если администратор ещё не сохранил их в настройках каналов.",
        step3:
          "В настройках отправителя вставьте URL ниже в поле «Webhook URL for incoming messages» (метод HTTP POST) и сохраните.",
      },
    },
    guides: {
      telegram: {
        step1:
          "В Telegram откройте @BotFather и отправьте /newbot (или /mybots, чтобы выбрать существующего бота).",
        step2:
          "Придумайте имя и username, оканчивающийся на «bot». BotFather пришлёт токен вида 123456789:AAE…",
        step3:
          "Вставьте токен ниже и нажмите «Подключить». Консоль проверит его в Telegram и сама зарегистрирует вебхук.",
      },
      instagram: {
        step1: "Аккаунт Instagram должен быть профессиональным (бизнес или автор).",
        step2:
          "На developers.facebook.com откройте приложение → Instagram → API setup with Instagram login. Добавьте аккаунт и нажмите Generate token. Скопируйте токен и ID аккаунта рядом с ним.",
        step3: "App settings → Basic → App secret (кнопка Show) — его тоже вставьте ниже.",
        step4:
          "В Configure webhooks вставьте Callback URL и Verify token, показанные ниже, нажмите Verify and save и подпишитесь на «messages».",
      },
      whatsapp: {
        step1:
          "На developers.facebook.com откройте приложение → WhatsApp → API Setup и скопируйте Phone number ID.",
        step2:
          "Создайте постоянный токен: Business settings → Users → System users → Generate new token с правами whatsapp_business_messaging и whatsapp_business_management. (Токен на странице API Setup живёт 24 часа.)",
        step3: "App settings → Basic → App secret (кнопка Show) — его тоже вставьте ниже.",
        step4:
          "WhatsApp → Configuration → Webhook: вставьте Callback URL и Verify token, показанные ниже, и подпишитесь на «messages».",
      },
    },
    secrets: {
      title: "Не хватает секретов вебхука",
      missing: {
        app_secret: (variable: string | null) =>
          `Секрет приложения Meta: задайте ${variable ?? "секрет приложения"} в настройках API или сохраните секрет приложения этого аккаунта («Сменить данные доступа»).`,
        verify_token: (variable: string | null) =>
          `Verify token: задайте ${variable ?? "verify token"} в настройках API, чтобы Meta смогла проверить Callback URL при подписке.`,
        webhook_secret: (variable: string | null) =>
          variable
            ? `Секретный токен Telegram: задайте ${variable} в настройках API, затем нажмите «Проверить», чтобы зарегистрировать вебхук с секретом.`
            : "Секретный токен Telegram: нажмите «Проверить», чтобы зарегистрировать вебхук с секретом.",
        twilio_account_sid: (variable: string | null) =>
          `Account SID Twilio: задайте его в настройках каналов (или ${variable ?? "TWILIO_ACCOUNT_SID"} в настройках API) либо сохраните его с этой привязкой.`,
        twilio_auth_token: (variable: string | null) =>
          `Auth token Twilio: задайте его в настройках каналов (или ${variable ?? "TWILIO_AUTH_TOKEN"} в настройках API) либо сохраните его с этой привязкой («Сменить данные доступа»). Им проверяются подписи Twilio.`,
      },
      deliveries: {
        verified: "Входящие сообщения проверяются.",
        refused:
          "Пока их нет, доставки платформы для этого аккаунта отклоняются: агент их не видит и не отвечает на них.",
        accepted_unverified:
          "Пока их нет, доставки принимаются БЕЗ проверки, потому что включён ALLOW_UNSIGNED_WEBHOOKS. Только для разработки: кто угодно может прислать сообщения от имени платформы.",
      },
      addAppSecret: "Добавить секрет приложения",
    },
    dead: {
      title: "Сбойные события",
      intro:
        "Сообщения, которые не удалось обработать или доставить после нескольких попыток. «Повторить» вернёт событие в очередь.",
      empty: "Сбойных событий нет. Всё обработано.",
      loadFailed: "Не удалось загрузить сбойные события.",
      inbound: "Входящее",
      delivery: "Исходящее",
      media: "Файлы клиента не загружены",
      files: "Файлы",
      fileKinds: {
        image: "Фото",
        video: "Видео",
        audio: "Аудио",
        voice: "Голосовое сообщение",
        document: "Документ",
        sticker: "Стикер",
      },
      attempts: (n: number) => `попыток: ${n}`,
      failedAt: "Сбой",
      lastError: (error: string) => `Последняя ошибка (как есть): ${error}`,
      replay: "Повторить",
      replaying: "Повтор…",
      replayed: "Возвращено в очередь.",
      openConversation: "Открыть диалог",
    },
  },
);
