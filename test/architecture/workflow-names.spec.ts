import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { declaredClock, type ClockDeclaration } from '../../domain/clocks/declarations';
import { workflowDefinitions } from '../../workflows/registry';
import { informationRequestWorkflow } from '../workflows/fixture-workflow';

/**
 * One place per fact (STYLE.md): a workflow is described in its folder, and what the application
 * and the console need to know of it they read from its definition. So no string in src/ or
 * console/src may be the name of a registered workflow, its stream category or one of its commands:
 * a string like that is a switch on a workflow, or a copy of a fact its folder already states.
 */
const root = resolve(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(path) && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Every string a source file spells out: literals, and the fixed parts of template strings. */
export function stringsIn(path: string, text = readFileSync(path, 'utf8')): { text: string; line: number }[] {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: { text: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node) || ts.isJsxText(node)) {
      // Import paths name files, not workflows.
      if (!(ts.isStringLiteral(node) && (ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent)))) {
        found.push({ text: node.text, line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/**
 * The names a workflow is known by: its name, its stream category, its commands, its events and
 * its clocks' keys (a key pattern such as `response-<level>` stands for every key it matches).
 */
export function workflowNames(definitions = workflowDefinitions): Names {
  return {
    exact: new Set(definitions.flatMap((d) => [d.name, d.category, ...d.commands.map((c) => c.type), ...d.events.map((e) => e.type)])),
    clocks: definitions.flatMap((d) => d.clocks ?? []),
  };
}

export interface Names {
  readonly exact: ReadonlySet<string>;
  readonly clocks: readonly ClockDeclaration[];
}

const isName = (names: Names, word: string) => names.exact.has(word) || declaredClock(names.clocks, word) !== undefined;

/**
 * The words of a string that can only be a name (PascalCase like a command, or hyphenated like
 * `restorative-engagement`): a plain word such as "complaint" in a sentence is English, the same
 * word as the whole string is a name.
 */
function distinctiveWords(text: string): string[] {
  return text.split(/[^A-Za-z0-9-]+/).filter((word) => /[A-Z]|-/.test(word));
}

/** Where a file's strings name a workflow, a command, an event or a clock, as `path:line "name"`. */
export function namingsIn(paths: readonly string[], names: Names, text?: string): string[] {
  return paths.flatMap((path) =>
    stringsIn(path, text).flatMap(({ text, line }) => {
      return [...new Set([text, ...distinctiveWords(text)])].filter((word) => isName(names, word)).map((word) => `${relative(root, path)}:${line} "${word}"`);
    }),
  );
}

describe('src/ and console/src name no workflow, command, event or clock', () => {
  // The fixture workflow under test/ too: the application runs it without naming it.
  const names = workflowNames([...workflowDefinitions, informationRequestWorkflow]);

  it('knows the names it looks for', () => {
    expect(names.exact.size).toBeGreaterThan(workflowDefinitions.length * 2);
    expect(names.clocks.length).toBeGreaterThan(0);
  });

  it.each(['src', 'console/src'])('%s spells out none of them', (dir) => {
    expect(namingsIn(sources(join(root, dir)), names)).toEqual([]);
  });

  it('finds a name in a string literal, a template and a word of a sentence', () => {
    const [workflow] = workflowDefinitions;
    const command = workflow!.commands[1]!.type;
    const dir = join(root, 'test', 'architecture');
    const probe = (text: string) => namingsIn([join(dir, 'probe.ts')], names, text).map((found) => found.replace(/^.* "(.*)"$/, '$1'));
    expect(probe(`if (definition.name === '${workflow!.name}') run();`)).toEqual([workflow!.name]);
    expect(probe(`const path = \`/cases/\${id}/commands/${command}\`;`)).toEqual([command]);
    expect(probe(`const note = "Use ${command} first";`)).toEqual([command]);
    expect(probe(`import { x } from './${workflow!.name}';`)).toEqual([]);
    expect(probe(`const note = 'Every complaint clock';`)).toEqual([]);
    expect(probe(`const tag = 'complaint';`)).toEqual(names.exact.has('complaint') ? ['complaint'] : []);
    const event = workflow!.events[0]!.type;
    expect(probe(`if (event.type === '${event}') count++;`)).toEqual([event]);
    const clocks = workflowDefinitions.flatMap((d) => d.clocks ?? []);
    const fixed = clocks.find((clock) => !clock.key.includes('<'))!.key;
    const pattern = clocks.find((clock) => clock.key.includes('<'))!.key;
    expect(probe(`const due = clocks['${fixed}'];`)).toEqual([fixed]);
    const key = pattern.replace(/<[A-Za-z0-9]+>/g, '2');
    expect(probe(`const note = 'The clock, e.g. ${key}';`)).toEqual([key]);
  });
});
