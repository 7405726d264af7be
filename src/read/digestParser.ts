import type { Diagnostics } from '../diagnostics.js';
import { splitAuthors } from './authors.js';
import { labelMeaning, type LabelMeaning } from './labels.js';
import { parsePaperLink } from './paperLink.js';
import { cleanText, isPlaceholder } from './text.js';
import type { DigestEntry, PaperLink, TextField } from './types.js';

/**
 * A paper heading: `### [3] [Title](URL)`, `### [Title](URL)`, `## <a id="…"></a>[Title](URL) [[back]](#toc-1)`.
 * Any level-2..4 heading whose text starts with `[` (after an optional index and anchor) is one;
 * the link is looked for separately because titles may hold brackets and parentheses of their own.
 */
const PAPER_HEADING = /^(#{2,4})[ \t]+(?:\[\d+\][ \t]+)?(?:<a\s+(?:id|name)="[^"]*"\s*>\s*<\/a>\s*)?\[(.*)$/s;
const HEADING = /^(#{1,6})[ \t]+(.*?)[ \t#]*$/s;
const TOC_HEADING = /^(?:table of contents|contents|目录(?:\s*\/\s*contents)?)$/i;
const BACK_LINK = /\[\[back\]\]\([^)]*\)/gi;
const ANCHOR = /<a\s+(?:id|name)="[^"]*"\s*>\s*<\/a>/gi;
const CATEGORY_CODE = /^[a-z][a-z-]*(?:\.[A-Za-z][A-Za-z-]*)?$/;
const SECTION_CODE_SUFFIX = /\[([a-z][a-z-]*(?:\.[A-Za-z][A-Za-z-]*)?)\]\s*$/;
const DIV_ANCHOR = /^<div\s+id=/i;
const TOC_TOTAL = /^- \[(.+)\]\(#[^)]*\)\s*\[(?:Total|总数)\s*[:：]\s*(\d+)\]\s*$/;
const TITLE_TRANSLATION = /^>\s*\*(?!\*)(.*[^*\s])\*$/s;
/**
 * A field label at the start of a line: optional bullet, emoji and bold, label text, ASCII or full-width
 * colon (`TL;DR:`, `**TL;DR**:`, `**TL;DR:**`, `- Motivation:`, `**主类别：**`). Not a URL scheme.
 */
const LABEL =
  /^(?:[-+]\s+)?(?:[\p{Extended_Pictographic}\ufe0f]+\s*)?(\*\*)?([^:：*[\]<>`]{1,40}?)(\*\*)?\s*[:：](?!\/\/)\s*(\*\*)?\s*(.*)$/su;
const INLINE_CATEGORIES = /\*\*Categor(?:y|ies)\s*[:：]\s*(?:\*\*)?\s*(.+?)(?:\*\*)?\s*$/is;
const SUMMARY_TAG = /^<summary>\s*(.*?)\s*<\/summary>$/is;
const RULE = /^(?:-{3,}|\*{3,}|_{3,})$/;
/** `[Embodied][9.5] ✅ ` in front of some TL;DRs: the generator's own ranking tags, not the summary. */
const TLDR_TAGS = /^((?:\[[^\][]{1,40}\]){1,4})\s*(?:[✅❌⚠]\ufe0f?\s*)?/u;
const ISO_DATE = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/;

/** The first valid YYYY-MM-DD in a text. */
export function findIsoDate(text: string): string | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const [, y, mo, d] = m.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? (m[0] as string) : undefined;
}

/** `*Author One,Author Two*`, optionally followed by `| **Category: …**` (a fork's template). */
function authorLine(line: string): { names: string; trailer?: string } | undefined {
  if (line[0] !== '*' || line[1] === '*' || line.length < 3) return undefined;
  const close = line.indexOf('*', 1);
  if (close < 0 || line[close + 1] === '*' || /\s/.test(line[close - 1] as string)) return undefined;
  const rest = line.slice(close + 1).trim();
  if (rest === '') return { names: line.slice(1, close) };
  return rest.startsWith('|') ? { names: line.slice(1, close), trailer: rest.slice(1) } : undefined;
}

/**
 * Find where the link target of a heading starts: the last `](http` of the line, so that brackets
 * inside the title (`[O III]`, `$K[x]/(x^t)$`) do not matter. Returns the title and URL.
 */
function splitTitleAndUrl(rest: string): { title: string; url: string } | undefined {
  let at = -1;
  for (const m of rest.matchAll(/\]\(\s*https?:\/\//gi)) at = m.index;
  if (at < 0) return undefined;
  const open = at + 1;
  let depth = 0;
  let end = open + 1;
  for (; end < rest.length; end++) {
    const ch = rest[end];
    if (ch === '(') depth++;
    else if (ch === ')') {
      if (depth === 0) break;
      depth--;
    } else if (ch === ' ' || ch === '\t') break;
  }
  return { title: rest.slice(0, at), url: rest.slice(open + 1, end).trim() };
}

function categoryValue(value: string): string {
  return cleanText(value.split('|')[0]?.replace(/[`*]/g, '') ?? '');
}

