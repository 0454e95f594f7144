import { defineError } from '../../domain/errors';

export const NotReady = defineError<{ failing: string }>('HEALTH.NOT_READY', 'unavailable', {
  en: (p) => `Mend is not ready to serve: ${p.failing}.`,
  fr: (p) => `Mend n’est pas prêt à servir\u00a0: ${p.failing}.`,
});
