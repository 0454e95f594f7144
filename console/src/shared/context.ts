import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Language } from '../i18n/i18n';
import type { Api } from './api';
import type { Session } from './session';
import type { WorkflowInfo } from './types';

export interface ConsoleContext {
  readonly api: Api;
  readonly session: Session;
  /** GET /workflows, loaded once per sign-in and language. */
  readonly workflows: Promise<readonly WorkflowInfo[]>;
  /** The language GET /workflows answered in: its labels are marked with it where it is not the page's. */
  readonly workflowsLanguage: Promise<Language>;
}

export const Console = createContext<ConsoleContext | undefined>(undefined);

export function useConsole(): ConsoleContext {
  const context = useContext(Console);
  if (!context) throw new Error('useConsole outside a signed-in console');
  return context;
}
