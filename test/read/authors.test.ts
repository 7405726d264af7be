import { describe, expect, it } from 'vitest';
import { authorKey, splitAuthors } from '../../src/read/authors.js';
import { foldDiacritics } from '../../src/read/text.js';

describe('splitAuthors', () => {
  it('splits both separators generators use', () => {
    expect(splitAuthors('Bowen Xue,Saeed Hadadan,Zheng Zeng').names).toEqual(['Bowen Xue', 'Saeed Hadadan', 'Zheng Zeng']);
    expect(splitAuthors('Tri Cao, Yulin Chen, Hieu Cao')).toEqual({ names: ['Tri Cao', 'Yulin Chen', 'Hieu Cao'], truncated: false });
  });

  it('drops tokens that are not names and stray "and" / "et al."', () => {
    expect(splitAuthors('NVIDIA,:,Aaron Blakeman,, and Wen Tong, Jane Doe et al.')).toEqual({
      names: ['NVIDIA', 'Aaron Blakeman', 'Wen Tong', 'Jane Doe'],
      truncated: true,
    });
    expect(splitAuthors('A. Author, et al.')).toEqual({ names: ['A. Author'], truncated: true });
  });

  it('normalises to NFC and collapses white space', () => {
    const decomposed = 'Rene\u0301   Vidal';
    expect(splitAuthors(decomposed).names).toEqual(['René Vidal']);
  });
});

describe('authorKey', () => {
  it('folds case, white space, dots, dashes and compatibility forms, never diacritics or initials', () => {
    expect(authorKey('Jing  Jin')).toBe(authorKey('jing jin'));
    expect(authorKey('J.Smith')).toBe(authorKey('J. Smith'));
    expect(authorKey('Jean\u2010Pierre Serre')).toBe(authorKey('Jean-Pierre Serre'));
    expect(authorKey('Ｊｏｈｎ Ｓｍｉｔｈ')).toBe(authorKey('John Smith'));
    expect(authorKey('J. Smith')).not.toBe(authorKey('John Smith'));
    expect(authorKey('José Garcia')).not.toBe(authorKey('Jose Garcia'));
    expect(foldDiacritics(authorKey('José Garcia'))).toBe(authorKey('Jose Garcia'));
  });
});
