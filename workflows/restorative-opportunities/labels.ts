import type { WorkflowLabels } from '../../domain/workflow';

/** How the Restorative Opportunities workflow, its states and its commands are named to people, in both official languages. */
export const restorativeOpportunitiesLabels: WorkflowLabels = {
  title: { en: 'Restorative Opportunities (victim-offender mediation)', fr: 'Possibilités de justice réparatrice (médiation victime-délinquant)' },
  description: {
    en: 'Referral to the NHQ Restorative Justice Unit, intake assessment (responsibility, safety, no-contact conditions), mediator assignment, separate preparation and consent of each party, choice of model, meeting arrangements, dialogue, follow-up. Voluntary for everyone at every stage.',
    fr: "Renvoi à l'Unité de la justice réparatrice de l'AC, évaluation initiale (responsabilité, sécurité, conditions de non-communication), assignation d'un médiateur, préparation et consentement de chaque partie séparément, choix du modèle, organisation de la rencontre, dialogue, suivi. Volontaire pour tous, à chaque étape.",
  },
  states: {
    awaitingReferral: { en: 'Awaiting a referral', fr: "En attente d'un renvoi" },
    referralReceived: { en: 'Referral received', fr: 'Renvoi reçu' },
    intakeAssessment: { en: 'Intake assessment', fr: 'Évaluation initiale' },
    awaitingMediator: { en: 'Awaiting a mediator', fr: "En attente d'un médiateur" },
    mediatorAssigned: { en: 'Mediator assigned', fr: 'Médiateur assigné' },
    preparation: { en: 'Preparation', fr: 'Préparation' },
    modelSelected: { en: 'Model selected', fr: 'Modèle choisi' },
    meetingArranged: { en: 'Meeting arranged', fr: 'Rencontre organisée' },
    dialogueHeld: { en: 'Dialogue held', fr: 'Dialogue tenu' },
    followUp: { en: 'Follow-up', fr: 'Suivi' },
    closed: { en: 'Closed', fr: 'Fermé' },
    withdrawn: { en: 'Withdrawn', fr: 'Retiré' },
    notSuitable: { en: 'Not suitable', fr: 'Ne convient pas' },
  },
  commands: {
    ReceiveReferral: { en: 'Receive a referral', fr: 'Recevoir un renvoi' },
    BeginIntakeAssessment: { en: 'Begin the intake assessment', fr: "Commencer l'évaluation initiale" },
    AssessIntake: { en: 'Assess the intake', fr: "Conclure l'évaluation initiale" },
    AssignMediator: { en: 'Assign a mediator', fr: 'Assigner un médiateur' },
    ReassignCase: { en: 'Reassign the case', fr: 'Réassigner le dossier' },
    RecordNoContactCondition: { en: 'Record a no-contact condition', fr: 'Consigner une condition de non-communication' },
    RecordConditionAmended: { en: 'Record an amended condition', fr: 'Consigner une condition modifiée' },
    RecordPreparation: { en: 'Record a preparation session', fr: 'Consigner une séance de préparation' },
    AgreeSupportPerson: { en: 'Agree on a support person', fr: "Convenir d'une personne de soutien" },
    SelectModel: { en: 'Select a model', fr: 'Choisir un modèle' },
    ArrangeMeeting: { en: 'Arrange the meeting', fr: 'Organiser la rencontre' },
    RecordDialogue: { en: 'Record the dialogue', fr: 'Consigner le dialogue' },
    BeginFollowUp: { en: 'Begin the follow-up', fr: 'Commencer le suivi' },
    RecordFollowUp: { en: 'Record a follow-up session', fr: 'Consigner une séance de suivi' },
    CloseCase: { en: 'Close the case', fr: 'Fermer le dossier' },
    DetermineNotSuitable: { en: 'Determine not suitable', fr: 'Conclure que le dossier ne convient pas' },
    Withdraw: { en: 'Withdraw', fr: 'Se retirer' },
  },
};
