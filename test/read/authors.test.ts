import { describe, expect, it } from 'vitest';
import { authorKey, splitAuthors } from '../../src/read/authors.js';
import { foldDiacritics } from '../../src/read/text.js';

describe('splitAuthors', () => {
  it('splits both separators generators use', () => {
    expect(splitAuthors('Bowen Xue,Saeed Hadadan,Zheng Zeng')).toEqual(['Bowen Xue', 'Saeed Hadadan', 'Zheng Zeng']);
    expect(splitAuthors('Tri Cao, Yulin Chen, Hieu Cao')).toEqual(['Tri Cao', 'Yulin Chen', 'Hieu Cao']);
  });

  it('drops tokens that are not names and stray "and" / "et al."', () => {
    expect(splitAuthors('NVIDIA,:,Aaron Blakeman,, and Wen Tong, Jane Doe et al.')).toEqual([
      'NVIDIA',
      'Aaron Blakeman',
      'Wen Tong',
      'Jane Doe',
    ]);
    expect(splitAuthors('A. Author, et al.')).toEqual(['A. Author']);
  });

  it('normalises to NFC and collapses white space', () => {
    const decomposed = 'Rene\u0301   Vidal';
    expect(splitAuthors(decomposed)).toEqual(['René Vidal']);
  });
});

describe('authorKey', () => {
  it('folds case and white space, never diacritics', () => {
    expect(authorKey('Jing  Jin')).toBe(authorKey('jing jin'));
    expect(authorKey('José Garcia')).not.toBe(authorKey('Jose Garcia'));
    expect(foldDiacritics(authorKey('José Garcia'))).toBe(authorKey('Jose Garcia'));
  });
});
