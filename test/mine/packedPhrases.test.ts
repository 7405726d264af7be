import { describe, expect, it } from 'vitest';
import type { NounPhrase } from '../../src/mine/nounPhrases.js';
import { packPhrases, unpackPhrases } from '../../src/mine/packedPhrases.js';

const phrase = (text: string, heads: boolean[]): NounPhrase => ({ words: text.split(' '), heads });

describe('packPhrases and unpackPhrases', () => {
  it('carry batches of phrases across, each word sent and made once, texts without phrases kept in place', () => {
    const first = [[phrase('graph neural networks', [true, false, true]), phrase('speech', [true])], [], [phrase('graph', [true])]];
    const second = [[phrase('neural speech codecs', [false, true, true])]];
    const sent = new Map<string, number>();
    const received: string[] = [];
    const made: string[] = [];
    const wordOf = (word: string): string => {
      made.push(word);
      return word.toUpperCase();
    };
    const upper = (texts: NounPhrase[][]): NounPhrase[][] =>
      texts.map((phrases) => phrases.map(({ words, heads }) => ({ words: words.map((w) => w.toUpperCase()), heads })));

    const packedFirst = packPhrases(first, sent);
    expect(packedFirst.newWords).toEqual(['graph', 'neural', 'networks', 'speech']);
    expect(unpackPhrases(packedFirst, received, wordOf)).toEqual(upper(first));

    const packedSecond = packPhrases(second, sent);
    expect(packedSecond.newWords).toEqual(['codecs']);
    expect(unpackPhrases(packedSecond, received, wordOf)).toEqual(upper(second));
    expect(unpackPhrases(packPhrases([], sent), received, wordOf)).toEqual([]);
    expect(made).toEqual(['graph', 'neural', 'networks', 'speech', 'codecs']);
  });
});
