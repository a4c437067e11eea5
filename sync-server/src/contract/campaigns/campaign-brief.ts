/**
 * The brief convention of the Campaigns spec (000 §4.4, §6.3): `Campaign.description` is plain
 * markdown in which the sections below are level-2 headings. No new DB field: the sidebar, the
 * exports and the server all parse and render it with these two functions.
 *
 * Pure: no Node, Express or Prisma, so esbuild can bundle it into the add-on.
 */

export const BRIEF_SECTION_KEYS = ['keyMessage', 'do', 'dont', 'hashtags', 'cta', 'postmortem'] as const;
export type BriefSectionKey = (typeof BRIEF_SECTION_KEYS)[number];

/** The heading each section is written with, in the order a new brief suggests them. */
export const BRIEF_SECTION_TITLES: Record<BriefSectionKey, string> = {
  keyMessage: 'Key message',
  do: 'Do',
  dont: "Don't",
  hashtags: 'Hashtags',
  cta: 'CTA',
  postmortem: 'Postmortem',
};

/** Heading spellings people actually type (case, accents and apostrophes vary). */
const headingAliases: Record<string, BriefSectionKey> = {
  'key message': 'keyMessage',
  'key messages': 'keyMessage',
  'thong diep chinh': 'keyMessage',
  do: 'do',
  "do's": 'do',
  dos: 'do',
  "don't": 'dont',
  'dont': 'dont',
  "don'ts": 'dont',
  'donts': 'dont',
  'do not': 'dont',
  hashtags: 'hashtags',
  hashtag: 'hashtags',
  cta: 'cta',
  'call to action': 'cta',
  postmortem: 'postmortem',
  'post-mortem': 'postmortem',
  'post mortem': 'postmortem',
  insights: 'postmortem',
};

/** One piece of the description: a known section, or text the convention doesn't know (kept verbatim). */
export type BriefBlock =
  | { kind: 'section'; key: BriefSectionKey; heading: string; body: string }
  | { kind: 'text'; text: string };

export type ParsedBrief = {
  blocks: BriefBlock[];
  /** Body of each known section (trimmed); a section written twice keeps its first body here. */
  sections: Partial<Record<BriefSectionKey, string>>;
};