function categoryList(value: string): string[] {
  return value
    .split(/[,，;]/)
    .map(categoryValue)
    .filter((c) => c !== '');
}

/** Cheap pre-check for {@link LABEL}, which is costly on the long lines of running text. */
function mayHoldLabel(content: string): boolean {
  const end = Math.min(content.length, 64);
  for (let i = 0; i < end; i++) {
    const code = content.charCodeAt(i);
    if (code === 0x3a || code === 0xff1a) return true;
  }
  return false;
}

function stripTldrTags(tldr: string): string {
  const m = TLDR_TAGS.exec(tldr);
  return m && /\[\d+(?:\.\d+)?\]/.test(m[1] as string) ? tldr.slice(m[0].length) : tldr;
}

interface FieldBuffer {
  readonly field: TextField;
  readonly rank: number;
  readonly parts: string[];
}

/** An entry being read: everything still raw, cleaned once when the entry ends. */
interface OpenEntry {
  readonly level: number;
  readonly line: number;
  readonly link: PaperLink;
  readonly title: string;
  authors?: string[];
  authorsTruncated?: true;
  primaryCategory?: string;
  listedCategories: string[];
  keywords?: string[];
  readonly fields: Map<TextField, FieldBuffer>;
  /** The field continuation lines go to; null after a line that ends a field. */
  current: FieldBuffer | null;
  /** No field, label or structure seen yet: the author line and title translation may still come. */
  head: boolean;
  inDetails: boolean;
}

export interface DigestParserOptions {
  /** The input as the user named it; used in sources and diagnostics. */
  readonly file: string;
  readonly diagnostics: Diagnostics;
  readonly onEntry: (entry: DigestEntry) => void;
  /** Digest date taken from the file name, if any; a date in the title heading is used otherwise. */
  readonly fileDate?: string;
}

/**
 * Reads one digest line by line and hands out one {@link DigestEntry} per paper heading, whatever the
 * fork's template (see the labels table and `../shared/corpus/VARIANTS.md`). It never throws on text:
 * every problem becomes a diagnostic and the entries around it are kept.
 */
export class DigestParser {
  private readonly file: string;
  private readonly diagnostics: Diagnostics;
  private readonly onEntry: (entry: DigestEntry) => void;
  private date: string | undefined;
  private section: string | undefined;
  private headingsSeen = 0;
  private sectionAnchorPending = false;
  private entry: OpenEntry | undefined;
  /** Level of a heading whose entry is being skipped (no usable link): its lines are swallowed. */
  private skippingLevel: number | undefined;
  private previousLineOpensParagraph = true;
  private entries = 0;
  /** `- [cs.CV](#cs.CV) [Total: 60]`: what the table of contents announces, to check against what is read. */
  private readonly announced = new Map<string, { count: number; line: number }>();
  private readonly headingsPerSection = new Map<string, number>();
  private readonly withoutAuthors: number[] = [];
  private entriesWithAuthors = 0;
  private lastLine = 0;
  private placeholders: { count: number; line: number; example: string } | undefined;

  constructor(options: DigestParserOptions) {
    this.file = options.file;
    this.diagnostics = options.diagnostics;
    this.onEntry = options.onEntry;
    this.date = options.fileDate;
  }

  /** Feed the next line (without its line break); `lineNo` is 1-based. */
  line(text: string, lineNo: number): void {
    this.lastLine = lineNo;
    if (text.startsWith('<') && DIV_ANCHOR.test(text)) this.sectionAnchorPending = true;
    const heading = text.startsWith('#') ? HEADING.exec(text) : null;
    if (heading) {
      this.heading(text, (heading[1] as string).length, heading[2] as string, lineNo);
      return;
    }
    if (this.skippingLevel !== undefined) return;
    if (this.entry) this.entryLine(this.entry, text);
    else if (text.startsWith('- [')) this.tocLine(text, lineNo);
  }

