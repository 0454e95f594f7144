/** A French elision written with the straight apostrophe (l'action, qu'un), where Mend writes ’. */
const STRAIGHT_ELISION = /(?<![\p{L}'’])(?:[dlnjcsmt]|qu|jusqu|lorsqu|puisqu)'(?=\p{L})/iu;
const NO_BREAK = ['\u00a0', '\u202f'];

/**
 * What a French text people read gets wrong in French typography, as the Translation Bureau sets
 * it and Mend writes it: a no-break space before : ; ? ! (a clause's end, not a time such as 09:00)
 * and inside « », and the typographic apostrophe in elisions (d’abord). An empty list when none.
 */
export function frenchTypographyFaults(text: string): string[] {
  const faults: string[] = [];
  for (const match of text.matchAll(/(.)([:;?!])(?=\s|$)/gu)) {
    if (!NO_BREAK.includes(match[1]!)) faults.push(`"${match[2]}" without a no-break space before it`);
  }
  if (/«(?![\u00a0\u202f])|(?<![\u00a0\u202f])»/u.test(text)) faults.push('« » without no-break spaces inside');
  if (STRAIGHT_ELISION.test(text)) faults.push('an elision with a straight apostrophe');
  return faults.map((fault) => `${fault} in ${JSON.stringify(text)}`);
}
