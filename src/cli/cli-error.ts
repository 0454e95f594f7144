import type { Language } from '../../domain/errors';
import type { Bilingual } from '../../domain/validation';

/**
 * A failure the CLI reports in one line, with its exit code: said in both languages (see
 * CLI_TEXTS), or in one (a text given as a string is the same in both).
 */
export class CliError extends Error {
  readonly texts: Bilingual;

  constructor(
    message: string | Bilingual,
    readonly exitCode: number,
  ) {
    const texts = typeof message === 'string' ? { en: message, fr: message } : message;
    super(texts.en);
    this.texts = texts;
  }

  messageIn(language: Language): string {
    return this.texts[language];
  }
}
