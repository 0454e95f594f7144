/** The first-contact clock's key: it runs from the opt-in and is met by the coordinator's first contact. */
export const FIRST_CONTACT_CLOCK = 'firstContact';