function normalizeHeading(heading: string): string {
  return heading
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[:.\s]+$/g, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

const headingLine = /^##[ \t]+(.+?)[ \t]*#*[ \t]*$/;

/** Splits a description into blocks; `renderBrief(parseBrief(x))` gives `x` back unchanged. */
export function parseBrief(description: string | null | undefined): ParsedBrief {
  const text = description ?? '';
  const blocks: BriefBlock[] = [];
  const sections: Partial<Record<BriefSectionKey, string>> = {};
  if (text === '') return { blocks, sections };

  const lines = text.split('\n');
  let current: { key: BriefSectionKey; heading: string; lines: string[] } | undefined;
  let loose: string[] = [];
  let inFence = false;

  const flushLoose = () => {
    if (loose.length > 0) blocks.push({ kind: 'text', text: loose.join('\n') });
    loose = [];
  };
  const flushSection = () => {
    if (!current) return;
    const body = current.lines.join('\n');
    blocks.push({ kind: 'section', key: current.key, heading: current.heading, body });
    if (sections[current.key] === undefined) sections[current.key] = body.trim();
    current = undefined;
  };

  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const match = inFence ? null : headingLine.exec(line);
    const key = match?.[1] ? headingAliases[normalizeHeading(match[1])] : undefined;
    if (match && key) {
      flushSection();
      flushLoose();
      current = { key, heading: line, lines: [] };
      continue;
    }
    // Any other level-1/2 heading ends a known section: what follows is the author's own text.
    if (match || (!inFence && /^#[ \t]/.test(line))) {
      flushSection();
    }
    if (current) current.lines.push(line);
    else loose.push(line);
  }
  flushSection();
  flushLoose();
  return { blocks, sections };
}

/** Joins blocks back into a description: each section as its heading line then its body. */
export function renderBriefBlocks(blocks: readonly BriefBlock[]): string {
  return blocks.map((block) => (block.kind === 'text' ? block.text : [block.heading, block.body].join('\n'))).join('\n');
}

/**
 * Sets (or adds, at the end) the body of one section, keeping every other byte as it was.
 * An empty body removes the section.
 */
export function setBriefSection(description: string | null | undefined, key: BriefSectionKey, body: string): string {
  const { blocks } = parseBrief(description);
  const trimmed = body.replace(/\s+$/, '');
  const index = blocks.findIndex((block) => block.kind === 'section' && block.key === key);
  if (index >= 0) {
    if (trimmed === '') blocks.splice(index, 1);
    else blocks[index] = { kind: 'section', key, heading: `## ${BRIEF_SECTION_TITLES[key]}`, body: `${trimmed}\n` };
    return renderBriefBlocks(blocks);
  }
  if (trimmed === '') return description ?? '';
  const base = (description ?? '').replace(/\s+$/, '');
  const section = `## ${BRIEF_SECTION_TITLES[key]}\n${trimmed}\n`;
  return base === '' ? section : `${base}\n\n${section}`;
}

/** Renders a structured brief into the convention, for a new campaign or an export. */
export function renderBrief(sections: Partial<Record<BriefSectionKey, string>>, freeText?: string): string {
  const parts: string[] = [];
  if (freeText && freeText.trim() !== '') parts.push(freeText.trim());
  for (const key of BRIEF_SECTION_KEYS) {
    const body = sections[key]?.trim();
    if (body) parts.push(`## ${BRIEF_SECTION_TITLES[key]}\n${body}`);
  }
  return parts.length === 0 ? '' : `${parts.join('\n\n')}\n`;
}

// ── Postmortem ──────────────────────────────────────────────────────────────────────

export const POSTMORTEM_ITEM_KEYS = ['whatWorked', 'whatDidnt', 'nextTime'] as const;
export type PostmortemItemKey = (typeof POSTMORTEM_ITEM_KEYS)[number];

export const POSTMORTEM_ITEM_LABELS: Record<PostmortemItemKey, string> = {
  whatWorked: 'What worked',
  whatDidnt: "What didn't",
  nextTime: 'Next time',
};

/** The skeleton the sidebar appends when a planner starts the postmortem. */
export const POSTMORTEM_TEMPLATE = '## Postmortem\n- What worked:\n- What didn\u2019t:\n- Next time:\n';

export type Postmortem = Record<PostmortemItemKey, string>;

function postmortemItemKey(label: string): PostmortemItemKey | undefined {
  const normalized = normalizeHeading(label).replace(/\*+/g, '').trim();
  if (normalized === 'what worked') return 'whatWorked';
  if (["what didn't", 'what didnt', 'what did not', "what didn't work", 'what did not work'].includes(normalized)) return 'whatDidnt';
  if (['next time', 'next'].includes(normalized)) return 'nextTime';
  return undefined;
}

/**
 * Reads the three items of the postmortem section. An item is "- Label: text" and may run on
 * over the following lines (sub-bullets, paragraphs) until the next item.
 */
export function parsePostmortem(description: string | null | undefined): Postmortem | undefined {
  const body = parseBrief(description).sections.postmortem;
  if (body === undefined) return undefined;
  const result: Postmortem = { whatWorked: '', whatDidnt: '', nextTime: '' };
  let current: PostmortemItemKey | undefined;
  for (const line of body.split('\n')) {
    const item = /^\s*(?:[-*+]|\d+\.)?\s*(\*\*)?([^:*]+?)(\*\*)?\s*:\s*(?:\*\*)?(.*)$/.exec(line);
    const key = item?.[2] ? postmortemItemKey(item[2]) : undefined;
    if (item && key) {
      current = key;
      result[key] = (item[4] ?? '').trim();
      continue;
    }
    if (current && line.trim() !== '') result[current] = `${result[current]}\n${line.trim()}`.trim();
  }
  return result;
}

/** The postmortem items still empty; empty when the section is complete. Undefined section: all three. */
export function listMissingPostmortemItems(description: string | null | undefined): PostmortemItemKey[] {
  const postmortem = parsePostmortem(description);
  if (!postmortem) return [...POSTMORTEM_ITEM_KEYS];
  return POSTMORTEM_ITEM_KEYS.filter((key) => postmortem[key].trim() === '');
}

export function hasCompletePostmortem(description: string | null | undefined): boolean {
  return listMissingPostmortemItems(description).length === 0;
}

/** Renders a postmortem section body from its three items. */
export function renderPostmortem(postmortem: Postmortem): string {
  return POSTMORTEM_ITEM_KEYS.map((key) => `- ${POSTMORTEM_ITEM_LABELS[key]}: ${postmortem[key].trim()}`).join('\n');
}

/** A copy of a brief for a new run (duplicate): the old run's postmortem does not belong to it. */
export function removeBriefSection(description: string | null | undefined, key: BriefSectionKey): string {
  return setBriefSection(description, key, '');
}
