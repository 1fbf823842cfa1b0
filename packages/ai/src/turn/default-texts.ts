import type { TemplateLanguage } from "../rules/language";

/** What the customer receives when a clinic has not written its own template (keyed by template id). */
export const DEFAULT_TEXTS: Record<string, Record<TemplateLanguage, string>> = {
  urgent_emergency_message: {
    en: "This may be urgent. Please call your local emergency number or go to the nearest emergency department now. I'm passing your message to our team so someone contacts you as soon as possible.",
    ru: "Похоже, ситуация может быть срочной. Пожалуйста, вызовите скорую помощь или обратитесь в ближайшее приёмное отделение. Я передаю ваше сообщение команде, чтобы с вами связались как можно скорее.",
    ar: "قد تكون حالتك طارئة. يرجى الاتصال برقم الطوارئ أو التوجه إلى أقرب قسم طوارئ الآن. سأحوّل رسالتك إلى فريقنا ليتواصلوا معك في أسرع وقت.",
  },
  no_med_advice_offer_booking: {
    en: "I understand your concern. I can't give medical advice in this chat, but a doctor can look at it properly. I'm passing your question to our team, and they can book you a consultation.",
    ru: "Понимаю ваше беспокойство. В чате я не могу давать медицинские рекомендации, но врач сможет всё оценить. Я передаю ваш вопрос команде, вам помогут записаться на консультацию.",
    ar: "أتفهم قلقك. لا يمكنني تقديم نصيحة طبية في هذه المحادثة، لكن الطبيب يستطيع تقييم حالتك. سأحوّل سؤالك إلى فريقنا لمساعدتك في حجز استشارة.",
  },
  ask_phone_for_booking: {
    en: "I'd be glad to help you book. Please leave your phone number (or WhatsApp), and our administrator will contact you to choose a convenient time.",
    ru: "С радостью помогу записаться. Оставьте, пожалуйста, номер телефона (или WhatsApp), и администратор свяжется с вами, чтобы подобрать удобное время.",
    ar: "يسعدني مساعدتك في الحجز. يرجى ترك رقم هاتفك (أو واتساب) وسيتواصل معك المسؤول لاختيار الوقت المناسب.",
  },
  handoff_after_phone_stop: {
    en: "Thank you! I've passed your contact to our administrator, who will get in touch with you shortly.",
    ru: "Спасибо! Я передал(а) ваш контакт администратору, он скоро свяжется с вами.",
    ar: "شكرًا لك! لقد حوّلت بيانات التواصل إلى المسؤول وسيتواصل معك قريبًا.",
  },
  repeat_patient_handoff: {
    en: "Thank you! Questions from returning patients are handled by our team personally, so I'm passing your conversation to an administrator.",
    ru: "Спасибо! Вопросы пациентов, которые уже были у нас, ведёт команда лично, поэтому я передаю ваш диалог администратору.",
    ar: "شكرًا لك! يتولى فريقنا أسئلة المراجعين السابقين شخصيًا، لذلك سأحوّل محادثتك إلى المسؤول.",
  },
  moderation_handoff: {
    en: "I'm not able to continue with this here. I've passed the conversation to a member of our team.",
    ru: "Я не могу продолжить этот разговор здесь. Я передал(а) диалог сотруднику клиники.",
    ar: "لا يمكنني متابعة هذا هنا. لقد حوّلت المحادثة إلى أحد أعضاء فريقنا.",
  },
  handoff_message: {
    en: "Thank you! I'm passing your conversation to a member of our team, who will reply here shortly.",
    ru: "Спасибо! Я передаю ваш диалог сотруднику клиники, он скоро ответит здесь.",
    ar: "شكرًا لك! سأحوّل محادثتك إلى أحد أعضاء فريقنا وسيرد عليك هنا قريبًا.",
  },
  llm_error_fallback: {
    en: "Sorry, I can't answer right now. I've passed your message to our team, and someone will reply shortly.",
    ru: "Извините, сейчас я не могу ответить. Я передал(а) ваше сообщение команде, вам скоро ответят.",
    ar: "عذرًا، لا أستطيع الرد الآن. لقد حوّلت رسالتك إلى فريقنا وسيرد عليك أحدهم قريبًا.",
  },
  after_hours_message: {
    en: "We're closed right now; our team will get back to you during working hours.",
    ru: "Сейчас мы не работаем; команда ответит вам в рабочее время.",
    ar: "نحن مغلقون الآن؛ سيرد عليك فريقنا خلال ساعات العمل.",
  },
  unreadable_message_handoff: {
    en: "Sorry, I can only read text messages. I've passed this to our team.",
    ru: "Извините, я понимаю только текстовые сообщения. Я передал(а) это сотруднику клиники.",
    ar: "عذرًا، أستطيع قراءة الرسائل النصية فقط. لقد حوّلت هذا إلى فريقنا.",
  },
};