  private tocLine(text: string, lineNo: number): void {
    const item = TOC_TOTAL.exec(text);
    if (item) this.announced.set(cleanText(item[1] as string), { count: Number(item[2]), line: lineNo });
  }

  /** The digest's date: from the file name, else from its title heading. */
  get digestDate(): string | undefined {
    return this.date;
  }

  /** Close the last entry and report what the whole file showed. Returns the number of entries read. */
  end(): number {
    if (this.entry?.inDetails) {
      this.warn(this.lastLine, 'file ends inside an entry (<details> never closed)', 'kept what was read of it');
    }
    this.closeEntry();
    if (this.placeholders) {
      const { count, line, example } = this.placeholders;
      this.warn(
        line,
        `${count} generated field(s) hold an LLM failure message such as ${JSON.stringify(example)}`,
        'dropped those fields and kept the papers',
      );
    }
    if (this.entries === 0) this.warn(undefined, 'no paper entries found', 'nothing read from this file');
    for (const [section, { count, line }] of this.announced) {
      const found = this.headingsPerSection.get(section) ?? 0;
      if (found !== count) {
        this.warn(line, `table of contents announces ${count} entries under ${section}, ${found} found`, 'kept the entries found');
      }
    }
    // A missing author line matters only where the template has one: some entries of this file do.
    if (this.entriesWithAuthors > 0) {
      for (const line of this.withoutAuthors) this.warn(line, 'entry has no author line', 'kept the paper without authors');
    }
    return this.entries;
  }

  private warn(line: number | undefined, problem: string, action: string): void {
    this.diagnostics.report({ severity: 'warning', file: this.file, ...(line === undefined ? {} : { line }), problem, action });
  }

  private heading(text: string, level: number, content: string, lineNo: number): void {
    const paper = level >= 2 && level <= 4 ? PAPER_HEADING.exec(text) : null;
    if (paper) {
      this.closeEntry();
      this.openEntry(level, paper[2] as string, lineNo);
      return;
    }
    const inside = this.entry ?? (this.skippingLevel === undefined ? undefined : { level: this.skippingLevel });
    if (inside && level > inside.level) {
      if (this.entry) this.subHeading(this.entry, content);
      return;
    }
    this.closeEntry();
    this.skippingLevel = undefined;
    this.sectionHeading(level, content);
  }

  private sectionHeading(level: number, content: string): void {
    const anchored = this.sectionAnchorPending;
    this.sectionAnchorPending = false;
    const first = this.headingsSeen === 0;
    this.headingsSeen++;
    const plain = content.replace(ANCHOR, '').replace(BACK_LINK, '').trim();
    if (TOC_HEADING.test(plain)) {
      this.section = undefined;
      return;
    }
    const marked = anchored || content !== plain || SECTION_CODE_SUFFIX.test(plain) || CATEGORY_CODE.test(plain);
    if (first && level === 1 && !marked) {
      // The digest's title, e.g. `# 每日 ArXiv 摘要速递: 2025-06-07` or `# 2025-09-04`.
      this.section = undefined;
      const titleDate = findIsoDate(plain);
      if (titleDate && this.date && titleDate !== this.date) {
        this.diagnostics.report({
          severity: 'notice',
          file: this.file,
          line: this.lastLine,
          problem: `title date ${titleDate} differs from the file name's ${this.date}`,
          action: 'used the file name date',
        });
      }
      this.date ??= titleDate;
      return;
    }
    const code = SECTION_CODE_SUFFIX.exec(plain);
    this.section = code ? (code[1] as string) : cleanText(plain) || undefined;
  }

  private openEntry(level: number, rest: string, lineNo: number): void {
    if (this.section !== undefined) {
      this.headingsPerSection.set(this.section, (this.headingsPerSection.get(this.section) ?? 0) + 1);
    }
    const parts = splitTitleAndUrl(rest);
    const link = parts && parsePaperLink(parts.url);
    if (!parts || !link) {
      this.skippingLevel = level;
      this.diagnostics.report({
        severity: 'skipped',
        file: this.file,
        line: lineNo,
        problem: parts
          ? `paper heading links to ${JSON.stringify(parts.url)}, not to a paper`
          : 'paper heading has no link to the paper',
        action: 'entry skipped (add the arXiv link to keep it)',
      });
      return;
    }
    this.skippingLevel = undefined;
    if (link.scheme === 'url') {
      this.warn(lineNo, `link ${link.url} is not to arXiv, a DOI or PubMed`, 'kept the paper under its URL');
    }
    this.entry = {
      level,
      line: lineNo,
      link,
      title: parts.title,
      listedCategories: [],
      fields: new Map(),
      current: null,
      head: true,
      inDetails: false,
    };
    this.previousLineOpensParagraph = true;
  }

