/**
 * Bad content fails the build naming the file, the field and how to fix it. Each case copies a small valid
 * catalogue into a throwaway project, breaks one thing, and runs the real `astro sync`.
 */
import { execFile } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify, stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../..');
const fixture = join(repo, 'tests/fixtures/content');
const projects: string[] = [];

/** A throwaway copy of the site whose catalogue is the fixture, changed by `mutate`. */
function project(mutate: (contentDir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'ocop-content-'));
  projects.push(dir);
  for (const f of ['astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(join(repo, f), join(dir, f));
  for (const folder of ['src', 'integrations'])
    cpSync(join(repo, folder), join(dir, folder), { recursive: true });
  // Link each package rather than node_modules itself: Astro keeps its content cache in node_modules/.astro,
  // which must stay private to the throwaway project.
  mkdirSync(join(dir, 'node_modules'));
  for (const pkg of readdirSync(join(repo, 'node_modules'))) {
    if (pkg !== '.astro') symlinkSync(join(repo, 'node_modules', pkg), join(dir, 'node_modules', pkg));
  }
  cpSync(fixture, join(dir, 'content'), { recursive: true });
  mutate(join(dir, 'content'));
  return dir;
}

async function astro(dir: string, command: 'sync' | 'build'): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [join(repo, 'node_modules/astro/bin/astro.mjs'), command],
      {
        cwd: dir,
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', OCOP_CONTENT_DIR: join(dir, 'content') },
      },
    );
    return { ok: true, output: stripVTControlCharacters(stdout + stderr) };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    // Astro colours its output when CI is set; the assertions read the plain text.
    return { ok: false, output: stripVTControlCharacters(`${e.stdout ?? ''}${e.stderr ?? ''}`) };
  }
}

const sync = (dir: string) => astro(dir, 'sync');

const productFile = (content: string) => join(content, 'products/tom-kho-mau/index.md');
function editProduct(content: string, from: string | RegExp, to: string) {
  const file = productFile(content);
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`fixture edit did not apply: ${from}`);
  writeFileSync(file, next);
}

function editFile(content: string, path: string, from: string, to: string) {
  const file = join(content, path);
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`fixture edit did not apply: ${from}`);
  writeFileSync(file, next);
}

afterAll(() => {
  for (const dir of projects) rmSync(dir, { recursive: true, force: true });
});

