import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { frenchTypographyFaults } from '../support/french-typography';

/**
 * Staff and clients are served in English and French of equal quality: every French text the API
 * and the console show (an error's sentence, a label, a description), wherever it is written, is set
 * as French is printed. Those texts are the `fr` (and `frNoun`, `descriptionFr`, `nameFr`) properties beside
 * their English; a text built from parts is read with each interpolation standing for a word. The
 * console's own catalogue is checked by test/console/messages.spec.ts.
 */
const root = resolve(__dirname, '..', '..');
const FRENCH_KEYS = new Set(['fr', 'frNoun', 'descriptionFr', 'nameFr']);
const INTERPOLATION = 'x';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(path) && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The texts an expression gives: a string, a template (its interpolations read as one word), either branch of a condition, what a function returns. */
function textsOf(node: ts.Node): string[] {
  if (ts.isStringLiteralLike(node)) return [node.text];
  if (ts.isTemplateExpression(node)) {
    const whole = node.head.text + node.templateSpans.map((span) => INTERPOLATION + span.literal.text).join('');
    return [whole, ...node.templateSpans.flatMap((span) => textsOf(span.expression))];
  }
  if (ts.isParenthesizedExpression(node)) return textsOf(node.expression);
  if (ts.isConditionalExpression(node)) return [...textsOf(node.whenTrue), ...textsOf(node.whenFalse)];
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
    if (!ts.isBlock(node.body)) return textsOf(node.body);
    const returned: string[] = [];
    const visit = (child: ts.Node): void => {
      if (ts.isReturnStatement(child) && child.expression) returned.push(...textsOf(child.expression));
      else if (!ts.isFunctionLike(child)) ts.forEachChild(child, visit);
    };
    ts.forEachChild(node.body, visit);
    return returned;
  }
  return [];
}

/** Every French text a source file spells out beside its English, with its line. */
function frenchIn(path: string): { text: string; line: number }[] {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: { text: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) && FRENCH_KEYS.has(node.name.text)) {
      const line = file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      for (const text of textsOf(node.initializer)) found.push({ text, line });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('French as it is printed', () => {
  const files = ['src', 'domain', 'workflows', 'console/src'].flatMap((dir) => sources(join(root, dir)));
  const texts = files.flatMap((path) => frenchIn(path).map((found) => ({ ...found, where: `${relative(root, path)}:${found.line}` })));

  it('finds the French texts beside their English (errors, labels, descriptions)', () => {
    expect(texts.length).toBeGreaterThan(1000);
    expect(texts.some((t) => t.where.startsWith('src/') && t.text.includes('jeton'))).toBe(true);
  });

  it('sets every one with a no-break space before : ; ? ! and inside « », and the typographic apostrophe', () => {
    expect(texts.flatMap(({ text, where }) => frenchTypographyFaults(text).map((fault) => `${where}: ${fault}`))).toEqual([]);
  });
});
