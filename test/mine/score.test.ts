import { describe, expect, it } from 'vitest';
import { keywordKey } from '../../src/mine/phrase.js';
import { scoreKeywords } from '../../src/mine/score.js';

describe('scoreKeywords', () => {
  it('matches after stemming and macro-averages over papers', () => {
    expect(keywordKey('Neural Networks')).toBe(keywordKey('neural network'));
    expect(keywordKey('human-computer interaction')).toBe(keywordKey('Human Computer Interactions'));
    const scores = scoreKeywords(
      [
        { predicted: ['neural networks', 'speech', 'noise'], gold: ['Neural Network', 'noise robustness'] },
        { predicted: ['galaxies'], gold: ['galaxy', 'stars'] },
        { predicted: ['anything'], gold: [] },
      ],
      2,
    );
    // Paper 1: top 2 = neural network (hit), speech: P 1/2, R 1/2, F1 1/2. Paper 2: P 1, R 1/2, F1 2/3.
    expect(scores.papers).toBe(2);
    expect(scores.precision).toBeCloseTo((0.5 + 1) / 2, 12);
    expect(scores.recall).toBeCloseTo((0.5 + 0.5) / 2, 12);
    expect(scores.f1).toBeCloseTo((0.5 + 2 / 3) / 2, 12);
  });
});
