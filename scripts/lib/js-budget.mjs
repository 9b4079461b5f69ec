/**
 * The JavaScript budget per page type (docs/performance.md): the budgets file, and the verdict on what a page
 * loaded. Pure; scripts/check-budget.mjs does the measuring in Chromium.
 */

/**
 * @typedef {{ name: string, path: string, signIn?: string }} BudgetPage
 * @typedef {{ pages: BudgetPage[], budgets: Record<string, number>, accounts?: Record<string, { email: string, password: string }> }} BudgetFile
 * @typedef {{ url: string, bytes: number }} ScriptLoad
 */

/**
 * Checks a parsed budgets file: every page has a name, a path and a positive whole budget in KB.
 * @param {unknown} value
 * @returns {BudgetFile}
 */
export function parseBudgets(value) {
  const file = /** @type {BudgetFile} */ (value);
  if (!file || !Array.isArray(file.pages) || typeof file.budgets !== 'object')
    throw new Error('the budgets file needs "pages" (a list) and "budgets" (KB per page type)');
  for (const page of file.pages) {
    if (typeof page.name !== 'string' || typeof page.path !== 'string' || !page.path.startsWith('/'))
      throw new Error(`page ${JSON.stringify(page)} needs a name and a path starting with /`);
    const budget = file.budgets[page.name];
    if (!Number.isFinite(budget) || budget <= 0)
      throw new Error(`page type "${page.name}" has no budget (a positive number of KB) in "budgets"`);
    if (page.signIn && !file.accounts?.[page.signIn])
      throw new Error(
        `page type "${page.name}" signs in as "${page.signIn}", which "accounts" does not list`,
      );
  }
  return file;
}

/**
 * The verdict for one page type: its JavaScript (bytes as transferred, so compressed) against its budget.
 * @param {string} name
 * @param {ScriptLoad[]} scripts
 * @param {number} budgetKb
 */
export function judgePage(name, scripts, budgetKb) {
  const bytes = scripts.reduce((sum, s) => sum + s.bytes, 0);
  const kb = bytes / 1024;
  const over = kb > budgetKb;
  const heaviest = [...scripts]
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 5)
    .map((s) => `${s.url.replace(/^https?:\/\/[^/]+/, '')} ${(s.bytes / 1024).toFixed(1)} KB`);
  const line = `${name}: ${kb.toFixed(1)} KB of JavaScript in ${scripts.length} files (budget ${budgetKb} KB)`;
  return {
    name,
    kb,
    files: scripts.length,
    over,
    message: over ? `${line}: ${(kb - budgetKb).toFixed(1)} KB over. Heaviest: ${heaviest.join(', ')}` : line,
  };
}
