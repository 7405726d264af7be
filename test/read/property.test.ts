import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.js';
import { parseDigestText } from '../../src/read/digestParser.js';
import { readLines } from '../../src/read/lines.js';
import { cleanText, isPlaceholder } from '../../src/read/text.js';

/**
 * Every property here runs with this seed: the same random inputs on every run, so a test that passes
 * on main passes in CI too. To explore other inputs, change it locally; a failure prints the seed and
 * path that reproduce it.
 */
const PROPERTY_SEED = 20_261_127;

/** Pieces of digest syntax, so that random text looks like broken digests, not just noise. */
const TOKENS = [
  '### ', '## ', '# ', '#### 📄 ', '[', ']', '(', ')', '](', 'https://arxiv.org/abs/', 'https://doi.org/',
  '*', '**', '<details>', '</details>', '<summary>Abstract</summary>', '<div id=x>', 'Abstract:', 'TL;DR:',
  '**Authors:**', 'Main category:', '主分类：', '---', '> ', '- ', '\n', '\n\n', '\r\n', ' ', '  ', 'x', 'Word',
  '中文', '$', '\\', '\\_', '&amp;', '&#x0;', '\u0000', '\ufeff', '\ufffd', '\u2028', '：', '[1] ', '<a id="a"></a>',
];
const junk = fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 60 }).map((parts) => parts.join(''));

const word = fc.stringMatching(/^[A-Za-zé中ü]{1,8}$/);
// An author line cannot give a name that starts with "and" (it opens the last name of a list: "A, B,
// and C") or that is "et al" (it ends a cut list), so the names made here are neither.
const name = fc
  .tuple(word, word)
  .map(([a, b]) => `${a} ${b}`)
  .filter((n) => !/^and\s/i.test(n) && !/^et al$/i.test(n));
const title = fc
  .array(fc.oneof(word, fc.constantFrom(' ', '[O III]', '$K[x]/(x^t)$', '(', ')', ': ', '$τ$', '-', '2')), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join(''))
  .filter((t) => cleanText(t) !== '');

interface Paper {
  id: string;
  title: string;
  authors: string[];
  abstract: string;
}

function render(p: Paper, index: number): string {
  return [
    `### [${index}] [${p.title}](https://arxiv.org/abs/${p.id})`,
    `*${p.authors.join(',')}*`,
    '',
    'Main category: cs.CL',
    '',
    '<details>',
    '  <summary>Details</summary>',
    `Abstract: ${p.abstract}`,
    '</details>',
  ].join('\n');
}

describe('parsing arbitrary text', () => {
  it('never throws', () => {
    fc.assert(
      fc.property(fc.oneof(junk, fc.string({ unit: 'binary' })), (text) => {
        parseDigestText(text, { file: 'junk.md', diagnostics: new Diagnostics() });
      }),
      { numRuns: 2000, seed: PROPERTY_SEED },
    );
  });

  it('keeps every well-formed entry mixed into junk, with its title, authors and abstract', () => {
    const papers = fc.uniqueArray(
      fc.record({
        id: fc.tuple(fc.integer({ min: 2001, max: 2612 }), fc.integer({ min: 0, max: 99999 })).map(([a, b]) => `${a}.${String(b).padStart(5, '0')}`),
        title,
        authors: fc.array(name, { minLength: 1, maxLength: 4 }),
        // LLM failure placeholders ("Error", "None") are dropped by design: not a well-formed abstract.
        abstract: fc
          .array(word, { minLength: 1, maxLength: 6 })
          .map((w) => w.join(' '))
          .filter((a) => !isPlaceholder(a)),
      }),
      { selector: (p) => p.id, minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(papers, fc.array(junk, { minLength: 7, maxLength: 7 }), (ps, junks) => {
        const text = ps.flatMap((p, i) => [junks[i] ?? '', render(p, i + 1)]).concat(junks[6] ?? '').join('\n');
        const entries = parseDigestText(text, { file: 'mixed.md', diagnostics: new Diagnostics() });
        for (const p of ps) {
          const entry = entries.find((e) => e.link.id === p.id);
          expect(entry, `entry ${p.id} lost`).toBeDefined();
          expect(entry?.title).toBe(cleanText(p.title));
          expect(entry?.authors).toEqual(p.authors);
          expect(entry?.text.abstract).toBe(p.abstract);
        }
      }),
      { numRuns: 500, seed: PROPERTY_SEED },
    );
  });
});

describe('reading arbitrary bytes', () => {
  it('never throws and loses no line, however the bytes are chunked', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.array(fc.integer({ min: 1, max: 50 }), { maxLength: 10 }), async (bytes, cuts) => {
        const buffer = Buffer.from(bytes);
        async function* chunks() {
          let at = 0;
          for (const cut of cuts) {
            yield buffer.subarray(at, at + cut);
            at += cut;
          }
          yield buffer.subarray(at);
        }
        const lines: string[] = [];
        const stats = await readLines(chunks(), (text) => lines.push(text));
        if (stats.binary) return;
        let expected = buffer.toString('utf8').replace(/^\ufeff/, '').split('\n');
        if (expected.at(-1) === '') expected = expected.slice(0, -1);
        expected = expected.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
        expect(lines).toEqual(expected);
      }),
      { numRuns: 1000, seed: PROPERTY_SEED },
    );
  });
});
