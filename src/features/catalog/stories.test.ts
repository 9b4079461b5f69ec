import { describe, expect, it } from 'vitest';
import { markdownBody } from './stories';

describe('markdownBody', () => {
  it('is what follows the frontmatter, trimmed', () => {
    expect(markdownBody('---\nname: Tôm khô\nprice: 450000\n---\n\nCâu chuyện **mẫu**.\n')).toBe(
      'Câu chuyện **mẫu**.',
    );
  });

  it('keeps a thematic break (---) inside the story', () => {
    expect(markdownBody('---\na: 1\n---\nMột\n\n---\n\nHai\n')).toBe('Một\n\n---\n\nHai');
  });

  it('is the whole text of a file with empty or no frontmatter', () => {
    expect(markdownBody('---\n---\n\nA sample story.\n')).toBe('A sample story.');
    expect(markdownBody('A story without frontmatter.\n')).toBe('A story without frontmatter.');
  });
});
