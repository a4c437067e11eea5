import { describe, expect, it } from 'vitest';
import {
  hasCompletePostmortem,
  listMissingPostmortemItems,
  parseBrief,
  parsePostmortem,
  POSTMORTEM_TEMPLATE,
  removeBriefSection,
  renderBrief,
  renderBriefBlocks,
  setBriefSection,
} from '../../sync-server/src/contract/campaigns/campaign-brief.js';

const BRIEF = [
  'Brief tổng cho Tết 2026.',
  '',
  '## Key message',
  'Da sáng trong 7 ngày',
  '',
  '## Do',
  '- Show the texture',
  '',
  "## Don't",
  '- Mention competitors',
  '',
  '## Notes from the brand',
  'Keep it under 60s.',
  '',
  '## Hashtags',
  '#tet #glow',
  '',
  '## CTA',
  'Mua ngay tại TikTok Shop',
  '',
].join('\n');

describe('brief convention', () => {
  it('reads each known section from its markdown heading', () => {
    const { sections } = parseBrief(BRIEF);
    expect(sections).toEqual({ keyMessage: 'Da sáng trong 7 ngày', do: '- Show the texture', dont: '- Mention competitors', hashtags: '#tet #glow', cta: 'Mua ngay tại TikTok Shop' });
  });

  it('keeps text outside the sections exactly as it was', () => {
    const { blocks } = parseBrief(BRIEF);
    expect(renderBriefBlocks(blocks)).toBe(BRIEF);
    const texts = blocks.filter((b) => b.kind === 'text').map((b) => (b.kind === 'text' ? b.text : ''));
    expect(texts.join('\n')).toContain('Brief tổng cho Tết 2026.');
    expect(texts.join('\n')).toContain('## Notes from the brand\nKeep it under 60s.');
  });

  it('accepts the headings people actually type (case, curly apostrophe, trailing colon)', () => {
    const { sections } = parseBrief('## KEY MESSAGE:\nGlow\n## Don\u2019t\nNo claims\n## call to action\nBuy');
    expect(sections).toEqual({ keyMessage: 'Glow', dont: 'No claims', cta: 'Buy' });
  });

  it('ignores headings inside code fences', () => {
    const { sections } = parseBrief('```\n## CTA\n```\n');
    expect(sections).toEqual({});
  });

  it('renders a structured brief with the headings in the suggested order', () => {
    expect(renderBrief({ cta: 'Buy now', keyMessage: 'Glow' }, 'Intro')).toBe('Intro\n\n## Key message\nGlow\n\n## CTA\nBuy now\n');
    expect(parseBrief(renderBrief({ hashtags: '#a', dont: 'x' })).sections).toEqual({ hashtags: '#a', dont: 'x' });
  });

  it('setting a section replaces only that section and appends it when absent', () => {
    const updated = setBriefSection(BRIEF, 'cta', 'Link in bio');
    expect(parseBrief(updated).sections.cta).toBe('Link in bio');
    expect(parseBrief(updated).sections.keyMessage).toBe('Da sáng trong 7 ngày');
    expect(updated).toContain('Keep it under 60s.');
    const appended = setBriefSection('Just text', 'postmortem', '- What worked: a');
    expect(appended).toBe('Just text\n\n## Postmortem\n- What worked: a\n');
    expect(removeBriefSection(appended, 'postmortem')).not.toContain('Postmortem');
  });

  it('an empty or missing description parses to nothing', () => {
    expect(parseBrief(null)).toEqual({ blocks: [], sections: {} });
    expect(parseBrief('')).toEqual({ blocks: [], sections: {} });
  });
});

describe('postmortem section', () => {
  it('the template the sidebar appends is not yet complete', () => {
    expect(listMissingPostmortemItems(POSTMORTEM_TEMPLATE)).toEqual(['whatWorked', 'whatDidnt', 'nextTime']);
    expect(hasCompletePostmortem(POSTMORTEM_TEMPLATE)).toBe(false);
  });

  it('reads the three items, including text continued on following lines', () => {
    const text = "Intro\n## Postmortem\n- What worked: hooks\n  - first 2 seconds\n- What didn't: late scripts\n- **Next time:** brief a week earlier\n";
    expect(parsePostmortem(text)).toEqual({ whatWorked: 'hooks\n- first 2 seconds', whatDidnt: 'late scripts', nextTime: 'brief a week earlier' });
    expect(hasCompletePostmortem(text)).toBe(true);
  });

  it('a missing section means every item is missing', () => {
    expect(parsePostmortem('## CTA\nBuy')).toBeUndefined();
    expect(listMissingPostmortemItems(null)).toHaveLength(3);
  });
});
