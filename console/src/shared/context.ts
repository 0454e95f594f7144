import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Api } from './api';
import type { Session } from './session';
import type { WorkflowInfo } from './types';

export interface ConsoleContext {
  readonly api: Api;
  readonly session: Session;
  /** GET /workflows, loaded once per sign-in and language: its labels are in that language. */
  readonly workflows: Promise<readonly WorkflowInfo[]>;
}

export const Console = createContext<ConsoleContext | undefined>(undefined);

export function useConsole(): ConsoleContext {
  const context = useContext(Console);
  if (!context) throw new Error('useConsole outside a signed-in console');
  return context;
}
