import type { KnowledgeSource } from "../src/rag/types";

export const CHUNKING = { targetSize: 300, overlap: 60 };

export const hours: KnowledgeSource = {
  id: "location_hours",
  title: "Opening hours",
  content:
    "## Opening hours\n\nWe are open Monday to Friday from 09:00 to 18:00 and on Saturday from 10:00 to 14:00. " +
    "On Sunday and public holidays the clinic is closed.\n\n" +
    "Appointments outside these hours are possible on request for existing patients.",
};

export const prices: KnowledgeSource = {
  id: "services",
  title: "Services and prices",
  type: "text",
  content:
    "A first consultation with a dermatologist costs 500 AED. Follow-up visits cost 300 AED. " +
    "Laser hair removal starts at 400 AED per zone; a full-body package costs 2,500 AED.\n\n" +
    "Botox is priced per unit at 35 AED. Chemical peels cost from 600 AED depending on the depth of the peel. " +
    "Payment by card or cash; instalments are available for packages above 2,000 AED.",
};

export const about: KnowledgeSource = {
  id: "clinic_about",
  title: "About the clinic",
  content:
    "Elemental Clinic is a dermatology and aesthetic medicine clinic in Dubai. Our board-certified doctors " +
    "have more than 15 years of experience treating skin conditions and hair loss. " +
    "The clinic is located at 12 Sheikh Zayed Road, Office 405; free parking is available in the basement.",
};

export const russian: KnowledgeSource = {
  id: "faq_ru",
  title: "Вопросы и ответы",
  content:
    "Часы работы клиники: с понедельника по пятницу с 9:00 до 18:00, в субботу с 10:00 до 14:00. " +
    "Воскресенье — выходной. Записаться можно по телефону или в чате.",
};

export const arabic: KnowledgeSource = {
  id: "faq_ar",
  title: "الأسئلة الشائعة",
  content:
    "ساعات العمل: من الاثنين إلى الجمعة من الساعة 9 صباحاً حتى 6 مساءً. الاستشارة الأولى تكلف 500 درهم.",
};

export const SOURCES = [hours, prices, about, russian, arabic];
