/**
 * The origin story in a product's Markdown file (content/products/<slug>/index.md or en.md). Pure.
 */

/** Frontmatter as Astro reads it: a YAML (---) or TOML (+++) block at the start of the file. */
const FRONTMATTER = /(?:^\uFEFF?|^\s*\n)(---|\+\+\+)([\s\S]*?\n)(---|\+\+\+)/;

/** The Markdown body of a file: what follows its frontmatter, trimmed, as Astro's content loader keeps it. */
export function markdownBody(text: string): string {
  const match = FRONTMATTER.exec(text);
  if (!match) return text.trim();
  return text.replace(`${match[1]}${match[2]}${match[3]}`, '').trim();
}
