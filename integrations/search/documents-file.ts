/**
 * Reads the search documents the prerendered endpoint src/pages/search-documents.json.ts wrote into the build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { searchDocumentsFileSchema, type SearchDocument } from '../../src/features/search/documents.ts';

/** Path of the documents file under the client build output. */
export const DOCUMENTS_FILE = 'search-documents.json';

/** Where the documents file sits in a build: `dist/client/` for a server build, `dist/` for a static one. */
export function documentsFileIn(buildDir: string | URL): string | null {
  const dir = typeof buildDir === 'string' ? buildDir : fileURLToPath(buildDir);
  for (const candidate of [join(dir, DOCUMENTS_FILE), join(dir, 'client', DOCUMENTS_FILE)]) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/** Parses and validates the documents file; a bad file names the document and field. */
export function readSearchDocuments(path: string): SearchDocument[] {
  const parsed = searchDocumentsFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${path}: ${issue.path.join('.')} ${issue.message}`);
  }
  return parsed.data.documents;
}
