import { defineError, defineTimeInFuture, defineTooFarAhead, type ErrorTexts } from '../../domain/errors';
import { informationSessionLabels } from './labels';

export const SessionFull = defineError<{ capacity: number }>('INF.SESSION_FULL', 'rule', {
  en: (p) => `The session is full: its ${p.capacity} seats are taken.`,
  fr: (p) => `La séance est complète\u00a0: ses ${p.capacity} places sont prises.`,
});

export const CapacityBelowRegistrations = defineError<{ capacity: number; registered: number }>('INF.CAPACITY_BELOW_REGISTRATIONS', 'rule', {
  en: (p) => `A capacity of ${p.capacity} is less than the ${p.registered} people registered: cancel registrations first, or keep more seats.`,
  fr: (p) => `Une capacité de ${p.capacity} est inférieure aux ${p.registered} personnes inscrites\u00a0: annulez d’abord des inscriptions, ou gardez plus de places.`,
});

/** A unit brings its own people to a group presentation: there is no one to register. */
export const NoRegistrationForUnitPresentation = defineError('INF.NO_REGISTRATION_FOR_UNIT_PRESENTATION', 'rule', {
  en: () => 'A group presentation requested by a unit takes no registrations: the unit brings its people. Record the attendance once it is held.',
  fr: () => 'Une présentation de groupe demandée par une unité ne prend pas d’inscriptions\u00a0: l’unité y amène ses membres. Consignez la participation une fois la présentation donnée.',
});

export const UnknownRegistration = defineError<{ registrationId: string }>('INF.UNKNOWN_REGISTRATION', 'rule', {
  en: (p) => `No standing registration of this session has the id ${p.registrationId}.`,
  fr: (p) => `Aucune inscription en vigueur ne porte l’identifiant ${p.registrationId} pour cette séance.`,
});

export const RegistrationIdTaken = defineError<{ registrationId: string }>('INF.REGISTRATION_ID_TAKEN', 'rule', {
  en: (p) => `The registration id ${p.registrationId} is already used in this session.`,
  fr: (p) => `L’identifiant d’inscription ${p.registrationId} est déjà utilisé pour cette séance.`,
});

/** One person, one seat: a second registration of someone whose registration stands is refused. */
export const AlreadyRegistered = defineError<{ subjectId: string; registrationId: string }>('INF.ALREADY_REGISTERED', 'rule', {
  en: (p) => `The person with id ${p.subjectId} is already registered for this session (registration ${p.registrationId}); a person takes one seat.`,
  fr: (p) => `La personne dont l’identifiant est ${p.subjectId} est déjà inscrite à cette séance (inscription ${p.registrationId})\u00a0; une personne n’occupe qu’une place.`,
});

/** Held recorded, at its scheduled start (no time given), before that start has come. */
export const NotStartedYet = defineError<{ startsAt: string }>('INF.NOT_STARTED_YET', 'rule', {
  en: (p) => `The session has not started yet: it is scheduled to start at ${p.startsAt}. Record it once it has been given, or move it if it was given earlier.`,
  fr: (p) => `La séance n’a pas encore commencé\u00a0: elle doit commencer le ${p.startsAt}. Consignez-la une fois donnée, ou déplacez-la si elle a été donnée plus tôt.`,
});

/** A session is requested (or planned by the program) before it starts: a start before that is a mistake in the input. */
export const StartsBeforeRequest = defineError<{ startsAt: string; requestedAt: string }>('INF.STARTS_BEFORE_REQUEST', 'rule', {
  en: (p) => `The session cannot start at ${p.startsAt}, before it was requested (${p.requestedAt}). Check its start.`,
  fr: (p) => `La séance ne peut pas commencer le ${p.startsAt}, avant d’avoir été demandée (${p.requestedAt}). Vérifiez son heure de début.`,
});

/** The same, beside the field, which a form names already. */
export const STARTS_BEFORE_REQUEST_AT_FIELD: ErrorTexts<{ startsAt: string; requestedAt: string }> = {
  en: (p) => `${p.startsAt} is before the session was requested (${p.requestedAt}).`,
  fr: (p) => `${p.startsAt} précède la demande de la séance (${p.requestedAt}).`,
};

export const HeldBeforeStart = defineError<{ heldAt: string; startsAt: string }>('INF.HELD_BEFORE_START', 'rule', {
  en: (p) => `The session cannot be recorded as held at ${p.heldAt}: it was scheduled to start at ${p.startsAt}. Move it first if it was given earlier.`,
  fr: (p) => `La séance ne peut pas être consignée comme donnée le ${p.heldAt}\u00a0: elle devait commencer le ${p.startsAt}. Déplacez-la d’abord si elle a été donnée plus tôt.`,
});

export const TimeInFuture = defineTimeInFuture('INF.TIME_IN_FUTURE', informationSessionLabels.fields);

/** A planned time more than two years ahead: a mistyped year, not a plan. */
export const TooFarAhead = defineTooFarAhead('INF.TOO_FAR_AHEAD', informationSessionLabels.fields);

export const PresenterChangeRequiresSupervisor = defineError<{ presenterId: string }>('INF.PRESENTER_CHANGE_REQUIRES_SUPERVISOR', 'forbidden', {
  en: (p) => `${p.presenterId} presents this session; only a supervisor can give it to someone else.`,
  fr: (p) => `${p.presenterId} présente cette séance\u00a0; seul le personnel de supervision peut l’attribuer à une autre personne.`,
}, { staff: ['presenterId'] });
