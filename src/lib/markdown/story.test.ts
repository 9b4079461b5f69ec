import { describe, expect, it } from 'vitest';
import { storyHtml } from './story.ts';

describe('storyHtml', () => {
  it('renders Markdown as a shopper will see it', () => {
    expect(storyHtml('Kẹo **dừa** Bến Tre')).toContain('<strong>dừa</strong>');
  });

  it('drops scripts, event attributes and javascript: links', () => {
    const html = storyHtml(
      '<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> [x](javascript:alert(1))',
    );
    expect(html).not.toMatch(/script|onerror|javascript/i);
  });

  it('sets quotes and dashes as typographic ones, like Markdown elsewhere on the site', () => {
    expect(storyHtml(`"BẾN TRE" -- the forest's edge`)).toContain('“BẾN TRE” – the forest’s edge');
  });

  it('is empty for a story not written yet', () => {
    expect(storyHtml('  ')).toBe('');
  });
});
