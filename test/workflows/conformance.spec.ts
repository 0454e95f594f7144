import { workflowDefinitions } from '../../workflows/registry';
import { conformanceSpec } from './conformance';

describe('every registered workflow conforms', () => {
  conformanceSpec(workflowDefinitions);
});