  private subHeading(entry: OpenEntry, content: string): void {
    // `#### 🧩 TL;DR`, `#### 📄 Abstract`, `### Summary`: a label in heading form.
    this.startField(entry, labelMeaning(content.replace(/[:：]\s*$/, '')), '');
    this.afterFieldHeading(entry);
  }

  /**
   * After `#### 🧩 TL;DR` or `<summary>Abstract</summary>` the next line is the field's text, even
   * when it starts like a label ("VideoNeuMat：两阶段…", "Background: …"); after any other heading a
   * plain label may follow.
   */
  private afterFieldHeading(entry: OpenEntry): void {
    this.previousLineOpensParagraph = entry.current === null;
  }

  private entryLine(entry: OpenEntry, text: string): void {
    const trimmed = text.trim();
    if (trimmed === '') {
      this.previousLineOpensParagraph = true;
      return;
    }
    if (this.structure(entry, trimmed)) return;
    if (entry.head && this.headLine(entry, trimmed)) {
      this.previousLineOpensParagraph = true;
      return;
    }
    const quoted = trimmed.startsWith('>');
    const content = quoted ? trimmed.replace(/^>\s?/, '').trim() : trimmed;
    const indented = !quoted && (text[0] === ' ' || text[0] === '\t');
    const label = indented || !mayHoldLabel(content) ? null : LABEL.exec(content);
    const meaning = label ? labelMeaning(label[2] as string) : undefined;
    const bold = label?.[1] !== undefined;
    const opens = this.previousLineOpensParagraph;
    // Plain "Word: …" is a label only where a field can start; inside running text it is text.
    const isLabel =
      label !== null &&
      (bold || (meaning !== undefined ? /^[-+]\s/.test(content) || quoted || opens : opens && !quoted));
    if (label && isLabel) {
      entry.head = false;
      let value = label[5] as string;
      if (bold && label[3] === undefined && label[4] === undefined) value = value.replace(/\*\*\s*$/, '');
      this.startField(entry, meaning, value);
      this.previousLineOpensParagraph = meaning !== undefined && meaning.kind !== 'text';
      return;
    }
    this.previousLineOpensParagraph = false;
    if (quoted && entry.current === null && !entry.fields.has('tldr') && !entry.inDetails) {
      // An unlabelled blockquote right after the category line is that fork's TL;DR.
      entry.head = false;
      this.startField(entry, { kind: 'text', field: 'tldr', rank: 2 }, content);
      return;
    }
    if (entry.current) {
      entry.current.parts.push(content);
      return;
    }
    const inline = content.includes('**Categor') ? INLINE_CATEGORIES.exec(content) : null;
    if (inline) entry.listedCategories.push(...categoryList(inline[1] as string));
  }

  /** HTML structure and rules end the current field; `<summary>Abstract</summary>` also starts one. */
  private structure(entry: OpenEntry, trimmed: string): boolean {
    const first = trimmed[0];
    if ((first === '-' || first === '*' || first === '_') && RULE.test(trimmed)) {
      entry.current = null;
      this.previousLineOpensParagraph = true;
      return true;
    }
    if (first !== '<') return false;
    const lower = trimmed.toLowerCase();
    if (lower.startsWith('<details')) {
      entry.inDetails = true;
    } else if (lower.startsWith('</details')) {
      entry.inDetails = false;
    } else if (lower.startsWith('<summary')) {
      const summary = SUMMARY_TAG.exec(trimmed);
      entry.head = false;
      this.startField(entry, summary ? labelMeaning(summary[1] as string) : undefined, '');
      this.afterFieldHeading(entry);
      return true;
    } else if (!/^<\/?(?:div|br|p|hr|summary)\b/.test(lower)) {
      return false;
    }
    entry.head = false;
    entry.current = null;
    this.previousLineOpensParagraph = true;
    return true;
  }

