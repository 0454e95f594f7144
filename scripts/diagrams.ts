import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { workflowDefinitions } from '../workflows/registry';
import { workflowDoc, workflowDocPath } from './workflow-docs';

// `npm run diagrams`: writes docs/workflows/<name>.md for every workflow, at its latest version.
const root = join(__dirname, '..');
const latest = new Map(workflowDefinitions.map((definition) => [definition.name, definition]));
for (const definition of [...latest.values()].sort((a, b) => a.name.localeCompare(b.name))) {
  const path = join(root, workflowDocPath(definition));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, workflowDoc(definition));
  console.log(`wrote ${workflowDocPath(definition)}`);
}
