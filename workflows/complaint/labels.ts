import type { WorkflowLabels } from '../../domain/workflow';

/** How the complaint workflow, its states and its commands are named to people, in both official languages. */
export const complaintLabels: WorkflowLabels = {
  title: { en: 'Complaint', fr: 'Plainte' },
  description: {
    en: 'Concerns, complaints or feedback from participants: acknowledged within 2 business days, answered within 30 business days at each level, with a right of review by the next level of authority.',
    fr: "Préoccupations, plaintes ou commentaires des participants : accusé de réception dans les 2 jours ouvrables, réponse dans les 30 jours ouvrables à chaque palier, avec un droit de révision par le palier d'autorité suivant.",
  },
  states: {
    new: { en: 'New', fr: 'Nouvelle' },
    received: { en: 'Received', fr: 'Reçue' },
    acknowledged: { en: 'Acknowledged', fr: 'Réception confirmée' },
    underReview: { en: 'Under review', fr: 'En examen' },
    responded: { en: 'Responded', fr: 'Réponse donnée' },
    reviewRequested: { en: 'Review requested', fr: 'Révision demandée' },
    resolved: { en: 'Resolved', fr: 'Réglée' },
    closed: { en: 'Closed', fr: 'Fermée' },
    withdrawn: { en: 'Withdrawn', fr: 'Retirée' },
  },
  commands: {
    ReceiveComplaint: { en: 'Receive a complaint', fr: 'Recevoir une plainte' },
    AcknowledgeComplaint: { en: 'Acknowledge receipt', fr: 'Accuser réception' },
    AssignHandler: { en: 'Assign a handler', fr: 'Confier la plainte' },
    Respond: { en: 'Respond', fr: 'Répondre' },
    AcceptResponse: { en: 'Accept the response', fr: 'Accepter la réponse' },
    RequestReview: { en: 'Request a review', fr: 'Demander une révision' },
    PauseClock: { en: 'Pause a clock', fr: 'Suspendre un délai' },
    ResumeClock: { en: 'Resume a clock', fr: 'Reprendre un délai' },
    CloseComplaint: { en: 'Close the complaint', fr: 'Fermer la plainte' },
    WithdrawComplaint: { en: 'Withdraw the complaint', fr: 'Retirer la plainte' },
  },
};
