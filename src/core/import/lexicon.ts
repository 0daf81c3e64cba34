/**
 * Word knowledge the importer relies on: verbs that start a duty, nouns that name a role, and the
 * words that classify a section. Plain English, not tied to any one handbook.
 */

/** Base forms of verbs that job descriptions use to state what someone does. */
const BASE_VERBS = `
accelerate accept achieve act adapt add address adhere adjust administer advance advise advocate
align allocate analyse analyze answer anticipate apply approve architect articulate assess assign
assist assure attain attend attract audit author automate balance become bootstrap break bring
build carry champion check clarify close coach collaborate collect come communicate complete
conduct configure consult contribute convince coordinate correspond craft create cultivate curate
debug decide define delegate deliver demo demonstrate deploy design detect determine develop
direct discover distribute document draft drive educate elevate empower enable encourage enforce
engage enhance ensure escalate establish estimate evaluate evangelise evangelize evolve examine
execute exert exhibit expand explain explore expose extend facilitate fill find fix follow
foster fulfil fulfill function gain gather generate get give go grow guide handle help highlight
hire hold identify implement improve incorporate increase influence inform initiate innovate
inspire instill instrument integrate interact interface interview introduce investigate involve
iterate keep know launch lead learn leave listen look maintain make manage master match measure
meet mentor migrate minimise minimize mitigate model moderate monitor motivate move negotiate
notice offboard offer onboard operate optimise optimize organise organize originate oversee own
participate partner pass pay perform pick plan play point prepare present prevent prioritise
prioritize procure produce profile promote propose protect prototype provide publish pursue push
put raise reach read receive recognise recognize recommend recruit reduce refer refine release
remove replicate report represent research resolve respond retain review run safeguard scale
schedule scope screen secure seek select sell serve set setup shape share shepherd ship show
simplify solve source speak specialise specialize spend sponsor standardise standardize start
stay steer streamline strengthen strive submit supervise support sustain synthesise synthesize
take talk teach test think track train translate triage troubleshoot uncover understand unblock
update uplevel uplift upskill use utilise utilize validate verify volunteer work write
`
  .split(/\s+/)
  .filter(Boolean);

/** Verbs that double their last consonant before -ing/-ed. */
const DOUBLING = new Set(['run', 'set', 'get', 'put', 'plan', 'ship', 'submit', 'model', 'stop', 'begin', 'setup']);

function thirdPerson(v: string): string[] {
  if (v === 'go') return ['goes'];
  if (/(s|x|z|ch|sh|o)$/.test(v)) return [v + 'es'];
  if (/[^aeiou]y$/.test(v)) return [v.slice(0, -1) + 'ies'];
  return [v + 's'];
}

function gerunds(v: string): string[] {
  const out = new Set<string>();
  if (v.endsWith('ie')) out.add(v.slice(0, -2) + 'ying');
  else if (/[^eoy]e$/.test(v)) out.add(v.slice(0, -1) + 'ing');
  else out.add(v + 'ing');
  if (DOUBLING.has(v)) out.add(v + v[v.length - 1] + 'ing');
  return [...out];
}

export type VerbForm = 'base' | 'third' | 'gerund';

const VERB_FORMS = new Map<string, { base: string; form: VerbForm }>();
for (const v of BASE_VERBS) {
  VERB_FORMS.set(v, { base: v, form: 'base' });
  for (const t of thirdPerson(v)) if (!VERB_FORMS.has(t)) VERB_FORMS.set(t, { base: v, form: 'third' });
  for (const g of gerunds(v)) if (!VERB_FORMS.has(g)) VERB_FORMS.set(g, { base: v, form: 'gerund' });
}
// Irregular or auxiliary forms that still start an action.
for (const [w, base, form] of [
  ['has', 'have', 'third'],
  ['have', 'have', 'base'],
  ['having', 'have', 'gerund'],
  ['does', 'do', 'third'],
  ['do', 'do', 'base'],
  ['doing', 'do', 'gerund'],
] as const) {
  VERB_FORMS.set(w, { base, form });
}

/** The verb a word is a form of (`leads` → lead, third), or undefined. Case-insensitive. */
export function verbForm(word: string): { base: string; form: VerbForm } | undefined {
  return VERB_FORMS.get(word.toLowerCase().replace(/[^a-z-]/g, ''));
}

/** Whether a word is a form of a known verb (optionally only of the given forms). */
export function isVerb(word: string, forms?: readonly VerbForm[]): boolean {
  const v = verbForm(word);
  return !!v && (!forms || forms.includes(v.form));
}

/** Nouns that name a role when they head a title (`Engineering Manager`, `Supervisors`). */
export const ROLE_NOUNS = new Set(
  `
officer chief director manager engineer developer programmer lead leader architect designer analyst
administrator owner representative contributor president vp svp evp supervisor specialist scientist
consultant coordinator advocate fellow intern executive associate assistant advisor adviser
evangelist strategist researcher writer tester recruiter steward founder chair chairperson
secretary treasurer auditor accountant counsel operator technician maintainer partner liaison
ceo cto cfo coo cio ciso cpo cmo cro cdo cso em pm tpm apm sre dba
`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that make a title a role whenever they lead it (`VP Engineering`, `Head of Security`). */
export const LEADING_TITLE_WORDS = new Set([
  'vp',
  'svp',
  'evp',
  'head',
  'chief',
  'director',
  'ceo',
  'cto',
  'cfo',
  'coo',
  'cio',
  'ciso',
  'cpo',
  'cmo',
]);

/** Well-known C-level short names and their titles. */
export const C_LEVEL: Record<string, string> = {
  CEO: 'Chief Executive Officer',
  CTO: 'Chief Technology Officer',
  CFO: 'Chief Financial Officer',
  COO: 'Chief Operating Officer',
  CIO: 'Chief Information Officer',
  CISO: 'Chief Information Security Officer',
  CPO: 'Chief Product Officer',
  CMO: 'Chief Marketing Officer',
};

/** Singular form of a role noun, or undefined when the word is not one. */
export function roleNoun(word: string): string | undefined {
  const w = word.toLowerCase().replace(/[’']s$/, '');
  if (ROLE_NOUNS.has(w)) return w;
  if (/s$/.test(w) && ROLE_NOUNS.has(w.slice(0, -1))) return w.slice(0, -1);
  if (/es$/.test(w) && ROLE_NOUNS.has(w.slice(0, -2))) return w.slice(0, -2);
  return undefined;
}

/** Level markers that may trail a title: `I`, `II`, `5`, `Level 3`. */
export const LEVEL_SUFFIX = / (?:(?:level|grade|l) ?)?(?:[ivx]{1,4}|\d{1,2})$/i;

/** Sentence openers that carry no meaning of their own and may be dropped before a subject. */
export const DISCOURSE_OPENERS =
  /^(?:however|additionally|also|moreover|furthermore|finally|overall|generally|in general|in addition|besides|ultimately|that said|as such|at a high[- ]level|at a minimum|typically|usually|often|currently|while\b[^,]*|although\b[^,]*|though\b[^,]*|whereas\b[^,]*)$/i;

/** Adverbs that may sit between a subject and its verb. */
export const PREDICATE_ADVERBS =
  /^(?:also|primarily|ultimately|generally|typically|usually|often|then|directly|currently|mainly|mostly|always|regularly|actively|further) /i;
