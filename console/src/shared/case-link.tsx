import { useI18n } from '../i18n/i18n';
import { caseName, Fill, workflowTitle } from './labels';
import { href } from './router';
import type { WorkflowInfo } from './types';

/**
 * A link to a case, named as staff name cases: by its reference (the start of its id while it has
 * none), then, for whoever goes through a page's links alone, the kind of case it is; never its id.
 */
export function CaseLink({ item, workflow, audit = false }: {
  item: { readonly caseId: string; readonly reference: string | null; readonly workflow: string };
  /** The case's workflow, which names its kind; its technical name until the workflows are read. */
  workflow: WorkflowInfo | undefined;
  /** An auditor's link, to the case's audit page. */
  audit?: boolean;
}) {
  const { t } = useI18n();
  return (
    <a href={audit ? href.audit(item.caseId) : href.case(item.caseId)}>
      <code>{caseName(item)}</code>
      <span class="visually-hidden">
        <Fill sentence={t.caseKind} labels={[workflowTitle(workflow, item.workflow)]} />
      </span>
    </a>
  );
}
