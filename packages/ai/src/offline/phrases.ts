import type { TemplateLanguage } from "../rules/language";

interface Names {
  doctor: string;
  clinic: string;
}

/** The offline model's own sentences, per customer language. */
export const PHRASES: Record<
  TemplateLanguage,
  {
    greeting: (n: Names) => string;
    hello: string;
    /** After an answer from the knowledge. */
    more: string;
    unknown: string;
    /** After an answer that covers only part of what was asked. */
    partlyUnknown: string;
    thanks: string;
    askPhone: string;
    handingOver: string;
    /** With a library document attached to the reply. */
    sending: (title: string) => string;
  }
> = {
  en: {
    greeting: (n) =>
      `Hello! This is the assistant of ${n.clinic}, writing for ${n.doctor}. How can I help you: services, prices, doctors, opening hours or booking?`,
    hello: "Hello!",
    more: "Is there anything else I can help with?",
    unknown:
      "I'm sorry, I don't have that information. Would you like me to connect you with our administrator?",
    partlyUnknown:
      "I don't have information on the rest of your question. Would you like me to connect you with our administrator?",
    thanks: "You're welcome! Write any time if you have more questions.",
    askPhone:
      "I'd be glad to help you book a visit. Please leave your phone number, and our administrator will call you to choose a time.",
    handingOver: "I'm passing this to a colleague from our team.",
    sending: (title) => `Here is our "${title}". Is there anything else I can help with?`,
  },
  ru: {
    greeting: (n) =>
      `Здравствуйте! Это ассистент ${n.clinic}, пишу от имени ${n.doctor}. Чем могу помочь: услуги, цены, врачи, часы работы или запись?`,
    hello: "Здравствуйте!",
    more: "Чем ещё могу помочь?",
    unknown:
      "К сожалению, у меня нет этой информации. Хотите, я передам ваш вопрос администратору?",
    partlyUnknown:
      "По остальной части вопроса у меня нет информации. Хотите, я передам его администратору?",
    thanks: "Пожалуйста! Пишите, если появятся вопросы.",
    askPhone:
      "С радостью помогу записаться. Оставьте, пожалуйста, номер телефона, и администратор перезвонит вам, чтобы подобрать время.",
    handingOver: "Я передаю ваш вопрос коллеге из нашей команды.",
    sending: (title) => `Отправляю вам «${title}». Чем ещё могу помочь?`,
  },
  ar: {
    greeting: (n) =>
      `مرحبًا! معك مساعد ${n.clinic} نيابةً عن ${n.doctor}. كيف يمكنني مساعدتك: الخدمات، الأسعار، الأطباء، ساعات العمل أو الحجز؟`,
    hello: "مرحبًا!",
    more: "هل يمكنني مساعدتك بشيء آخر؟",
    unknown: "عذرًا، لا تتوفر لدي هذه المعلومة. هل تريد أن أوصلك بالمسؤول؟",
    partlyUnknown: "لا تتوفر لدي معلومات عن باقي سؤالك. هل تريد أن أوصلك بالمسؤول؟",
    thanks: "على الرحب والسعة! راسلنا في أي وقت.",
    askPhone: "يسعدني مساعدتك في الحجز. يرجى ترك رقم هاتفك وسيتصل بك المسؤول لاختيار الموعد.",
    handingOver: "سأحوّل طلبك إلى أحد زملائي في الفريق.",
    sending: (title) => `إليك «${title}». هل يمكنني مساعدتك بشيء آخر؟`,
  },
};

/** Word lists the offline model reacts to (matched on whole words after normalisation). */
export const INTENT_WORDS = {
  greeting: [
    "hi",
    "hello",
    "hey",
    "good morning",
    "good afternoon",
    "good evening",
    "greetings",
    "привет",
    "здравствуйте",
    "здравствуй",
    "добрый день",
    "добрый вечер",
    "доброе утро",
    "салам",
    "مرحبا",
    "السلام عليكم",
    "اهلا",
    "هلا",
  ],
  thanks: ["thanks", "thank you", "thx", "спасибо", "благодарю", "شكرا"],
  booking: [
    "book",
    "booking",
    "appointment",
    "reserve",
    "schedule a visit",
    "make a visit",
    "записаться",
    "запишите",
    "записать",
    "запись",
    "приём",
    "прием",
    "موعد",
    "حجز",
    "احجز",
  ],
  human: [
    "human",
    "operator",
    "administrator",
    "admin",
    "manager",
    "real person",
    "оператор",
    "администратор",
    "менеджер",
    "человек",
    "живой человек",
    "موظف",
    "المسؤول",
    "انسان",
  ],
  yes: [
    "yes",
    "yeah",
    "sure",
    "ok",
    "okay",
    "please do",
    "да",
    "давайте",
    "хорошо",
    "конечно",
    "نعم",
    "اكيد",
  ],
};

/**
 * Questions name a topic in words the knowledge may not use ("where are you?" / "our address is …"):
 * when a question uses a trigger, the topic's words count as asked for too.
 */
export const TOPICS: { triggers: string[]; words: string[] }[] = [
  {
    triggers: [
      "where",
      "located",
      "location",
      "address",
      "find you",
      "get to you",
      "directions",
      "где",
      "находитесь",
      "адрес",
      "добраться",
      "доехать",
      "найти",
      "أين",
      "اين",
      "عنوان",
      "موقع",
    ],
    words: ["address", "located", "адрес", "находится", "عنوان"],
  },
  {
    triggers: [
      "how much",
      "cost",
      "price",
      "prices",
      "fee",
      "сколько стоит",
      "цена",
      "цены",
      "стоимость",
      "بكم",
      "سعر",
      "تكلفة",
    ],
    words: ["cost", "price", "стоит", "цена", "سعر"],
  },
  {
    triggers: [
      "open",
      "opening",
      "hours",
      "working hours",
      "работаете",
      "часы работы",
      "график",
      "открыты",
      "متى",
      "ساعات",
    ],
    words: ["open", "hours", "работает", "закрыта", "ساعات"],
  },
  {
    triggers: ["phone number", "call you", "contact you", "телефон", "позвонить", "هاتف", "رقم"],
    words: ["phone", "телефон", "هاتف"],
  },
];
