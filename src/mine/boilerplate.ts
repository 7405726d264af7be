import { stem } from './phrase.js';

const words = (list: string): string[] => list.split(/\s+/).filter((w) => w !== '');

/**
 * Words every abstract uses about itself. A phrase made only of them ("proposed method", "experimental
 * results", "model performance") names nothing a reader would search for. Compared by Porter stem, so
 * "results" and "result" are one entry.
 */
const GENERIC_STEMS = new Set(
  words(`ability accuracy advantage amount analysis application approach area art aspect baseline benchmark
  benefit capability case challenge code comparison component context contribution data dataset design
  direction domain effect effectiveness efficiency evaluation example experiment fact field finding
  framework gain gap goal implication importance improvement insight issue kind lack level limitation
  link literature manner mechanism method model module need number order paper part performance practice
  problem process project quality question range research researcher result role scenario set setting
  solution stage state step strategy study superiority system task technique term time type use variety
  version way work`).map(stem),
);

/**
 * Opening words that judge or count rather than name: stripped from the front of a phrase, so "novel
 * graph neural network" and "graph neural network" are one keyword. Whole lower-case words, not stems:
 * "improved" is a modifier where "improvement" is not.
 */
const LEADING_MODIFIERS = new Set(
  words(`additional advanced best better broad certain challenging common competitive comprehensive considerable
  consistent conventional core corresponding critical crucial current detailed different diverse
  effective efficient elaborate empirical enhanced entire essential excellent existing experimental
  extensive few first fundamental further given great greater high higher important improved innovative
  key lower main major many more most new notable novel numerous other overall particular popular
  powerful practical previous prior promising proposed recent remarkable respective rigorous same second
  several significant simple sota specific state-of-the-art strong substantial such superior thorough
  traditional typical underlying unified various whole wide`),
);

/**
 * Verbs that report on the work. They are not part of a keyword; when one turns up inside a phrase the
 * tagger mistook it for a noun or adjective ("results show", "outperforms baselines"), and the phrase is
 * rejected. Inflected forms only, leaving out those that are also common nouns ("report", "design").
 */
const REPORTING_VERBS = new Set(
  words(`achieve achieved achieves aim aimed aims allow allowed allows conduct conducted conducts confirm
  confirmed confirms demonstrate demonstrated demonstrates develop developed develops employ employed
  employs enable enabled enables evaluate evaluated evaluates exhibit exhibited exhibits explore
  explored explores find finds found highlight highlighted highlights indicate indicated indicates
  introduce introduced introduces investigate investigated investigates leverage leveraged leverages
  obtain obtained obtains outperform outperformed outperforms propose proposed proposes provide provided
  provides remain remained remains require required requires reveal revealed reveals show showed shown
  shows struggle struggled struggles suggest suggested suggests surpass surpassed surpasses utilize
  utilized utilizes validate validated validates yield yielded yields`),
);

/** What the boilerplate rules need to know of one word, worked out once for every phrase it is in. */
export interface WordFacts {
  readonly modifier: boolean;
  readonly generic: boolean;
  /** One letter or digit at most ("X", "3"): no keyword alone. */
  readonly tiny: boolean;
  /** One of the reporting verbs, and no modifier: a phrase holding it is no keyword. */
  readonly reporting: boolean;
}

export function wordFacts(word: string): WordFacts {
  const lower = word.toLowerCase();
  const modifier = LEADING_MODIFIERS.has(lower);
  return {
    modifier,
    generic: GENERIC_STEMS.has(stem(lower)),
    tiny: word.replace(/[^\p{L}\p{N}]/gu, '').length < 2,
    reporting: REPORTING_VERBS.has(lower) && !modifier,
  };
}

/**
 * Where the keyword inside words[start, end) begins once leading modifiers are stripped, or -1 when
 * nothing fit is left: the rules of `keywordCandidate` for a phrase already known to hold no
 * reporting verb, on facts worked out once per word.
 */
export function keywordStart(facts: readonly WordFacts[], start: number, end: number): number {
  let s = start;
  while (s < end && (facts[s] as WordFacts).modifier) s++;
  if (s === end || (end - s === 1 && (facts[s] as WordFacts).tiny)) return -1;
  for (let i = s; i < end; i++) if (!(facts[i] as WordFacts).generic) return s;
  return -1;
}

/**
 * A noun phrase made fit to be a keyword, or undefined when nothing is left: leading modifiers
 * stripped, phrases with a reporting verb rejected, and phrases of generic words only, single
 * letters or bare numbers dropped. `facts` are the words' {@link wordFacts}; the words themselves
 * may be anything the caller keeps for them.
 */
export function keywordCandidate<W>(phrase: readonly W[], facts: readonly WordFacts[]): W[] | undefined {
  if (facts.some((f) => f.reporting)) return undefined;
  const start = keywordStart(facts, 0, phrase.length);
  return start < 0 ? undefined : phrase.slice(start);
}