  /** The lines only seen right under the heading: a title translation, then the author line. */
  private headLine(entry: OpenEntry, trimmed: string): boolean {
    if (entry.authors === undefined) {
      const translation = TITLE_TRANSLATION.exec(trimmed);
      if (translation) {
        this.startField(entry, { kind: 'text', field: 'titleTranslation', rank: 2 }, translation[1] as string);
        entry.current = null;
        return true;
      }
      const authors = authorLine(trimmed);
      if (authors) {
        this.setAuthors(entry, authors.names);
        const trailer = authors.trailer !== undefined ? INLINE_CATEGORIES.exec(authors.trailer) : null;
        if (trailer) entry.listedCategories.push(...categoryList(trailer[1] as string));
        return true;
      }
    }
    return false;
  }

  private setAuthors(entry: OpenEntry, line: string): void {
    const { names, truncated } = splitAuthors(line);
    entry.authors = names;
    if (truncated) entry.authorsTruncated = true;
  }

  private startField(entry: OpenEntry, meaning: LabelMeaning | undefined, value: string): void {
    entry.current = null;
    if (meaning === undefined) return;
    switch (meaning.kind) {
      case 'text': {
        const buffer: FieldBuffer = { field: meaning.field, rank: meaning.rank, parts: value === '' ? [] : [value] };
        const existing = entry.fields.get(meaning.field);
        // A lower-ranked or repeated label still collects its lines, into a buffer nobody reads.
        if (existing === undefined || existing.rank < meaning.rank) entry.fields.set(meaning.field, buffer);
        entry.current = buffer;
        return;
      }
      case 'authors':
        if (entry.authors === undefined) this.setAuthors(entry, value);
        return;
      case 'primaryCategory': {
        const category = categoryValue(value);
        if (entry.primaryCategory === undefined && category !== '') entry.primaryCategory = category;
        return;
      }
      case 'categories':
        entry.listedCategories.push(...categoryList(value));
        return;
      case 'keywords':
        entry.keywords ??= value
          .split(/[,，;；]/)
          .map((k) => cleanText(k))
          .filter((k) => k !== '');
        return;
    }
  }

  private closeEntry(): void {
    const entry = this.entry;
    this.entry = undefined;
    if (!entry) return;
    const text: Partial<Record<TextField, string>> = {};
    for (const [field, buffer] of entry.fields) {
      // Parts are trimmed lines; a space joins them where the hard wraps were.
      let value = cleanText(buffer.parts.join(' '));
      if (field === 'tldr') value = stripTldrTags(value);
      if (value === '') continue;
      if (isPlaceholder(value)) {
        this.placeholders ??= { count: 0, line: entry.line, example: value };
        this.placeholders.count++;
        continue;
      }
      text[field] = value;
    }
    const title = cleanText(entry.title);
    if (title === '') this.warn(entry.line, 'paper heading has an empty title', 'kept the paper without a title');
    const categories = [
      ...new Set(
        [entry.primaryCategory, this.section, ...entry.listedCategories].filter(
          (c): c is string => c !== undefined && c !== '',
        ),
      ),
    ];
    this.entries++;
    if (entry.authors && entry.authors.length > 0) this.entriesWithAuthors++;
    else this.withoutAuthors.push(entry.line);
    this.onEntry({
      link: entry.link,
      ...(title === '' ? {} : { title }),
      ...(entry.authors && entry.authors.length > 0 ? { authors: entry.authors } : {}),
      ...(entry.authorsTruncated ? { authorsTruncated: true as const } : {}),
      categories,
      ...(entry.keywords && entry.keywords.length > 0 ? { keywords: entry.keywords } : {}),
      text,
      ...(this.date === undefined ? {} : { date: this.date }),
      source: { file: this.file, line: entry.line },
    });
  }
}

/** Parse a whole digest held in memory (tests, small inputs), split into lines as files are. */
export function parseDigestText(text: string, options: Omit<DigestParserOptions, 'onEntry'>): DigestEntry[] {
  const entries: DigestEntry[] = [];
  const parser = new DigestParser({ ...options, onEntry: (e) => entries.push(e) });
  const lines = text.replace(/^\ufeff/, '').split('\n');
  lines.forEach((line, i) => parser.line(line.endsWith('\r') ? line.slice(0, -1) : line, i + 1));
  parser.end();
  return entries;
}