describe('content schema', () => {
  it('accepts the valid fixture catalogue', async () => {
    const dir = project(() => {});
    const result = await sync(dir);
    expect(result.output).toContain('Synced content');
    expect(result.ok).toBe(true);
    // The entries really were loaded from the fixture (not an empty catalogue that trivially passes).
    const store = readFileSync(join(dir, 'node_modules/.astro/data-store.json'), 'utf8');
    expect(store).toContain('tom-kho-mau');
    expect(store).toContain('htx-mau');
    expect(store).toContain('bao-mau-2025-10-21');
    // Stories are read from their files when their page is rendered: the store (inlined in the server) keeps none.
    expect(store).not.toContain('"rendered"');
  });

  it('fails on a product without its English origin story, naming the file', async () => {
    const result = await sync(project((c) => unlinkSync(join(c, 'products/tom-kho-mau/en.md'))));
    expect(result.ok).toBe(false);
    expect(result.output).toContain(
      'products/tom-kho-mau/en.md is missing: every product needs an English origin story next to index.md',
    );
  });

  it('fails on a star count that disagrees with the score', async () => {
    const result = await sync(project((c) => editProduct(c, 'stars: 4', 'stars: 5')));
    expect(result.ok).toBe(false);
    expect(result.output).toContain('products/tom-kho-mau/index.md');
    expect(result.output).toContain('certification.stars');
    expect(result.output).toContain('5 stars needs a score from 90 to 100, but the score is 75');
  });

  it('fails on a 4-star product recognised by a district, saying to set the provincial level', async () => {
    const result = await sync(project((c) => editProduct(c, 'level: provincial', 'level: district')));
    expect(result.ok).toBe(false);
    expect(result.output).toContain('products/tom-kho-mau/index.md');
    expect(result.output).toContain(
      'certification.level: district committees recognised 3-star products only; a 4-star product is recognised at provincial level: set level: provincial',
    );
  });

  it('fails on a district recognition dated after the districts were abolished', async () => {
    const dir = project((c) => {
      editProduct(c, 'stars: 4', 'stars: 3');
      editProduct(c, 'score: 75', 'score: 62');
      editProduct(c, 'level: provincial', 'level: district');
      editProduct(c, 'recognisedOn: 2024-06-01', 'recognisedOn: 2025-08-01');
    });
    const result = await sync(dir);
    expect(result.ok).toBe(false);
    expect(result.output).toContain('products/tom-kho-mau/index.md');
    expect(result.output).toContain(
      'certification.level: there are no districts since 2025-07-01, so a recognition dated 2025-08-01 is not a district one: set level: provincial',
    );
  });

  it('fails on a 4-star product scoring 90 or more without a candidacy for 5 stars', async () => {
    const result = await sync(project((c) => editProduct(c, 'score: 75', 'score: 92')));
    expect(result.ok).toBe(false);
    expect(result.output).toContain('products/tom-kho-mau/index.md');
    expect(result.output).toContain(
      'certification.candidacy: is missing: a 4-star product scoring 92 (90 or more) is a candidate for 5 stars; add candidacy: { submittedOn: YYYY-MM-DD }',
    );
    expect(result.output).toContain('or fix the score if it is below 90');
  });

  it('accepts a 4-star candidate for 5 stars with its dossier date, and checks that date', async () => {
    const candidate = (submittedOn: string) =>
      project((c) =>
        editProduct(
          c,
          'score: 75',
          `score: 92\n  candidacy:\n    submittedOn: ${submittedOn}\n    dossierNumber: 45/TTr-UBND`,
        ),
      );
    const accepted = await sync(candidate('2024-09-10'));
    expect(accepted.output).toContain('Synced content');
    expect(accepted.ok).toBe(true);
    const early = await sync(candidate('2024-05-31'));
    expect(early.ok).toBe(false);
    expect(early.output).toContain('products/tom-kho-mau/index.md');
    expect(early.output).toContain(
      'certification.candidacy.submittedOn: 2024-05-31 is before the 4-star recognition (2024-06-01)',
    );
  });

  it('fails on an unknown producer and lists the ones that exist', async () => {
    const result = await sync(project((c) => editProduct(c, 'producer: htx-mau', 'producer: htx-khong-co')));
    expect(result.ok).toBe(false);
    expect(result.output).toContain('products/tom-kho-mau/index.md');
    expect(result.output).toMatch(
      /producer: "htx-khong-co" does not exist: create content\/producers\/htx-khong-co\.yaml or use one of: htx-mau/,
    );
  });

  it('fails on a fractional price', async () => {
    const result = await sync(project((c) => editProduct(c, 'price: 450000', 'price: 450000.5')));
    expect(result.ok).toBe(false);
    expect(result.output).toContain('price: must be a whole number of đồng');
  });

  it('fails on a missing English name', async () => {
    const result = await sync(project((c) => editProduct(c, /\n {2}en: Sample dried shrimp/, '')));
    expect(result.ok).toBe(false);
    expect(result.output).toContain('products/tom-kho-mau/index.md');
    expect(result.output).toContain('name.en: is missing: add the English product name');
  });

  it('fails on food without ingredients', async () => {
    const result = await sync(project((c) => editProduct(c, /ingredients: .*\n/, '')));
    expect(result.ok).toBe(false);
    expect(result.output).toContain('ingredients: is missing: food products must list ingredients');
  });

  it('fails on programme counts by star level that do not add up to the total', async () => {
    const result = await sync(
      project((c) =>
        editFile(c, 'provinces/ca-mau.yaml', '{ 3: 266, 4: 75, 5: 2 }', '{ 3: 266, 4: 75, 5: 3 }'),
      ),
    );
    expect(result.ok).toBe(false);
    expect(result.output).toContain('provinces/ca-mau.yaml');
    expect(result.output).toContain('programme.0.byStars');
    expect(result.output).toContain(
      '266 (3 stars) + 75 (4 stars) + 3 (5 stars) = 344, but totalProducts is 343: copy the counts and the total exactly as the source gives them',
    );
  });

  it('fails on programme figures without their date', async () => {
    const result = await sync(
      project((c) => editFile(c, 'provinces/ca-mau.yaml', "asOf: '2025-10-21'", "asOf: 'October 2025'")),
    );
    expect(result.ok).toBe(false);
    expect(result.output).toContain('provinces/ca-mau.yaml');
    expect(result.output).toContain(
      'programme.0.asOf: must be YYYY-MM-DD, or YYYY when the source gives only a year',
    );
  });

  it('fails on a product that does not say where it comes from', async () => {
    const result = await sync(project((c) => editProduct(c, /provenance:\n( {2}.*\n)+/, '')));
    expect(result.ok).toBe(false);
    expect(result.output).toContain('products/tom-kho-mau/index.md');
    expect(result.output).toContain(
      'provenance: must say where the entry comes from: { kind: article, sources: [source id], sampleFields: [...] } or { kind: sample }',
    );
  });

  it('fails on a source article that does not exist and lists the ones that do', async () => {
    const result = await sync(
      project((c) => editProduct(c, 'sources: [bao-mau-2025-10-21]', 'sources: [bao-khong-co]')),
    );
    expect(result.ok).toBe(false);
    expect(result.output).toContain('products/tom-kho-mau/index.md');
    expect(result.output).toMatch(
      /provenance\.sources\.0: "bao-khong-co" does not exist: create content\/sources\/bao-khong-co\.yaml or use one of: bao-mau-2025-10-21/,
    );
  });

  it('fails on a sample field the product does not have', async () => {
    const result = await sync(
      project((c) => editProduct(c, 'sampleFields: [price,', 'sampleFields: [prize,')),
    );
    expect(result.ok).toBe(false);
    expect(result.output).toContain('products/tom-kho-mau/index.md');
    expect(result.output).toMatch(/provenance\.sampleFields\.0: must be one of certification\.stars, /);
  });

  it('fails on a former district written without its kind', async () => {
    const result = await sync(
      project((c) =>
        editFile(c, 'producers/htx-mau.yaml', 'formerDistrict: huyện Đầm Dơi', 'formerDistrict: Đầm Dơi'),
      ),
    );
    expect(result.ok).toBe(false);
    expect(result.output).toContain('producers/htx-mau.yaml');
    expect(result.output).toContain(
      'formerDistrict: must start with its kind, e.g. "huyện Chợ Lách" or "thành phố Bến Tre"',
    );
  });

  it('fails the build on a missing image file', async () => {
    // Image files are resolved when the site is built, so this case runs a real build.
    const result = await astro(
      project((c) => unlinkSync(join(c, 'products/tom-kho-mau/cover.jpg'))),
      'build',
    );
    expect(result.ok).toBe(false);
    expect(result.output).toContain('Could not find requested image `./cover.jpg`');
  });
});
