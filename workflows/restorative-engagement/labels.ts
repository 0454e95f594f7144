import type { WorkflowLabels } from '../../domain/workflow';

/** How the Restorative Engagement workflow, its states and its commands are named to people, in both official languages. */
export const restorativeEngagementLabels: WorkflowLabels = {
  title: { en: 'Restorative Engagement', fr: 'Engagement réparateur' },
  description: {
    en: 'A class member of the CAF-DND Sexual Misconduct Class Action Settlement in the SMSRC Restorative Engagement program: opt-in within 30 days of the initial claim decision, a restorative practitioner, then preparation, engagement and reflection.',
    fr: "Un membre du groupe visé par le Règlement de l'action collective relative à l'inconduite sexuelle dans les FAC et au MDN, dans le programme d'engagement réparateur du CIITS : adhésion dans les 30 jours suivant la décision initiale sur la réclamation, un praticien en approche réparatrice, puis préparation, engagement et réflexion.",
  },
  states: {
    new: { en: 'New', fr: 'Nouveau' },
    optInReceived: { en: 'Opt-in received', fr: 'Adhésion reçue' },
    awaitingPractitioner: { en: 'Awaiting a practitioner', fr: "En attente d'un praticien" },
    phase1: { en: 'Phase 1: preparation', fr: 'Phase 1 : préparation' },
    phase2: { en: 'Phase 2: engagement', fr: 'Phase 2 : engagement' },
    'phase2.choosingOptions': { en: 'Choosing options', fr: 'Choix des options' },
    'phase2.engaging': { en: 'Engaging', fr: 'Engagement en cours' },
    phase3: { en: 'Phase 3: reflection', fr: 'Phase 3 : réflexion' },
    followUpScheduled: { en: 'Follow-up scheduled', fr: 'Suivi prévu' },
    completed: { en: 'Completed', fr: 'Terminé' },
    withdrawn: { en: 'Withdrawn', fr: 'Retiré' },
  },
  commands: {
    ReceiveOptIn: { en: 'Receive an opt-in', fr: 'Recevoir une adhésion' },
    ConfirmParticipation: { en: 'Confirm participation', fr: 'Confirmer la participation' },
    AssignPractitioner: { en: 'Assign a practitioner', fr: 'Assigner un praticien' },
    ReassignPractitioner: { en: 'Reassign the practitioners', fr: 'Réassigner les praticiens' },
    RecordPreparationSession: { en: 'Record a preparation session', fr: 'Consigner une séance de préparation' },
    SetGoals: { en: 'Set goals', fr: 'Fixer les objectifs' },
    CompletePreparation: { en: 'Complete preparation', fr: 'Terminer la préparation' },
    ChooseParticipation: { en: 'Choose how to take part', fr: 'Choisir le mode de participation' },
    ScheduleEngagement: { en: 'Schedule an engagement', fr: 'Planifier un engagement' },
    RecordEngagement: { en: 'Record an engagement', fr: 'Consigner un engagement' },
    SubmitSharing: { en: 'Submit a sharing', fr: 'Transmettre un témoignage' },
    CompleteEngagementPhase: { en: 'Complete the engagement phase', fr: "Terminer la phase d'engagement" },
    RecordReflection: { en: 'Record the reflection', fr: 'Consigner la réflexion' },
    ReturnToEngagement: { en: 'Return to engagement', fr: "Revenir à l'engagement" },
    CloseEngagement: { en: 'Close the engagement', fr: "Clore l'engagement" },
    RecordFollowUp: { en: 'Record the follow-up', fr: 'Consigner le suivi' },
    Withdraw: { en: 'Withdraw', fr: 'Se retirer' },
  },
};
