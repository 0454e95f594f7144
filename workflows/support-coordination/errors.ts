import { defineError, defineTimeInFuture, quoted, type ErrorTexts, type Language } from '../../domain/errors';
import { REGION_NAMES } from '../../domain/region-names';
import { supportCoordinationLabels } from './labels';

/** Regions by their names, and a time zone by its label, in a language (the codes stay in the error's parameters). */
const regionName = (code: string, language: Language) => (REGION_NAMES as Readonly<Record<string, Readonly<Record<Language, string>> | undefined>>)[code]?.[language] ?? code;
const regionList = (codes: string, language: Language) => codes.split(', ').map((code) => regionName(code, language)).join(', ');
const zoneName = (zone: string, language: Language) => supportCoordinationLabels.values[zone]?.[language] ?? zone;

export const RegionNotInTimeZone = defineError<{ region: string; timeZone: string; regions: string }>('RSC.REGION_NOT_IN_TIME_ZONE', 'rule', {
  en: (p) => `The region given (${regionName(p.region, 'en')}) is not on ${zoneName(p.timeZone, 'en')}: that time zone’s coordinators are stationed in ${regionList(p.regions, 'en')}.`,
  fr: (p) =>
    `La région d’affectation indiquée (${regionName(p.region, 'fr')}) ne fait pas partie du fuseau de l’${zoneName(p.timeZone, 'fr').replace(/^Heure/, 'heure')}\u00a0: ce fuseau couvre les régions suivantes, ${regionList(p.regions, 'fr')}.`,
});

export const AlreadyCoordinator = defineError<{ coordinatorId: string }>('RSC.ALREADY_COORDINATOR', 'rule', {
  en: (p) => `${p.coordinatorId} is already the client's coordinator.`,
  fr: (p) => `${p.coordinatorId} est déjà la coordonnatrice ou le coordonnateur de la personne.`,
}, { staff: ['coordinatorId'] });

export const TimeInFuture = defineTimeInFuture('RSC.TIME_IN_FUTURE', supportCoordinationLabels.fields);

export const ContactBeforeOptIn = defineError<{ contactedAt: string; optedInAt: string }>('RSC.CONTACT_BEFORE_OPT_IN', 'rule', {
  en: (p) => `First contact cannot be recorded at ${p.contactedAt}, before the client opted in (${p.optedInAt}).`,
  fr: (p) => `Le premier contact ne peut pas être consigné le ${p.contactedAt}, avant l’adhésion de la personne (${p.optedInAt}).`,
});

/** The same, beside the field, which a form names already. */
export const CONTACT_BEFORE_OPT_IN_AT_FIELD: ErrorTexts<{ contactedAt: string; optedInAt: string }> = {
  en: (p) => `${p.contactedAt} is before the client opted in (${p.optedInAt}).`,
  fr: (p) => `${p.contactedAt} précède l’adhésion de la personne (${p.optedInAt}).`,
};

/** A field of a command as its form names it. */
const field = (name: string, language: Language) => quoted(supportCoordinationLabels.fields, name, language);

/** A value of a field as its form names it. */
const value = (name: string, language: Language) => quoted(supportCoordinationLabels.values, name, language);

/** An opt-in dated before the program was offered: `began` is the year it began. */
export const OptInBeforeProgram = defineError<{ field: string; value: string; began: string }>('RSC.BEFORE_PROGRAM', 'rule', {
  en: (p) => `${field(p.field, 'en')}: ${p.value} is before the Response and Support Coordination program began: it has been offered since ${p.began}.`,
  fr: (p) => `${field(p.field, 'fr')}\u00a0: ${p.value} précède le début du programme de Coordination de l’intervention et du soutien, offert depuis ${p.began}.`,
});

/** The same, beside the field, which a form names already. */
export const BEFORE_PROGRAM_AT_FIELD: ErrorTexts<{ field: string; value: string; began: string }> = {
  en: (p) => `${p.value} is before the Response and Support Coordination program began: it has been offered since ${p.began}.`,
  fr: (p) => `${p.value} précède le début du programme de Coordination de l’intervention et du soutien, offert depuis ${p.began}.`,
};

/** A day of the case before the day the client opted in, both in the coordinator's time zone. */
export const BeforeOptIn = defineError<{ field: string; value: string; optedInOn: string }>('RSC.BEFORE_OPT_IN', 'rule', {
  en: (p) => `${field(p.field, 'en')}: ${p.value} is before the day the client opted in (${p.optedInOn}).`,
  fr: (p) => `${field(p.field, 'fr')}\u00a0: ${p.value} précède le jour de l’adhésion de la personne (${p.optedInOn}).`,
});

/** The same, beside the field, which a form names already. */
export const BEFORE_OPT_IN_AT_FIELD: ErrorTexts<{ field: string; value: string; optedInOn: string }> = {
  en: (p) => `${p.value} is before the day the client opted in (${p.optedInOn}).`,
  fr: (p) => `${p.value} précède le jour de l’adhésion de la personne (${p.optedInOn}).`,
};

/** "With your permission and anonymously if you wish": a referral is made only with the client's permission. */
export const ReferralWithoutConsent = defineError('RSC.REFERRAL_WITHOUT_CONSENT', 'rule', {
  en: () => 'A referral is made only with the client’s permission: record that they agreed (clientConsented: true), anonymously if they wish.',
  fr: () => 'Une orientation ne se fait qu’avec la permission de la personne\u00a0: consignez qu’elle a accepté («\u00a0La personne a accepté\u00a0»), de façon anonyme si elle le souhaite.',
});

export const FormalComplaintAlreadyNoted = defineError<{ status: string }>('RSC.FORMAL_COMPLAINT_ALREADY_NOTED', 'rule', {
  en: (p) => `The client's formal complaint is already noted as ${value(p.status, 'en')}.`,
  fr: (p) => `La plainte officielle de la personne est déjà notée comme ${value(p.status, 'fr')}.`,
});

/** Before first contact, nobody knows whether the client's needs were met: the only closure is that they could not be reached. */
export const ClosedBeforeFirstContact = defineError<{ outcome: string }>('RSC.CLOSED_BEFORE_FIRST_CONTACT', 'rule', {
  en: (p) => `The coordinator has not reached the client yet: the case can be closed only as ${value('unreachable', 'en')}, not as ${value(p.outcome, 'en')}.`,
  fr: (p) => `La coordonnatrice ou le coordonnateur n’a pas encore joint la personne\u00a0: le dossier ne peut être fermé que comme ${value('unreachable', 'fr')}, et non ${value(p.outcome, 'fr')}.`,
});
