import { describe, expect, it } from 'vitest';
import type { NounPhrase } from '../../src/mine/nounPhrases.js';
import { packPhrases, unpackPhrases } from '../../src/mine/packedPhrases.js';

const phrase = (text: string, heads: boolean[]): NounPhrase => ({ words: text.split(' '), heads });

describe('packPhrases and unpackPhrases', () => {
  it('carry batches of phrases across, each word sent once, texts without phrases kept in place', () => {
    const first = [[phrase('graph neural networks', [true, false, true]), phrase('speech', [true])], [], [phrase('graph', [true])]];
    const second = [[phrase('neural speech codecs', [false, true, true])]];
    const sent = new Map<string, number>();
    const received: string[] = [];

    const packedFirst = packPhrases(first, sent);
    expect(packedFirst.newWords).toEqual(['graph', 'neural', 'networks', 'speech']);
    expect(unpackPhrases(packedFirst, received)).toEqual(first);

    const packedSecond = packPhrases(second, sent);
    expect(packedSecond.newWords).toEqual(['codecs']);
    expect(unpackPhrases(packedSecond, received)).toEqual(second);
    expect(unpackPhrases(packPhrases([], sent), received)).toEqual([]);
  });
});
