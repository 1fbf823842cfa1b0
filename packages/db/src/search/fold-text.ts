/**
 * Folds text so that what staff type matches what customers wrote: lower case, accents and other
 * combining marks dropped (NFKD), Russian ё→е (й kept: it is a letter, not an accented и), Arabic
 * tashkeel and tatweel dropped, alef forms (أ إ آ ٱ) → ا, ى → ي, ة → ه, Arabic-Indic digits → 0-9.
 */
export function foldText(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize("NFKD")
      // NFKD splits й into и + breve: put it back before the marks go.
      .replace(/и\u0306/g, "й")
      .replace(/\p{M}/gu, "")
      .replace(/ё/g, "е")
      .replace(/\u0640/g, "")
      .replace(/[\u0671\u0672\u0673\u0675]/g, "\u0627")
      .replace(/\u0649/g, "\u064a")
      .replace(/\u0629/g, "\u0647")
      .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
      .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
  );
}
