import { normalizeForMatching } from "./normalize-text";

// Function words that would otherwise make every question look like every chunk ("what are your …").
const ENGLISH =
  "a an and are as at be been but by can could did do does for from had has have how i if in is it its me my " +
  "no not of on or our so than that the their them then there these they this to us was we were what when " +
  "where which who why will with would you your";
const RUSSIAN =
  "а без бы был была были было в вам вас весь во вот все всех вы где да для до его ее если есть еще же за и " +
  "из или им их к как ко когда кто ли мне мы на над не нет ни но о об от по под при про с со так также там " +
  "то того тоже у уже что чтобы это эти этот я";
const ARABIC =
  "في من على الى إلى عن مع هل ما ماذا متى اين أين كيف هذا هذه ذلك تلك التي الذي هو هي هم انا أنا نحن انت " +
  "أنت و او أو ثم لا لم لن قد كان كانت يكون ان أن إن كل بعض عند";

export const STOP_WORDS: ReadonlySet<string> = new Set(
  `${ENGLISH} ${RUSSIAN} ${ARABIC}`.split(" ").filter(Boolean).map(normalizeForMatching),
);
