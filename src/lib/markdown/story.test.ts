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

  it('is empty for a story not written yet', () => {
    expect(storyHtml('  ')).toBe('');
  });
});
