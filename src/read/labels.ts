import type { TextField } from './types.js';

/**
 * What a field label in an entry stands for. Forks of the digest generator spell the same field many
 * ways (`TL;DR:`, `**AI概要:**`, `一句话结论:`, `#### 🧩 TL;DR`, `<summary>Abstract</summary>` …);
 * every spelling seen is listed here, so supporting a new fork is usually one line.
 *
 * `rank` settles two labels for one field in one entry: the higher rank wins whatever the order
 * (`英文原始摘要` beats `中文摘要`; a real `TL;DR` beats V02's `Task:` line).
 */
export type LabelMeaning =
  | { readonly kind: 'text'; readonly field: TextField; readonly rank: number }
  | { readonly kind: 'authors' }
  | { readonly kind: 'primaryCategory' }
  | { readonly kind: 'categories' }
  | { readonly kind: 'keywords' };

const text = (field: TextField, rank = 2): LabelMeaning => ({ kind: 'text', field, rank });

const LABELS: ReadonlyArray<readonly [LabelMeaning, readonly string[]]> = [
  [text('tldr'), ['tl;dr', 'tldr', 'tl; dr', 'ai概要', '概要', '一句话总结', '一句话结论']],
  [text('tldr', 1), ['task']],
  [text('motivation'), ['motivation', '动机', '研究动机']],
  [text('method'), ['method', 'methods', '方法', '主要方法']],
  [text('result'), ['result', 'results', '结果', '主要结果']],
  [text('conclusion'), ['conclusion', 'conclusions', '结论']],
  [text('abstract'), ['abstract', '原文摘要', '英文原始摘要', 'english abstract', 'original abstract']],
  [text('abstract', 1), ['中文摘要', '中文摘要 (abstract in chinese)', '摘要', 'ai_abstract', 'ai abstract']],
  [text('comment'), ['comment', 'comments', '备注']],
  [text('titleTranslation'), ['title translation', 'title_translation', '标题翻译', '中文标题', '翻译标题']],
  [{ kind: 'authors' }, ['authors', 'author', '作者']],
  [{ kind: 'primaryCategory' }, ['main category', 'primary category', '主要类别', '主分类', '主类别', 'catalog']],
  [{ kind: 'categories' }, ['categories', 'category', '分类', '类别']],
  [{ kind: 'keywords' }, ['keywords', 'keyword', '关键词']],
];

const BY_LABEL = new Map<string, LabelMeaning>();
for (const [meaning, spellings] of LABELS) {
  for (const spelling of spellings) BY_LABEL.set(spelling, meaning);
}

/** Leading emoji decorate some labels and sub-headings (`🧩 TL;DR`, `📄 Abstract`, `✍️ **Authors**`). */
const LEADING_EMOJI = /^(?:[\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0f]+\s*)+/u;

function stripLeadingEmoji(text: string): string {
  return text.replace(LEADING_EMOJI, '');
}

/** Labels as printed, looked up before: a digest repeats the same few thousands of times. */
const SEEN = new Map<string, LabelMeaning | undefined>();
const SEEN_LIMIT = 10_000;

/** Look a label up, ignoring case, emoji and spacing; undefined when it is not a label we know. */
export function labelMeaning(label: string): LabelMeaning | undefined {
  if (SEEN.has(label)) return SEEN.get(label);
  const meaning = BY_LABEL.get(stripLeadingEmoji(label.trim()).replace(/\s+/g, ' ').toLowerCase());
  if (SEEN.size < SEEN_LIMIT) SEEN.set(label, meaning);
  return meaning;
}
