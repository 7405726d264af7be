import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * A noun phrase as written: its words, or what a caller made of each word (see `phrasesInOrder`).
 */
export interface NounPhrase<W = string> {
  readonly words: readonly W[];
  /** Which words are nouns: a shorter phrase taken from this one must end in one. */
  readonly heads: readonly boolean[];
}

/**
 * The phrase's word classes, with hyphen and slash compounds ("LLM-based", "speech/audio") as one word.
 * A gerund names an activity after a noun or adjective ("machine learning", "question answering").
 */
type WordClass = 'noun' | 'adjective' | 'gerund' | 'other';

interface Word {
  text: string;
  wordClass: WordClass;
  /** The compound ends with a hyphen or slash that nothing followed ("pre-" in "pre- and post-training"). */
  open: boolean;
}

type Tagger = ReturnType<typeof winkNLP>;

// wink's types leave the model's parts opaque (`unknown`); the package makes each by a call.
const readCustomEntityMetaModel = model.metaCER as () => unknown;
let customEntityMetaModel: unknown;
/**
 * wink's English model with its custom-entity meta model read once. The package's `metaCER()`
 * stringifies its machines in place, so each tagger made in a process stringified the string the
 * one before left, doubling it: a process that made about twenty failed with "Invalid string
 * length". Taggers only read the result, and are taught no custom entities here.
 */
const taggerModel: typeof model = { ...model, metaCER: () => (customEntityMetaModel ??= readCustomEntityMetaModel()) };

const CONNECTORS = new Set(['-', '/', '‐', '–']);

function classOf(pos: string, value: string): WordClass {
  if (pos === 'NOUN' || pos === 'PROPN') return 'noun';
  if (pos === 'VERB' && /\p{L}ing$/u.test(value)) return 'gerund';
  return pos === 'ADJ' ? 'adjective' : 'other';
}

/** Last parts that make a compound modify a noun, whatever the tagger says ("Model-Driven", "token-free"). */
const MODIFIER_ENDING = /[-‐–/](?:\p{L}+ed|driven|written|known|based|aware|wise|like|free|level|scale|specific|agnostic|oriented)$/iu;

/**
 * A compound is named by its last part ("speech/audio", "3D", "Llama-3", "decision-making" are
 * nouns); one ending in another verb form, an adverb or a preposition modifies a noun ("LLM-based",
 * "pre-trained", "state-of-the-art").
 */
function compoundClass(text: string, lastPos: string, lastValue: string): WordClass {
  if (MODIFIER_ENDING.test(text)) return 'adjective';
  const wordClass = classOf(lastPos, lastValue);
  return wordClass === 'noun' || wordClass === 'gerund' || lastPos === 'NUM' ? 'noun' : 'adjective';
}

/**
 * The words of a text, tagged, with the tokens the tagger splits at hyphens and slashes put back
 * together: the phrase the author wrote is "multiple-input", not "multiple - input".
 */
function taggedWords(nlp: Tagger, text: string): Word[] {
  const doc = nlp.readDoc(text);
  const { its } = nlp;
  const values = doc.tokens().out(its.value);
  const tags = doc.tokens().out(its.pos);
  const spaces = doc.tokens().out(its.precedingSpaces);
  const words: Word[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as string;
    const pos = tags[i] as string;
    const previous = words[words.length - 1];
    const connector = CONNECTORS.has(value);
    const wordLike = /^[\p{L}\p{N}]/u.test(value);
    const joins =
      previous !== undefined &&
      spaces[i] === '' &&
      (previous.open ? wordLike : /[\p{L}\p{N}]$/u.test(previous.text) && (connector || wordLike));
    if (joins) {
      previous.text += value;
      previous.open = connector;
      if (!connector) previous.wordClass = compoundClass(previous.text, pos, value);
    } else {
      const wordClass = !/\p{L}/u.test(value) ? 'other' : /[-‐–/]/u.test(value) ? compoundClass(value, pos, value) : classOf(pos, value);
      words.push({ text: value, wordClass, open: false });
    }
  }
  return words;
}

/** -ing forms that introduce what follows them rather than name an activity ("agent using tools"). */
const PARTICIPLES = new Set(
  `according achieving addressing allowing combining comparing comprising considering consisting containing
  covering demonstrating employing enabling ensuring exhibiting exploiting focusing following handling
  improving including incorporating integrating involving leading leveraging maintaining making
  outperforming performing producing providing reducing regarding relying requiring resulting revealing
  showing spanning using utilizing yielding`.split(/\s+/),
);

/**
 * A gerund ends a noun phrase ("machine learning") or sits inside one ("question answering
 * system"); before an adjective, or when it is a participle that takes an object, it is a verb.
 */
function gerundAsNoun(word: Word, next: Word | undefined, inPhrase: boolean): boolean {
  return inPhrase && !PARTICIPLES.has(word.text.toLowerCase()) && next?.wordClass !== 'adjective';
}

/**
 * The noun phrases of a text: runs of adjectives and nouns that end in a noun. An adjective after a
 * noun stays in the phrase: the tagger reads "graph neural network" as noun, adjective, noun. Phrases
 * longer than `maxWords` keep their last words, where the head noun is.
 */
export type PhraseReader = (text: string) => NounPhrase[];

/**
 * A {@link PhraseReader} with a part-of-speech tagger of its own. wink's tokenizer learns every word
 * it reads (once it has read "Green's-function", "Green's" is one word, not "Green" and "'s"), so
 * what a tagger finds in a text depends on everything it read before: the same texts give the same
 * phrases only from a fresh tagger reading them in the same order. Each costs a read of wink's model
 * (about 0.1 s).
 */
export function phraseReader(maxWords: number): PhraseReader {
  // Part-of-speech tagging only: sentence boundaries, entities and sentiment are not needed.
  const nlp = winkNLP(taggerModel, ['pos']);
  return (text) => nounPhrases(taggedWords(nlp, text), maxWords);
}

function nounPhrases(words: readonly Word[], maxWords: number): NounPhrase[] {
  const phrases: NounPhrase[] = [];
  let run: string[] = [];
  let heads: boolean[] = [];
  let nouns = 0; // words of the run up to and including its last noun
  const close = (): void => {
    const drop = Math.max(0, nouns - maxWords);
    if (nouns > 0) phrases.push({ words: run.slice(drop, nouns), heads: heads.slice(drop, nouns) });
    run = [];
    heads = [];
    nouns = 0;
  };
  words.forEach((word, index) => {
    const wordClass =
      word.wordClass === 'gerund' ? (gerundAsNoun(word, words[index + 1], run.length > 0) ? 'noun' : 'other') : word.wordClass;
    if (wordClass === 'other' || word.open) {
      close();
      return;
    }
    run.push(word.text);
    heads.push(wordClass === 'noun');
    if (wordClass === 'noun') nouns = run.length;
  });
  close();
  return phrases;
}
