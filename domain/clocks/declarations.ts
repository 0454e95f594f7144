/**
 * The clocks a workflow starts, as its folder declares them: the one place a clock's key, its name
 * in both official languages, how it counts and what meets it are written. Decisions take a
 * clock's key and recorded name from here; the API and the console name clocks from here.
 *
 * Free of runtime imports, so that the console can match a case's clock keys to its workflow's
 * declarations with the same code.
 */

/** A clock a workflow starts: one that may be paused, or one that runs without a stop and says why. */
export type ClockDeclaration = DeclaredClock & (PausableClock | ClockWithoutStop);

interface PausableClock {
  readonly pausable?: undefined;
}

interface ClockWithoutStop {
  /** It runs without a stop: a pause of it is refused (`CLOCK.NOT_PAUSABLE`), and forms do not offer it to pause. */
  readonly pausable: false;
  /** Why, in both languages, completing "The clock … cannot be paused: " (a clause, then what may be paused instead). */
  readonly runsWithoutStop: { readonly en: string; readonly fr: string };
}

interface DeclaredClock {
  /**
   * Its key in a case (`acknowledgement`), or a pattern of keys with `<param>` parts
   * (`response-<level>`: one clock per level of review). A part matches letters and digits.
   */
  readonly key: string;
  /** Its name, in English and French; a pattern's `<param>` parts are filled in (`Response, level <level>`). */
  readonly label: { readonly en: string; readonly fr: string };
  /** Business days under the counting rule (DESIGN.md §5), or calendar days to the end of the last day. */
  readonly basis: 'business' | 'calendar';
  /** The commands whose success meets it (records its ClockMet). */
  readonly metBy: readonly string[];
}

/** Whether a case's clock may be paused by its declaration (one no declaration names may: it was started before any). */
export function declaredPausable(declarations: readonly Pick<ClockDeclaration, 'key' | 'pausable'>[], key: string): boolean {
  return declaredClock(declarations, key)?.declaration.pausable !== false;
}

const PART = /<([A-Za-z][A-Za-z0-9]*)>/g;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Declared keys split at their `<param>` parts (text at even indexes, part names at odd ones), once per key: a key is filled in on every command and read. */
const pieces = new Map<string, readonly string[]>();

/** The key of one clock of a declaration: its pattern with each `<param>` part filled in. */
export function clockKey(declaration: Pick<ClockDeclaration, 'key'>, params: Readonly<Record<string, string | number>> = {}): string {
  let split = pieces.get(declaration.key);
  if (!split) {
    split = declaration.key.split(PART);
    pieces.set(declaration.key, split);
  }
  let key = split[0]!;
  for (let i = 1; i < split.length; i += 2) {
    const value = params[split[i]!];
    if (value === undefined) throw new Error(`Clock ${declaration.key} needs its ${split[i]}`);
    key += String(value) + split[i + 1]!;
  }
  return key;
}

/** Each declared key as a pattern of case keys, with its parts' names, made once per key: clocks are looked up on every case view. */
const matchers = new Map<string, { readonly pattern: RegExp; readonly names: readonly string[] }>();

function matcherOf(declaredKey: string): { readonly pattern: RegExp; readonly names: readonly string[] } {
  let matcher = matchers.get(declaredKey);
  if (!matcher) {
    const names: string[] = [];
    const source = declaredKey
      .split(PART)
      .map((piece, i) => (i % 2 === 1 ? (names.push(piece), '([A-Za-z0-9]+)') : escape(piece)))
      .join('');
    matcher = { pattern: new RegExp(`^${source}$`), names };
    matchers.set(declaredKey, matcher);
  }
  return matcher;
}

/** The declaration a case's clock key belongs to, and the values of its pattern's parts. */
export function declaredClock<T extends Pick<ClockDeclaration, 'key'>>(
  declarations: readonly T[],
  key: string,
): { readonly declaration: T; readonly params: Readonly<Record<string, string>> } | undefined {
  for (const declaration of declarations) {
    const { pattern, names } = matcherOf(declaration.key);
    const match = pattern.exec(key);
    if (match) return { declaration, params: Object.fromEntries(names.map((name, i) => [name, match[i + 1]!])) };
  }
  return undefined;
}

/** A declared clock's name in both languages, its pattern's parts filled in: what starting it records. */
export function clockName(declaration: Pick<ClockDeclaration, 'label'>, params: Readonly<Record<string, string>> = {}): ClockDeclaration['label'] {
  return { en: fillClockLabel(declaration.label.en, params), fr: fillClockLabel(declaration.label.fr, params) };
}

/** A declared label with its pattern's parts filled in from a clock's key. */
export function fillClockLabel(label: string, params: Readonly<Record<string, string>>): string {
  return label.replace(PART, (part, name: string) => params[name] ?? part);
}
