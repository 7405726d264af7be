import { describe, expect, it } from 'vitest';
import { cleanText, isPlaceholder } from '../../src/read/text.js';

describe('cleanText', () => {
  it('collapses white space, hard wraps included', () => {
    expect(cleanText('  Sensor simulation is\npivotal   for\tscalable\n\nvalidation ')).toBe(
      'Sensor simulation is pivotal for scalable validation',
    );
  });

  it('removes control characters', () => {
    expect(cleanText('bell\u0007 nul\u0000 esc\u001b del\u007f ok')).toBe('bell nul esc del ok');
  });

  it('decodes HTML entities', () => {
    expect(cleanText('A &amp; B &lt;img&gt; &#39;x&#39; &#x4E2D;&nbsp;|&nbsp;C')).toBe("A & B <img> 'x' 中 | C");
  });

  it('undoes Markdown escapes outside math', () => {
    expect(cleanText('ShanghaiTech Part \\_A, 50\\% of R\\&D \\*really\\*')).toBe('ShanghaiTech Part _A, 50% of R&D *really*');
  });

  it('keeps LaTeX as written', () => {
    const latex = String.raw`$\mathcal{X}$-KD with $a\_b + 50\%$ and $$\binom{r}{j}\\[1.2ex]$$ plus \[ x \]`;
    expect(cleanText(latex)).toBe(latex);
    expect(cleanText(String.raw`Exceptional versus $τ$-exceptional sequences of $K[x]/(x^t)$`)).toBe(
      String.raw`Exceptional versus $τ$-exceptional sequences of $K[x]/(x^t)$`,
    );
  });
});

describe('isPlaceholder', () => {
  it.each([
    'Summary generation failed',
    'Method extraction failed',
    'Motivation analysis unavailable',
    'Error',
    'Error: API quota exceeded',
    '达到API配额限制，请明天再试',
    '请联系管理员或等待明天API配额重置。',
    'Failed when generating background knowledge. Invalid \\escape: line 5 column 340 (char 878)',
    '研究旨在解决摘要中描述的问题',
    'N/A',
  ])('recognises %j', (text) => {
    expect(isPlaceholder(text)).toBe(true);
  });

  it.each(['Error bounds for sparse recovery are derived.', '该论文提出了一种方法。', 'We analyse failed generation.'])(
    'keeps real text %j',
    (text) => {
      expect(isPlaceholder(text)).toBe(false);
    },
  );
});
