/**
 * <ocop-search-page>: search as you type, filters and sort applied at once, page links without a full page load,
 * on the search page that the server renders (SearchPage.tsx, which works without this script). Each change asks
 * the server for the search page of the new search and swaps in its results part ([data-search-results]), so the
 * page is rendered in one place only and no UI framework loads in the browser. The search stays in the URL: typing
 * replaces the history entry, other changes push one, back and forward restore the search. The latest request
 * wins; one that fails falls back to a plain page load of the same URL.
 */
import { formSearchParams } from './search-url';

type History = 'push' | 'replace' | 'none';

/** A pause in typing this long starts the search. */
const TYPING_DELAY_MS = 200;
const RESULTS = '[data-search-results]';
/** Wide screens show the filters as an open sidebar (SearchPage.css). */
const WIDE = '(min-width: 60rem)';

/** A plain left click (not a new tab or window, not a download). */
function isPlainClick(event: MouseEvent) {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/** How to find the focused control again in the new results: its name and value. */
function focusSelector(node: Element | null): string | null {
  if (!(node instanceof HTMLInputElement || node instanceof HTMLSelectElement) || !node.name) return null;
  const name = `[name="${CSS.escape(node.name)}"]`;
  return node instanceof HTMLInputElement && node.type === 'checkbox'
    ? `${name}[value="${CSS.escape(node.value)}"]`
    : name;
}

class SearchPageElement extends HTMLElement {
  private form!: HTMLFormElement;
  private input!: HTMLInputElement;
  private base = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inflight: AbortController | undefined;
  private readonly onPop = () => void this.load(window.location.href, 'none');

  connectedCallback() {
    this.form = this.querySelector('form')!;
    this.input = this.form.querySelector('input[name="q"]')!;
    this.base = new URL(this.form.action).pathname;
    if (window.matchMedia(WIDE).matches) this.filters()?.setAttribute('open', '');
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.search('push');
    });
    this.input.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.search('replace'), TYPING_DELAY_MS);
    });
    // Boxes and the sort select; the words box has its own pause (a change there fires on blur).
    this.form.addEventListener('change', (event) => {
      if (event.target !== this.input) this.search('push');
    });
    this.form.addEventListener('click', (event) => this.follow(event));
    window.addEventListener('popstate', this.onPop);
  }

  disconnectedCallback() {
    window.removeEventListener('popstate', this.onPop);
    clearTimeout(this.timer);
    this.inflight?.abort();
  }

  private filters() {
    return this.form.querySelector<HTMLDetailsElement>(`${RESULTS} details`);
  }

  /** A new search from the form as it is now: words, ticked boxes, sort; the first page. */
  private search(history: History) {
    clearTimeout(this.timer);
    const params = formSearchParams(new FormData(this.form)).toString();
    void this.load(params ? `${this.base}?${params}` : this.base, history);
  }

  /** Page links, "clear filters" and "without filters" are searches too: run them in place. */
  private follow(event: MouseEvent) {
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    if (!link || !isPlainClick(event) || event.defaultPrevented) return;
    if (link.origin !== window.location.origin || link.pathname !== this.base) return;
    event.preventDefault();
    // After a page change the heading takes focus, so screen readers hear the new results.
    void this.load(link.href, 'push', link.closest('.s-pages') !== null);
  }

  private async load(url: string, history: History, focusResults = false) {
    if (history === 'push') window.history.pushState(null, '', url);
    else if (history === 'replace') window.history.replaceState(null, '', url);
    this.inflight?.abort();
    const controller = new AbortController();
    this.inflight = controller;
    this.busy(true);
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { Accept: 'text/html' } });
      // 400 and 503 answers are search pages too (bad parameters named, search unavailable).
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      this.swap(page, history === 'none');
      if (focusResults) this.querySelector<HTMLElement>('#search-results-heading')?.focus();
    } catch {
      if (controller.signal.aborted) return;
      window.location.assign(url);
    } finally {
      if (this.inflight === controller) this.busy(false);
    }
  }

  private busy(on: boolean) {
    this.form.setAttribute('aria-busy', String(on));
    const heading = this.querySelector<HTMLElement>('#search-results-heading');
    if (on && heading?.dataset.searching) heading.textContent = heading.dataset.searching;
  }

  /** Puts the new search's results in place, keeping the filters' fold and the focused control. */
  private swap(page: Document, restoreWords: boolean) {
    const next = page.querySelector(RESULTS);
    const current = this.form.querySelector(RESULTS);
    if (!next || !current) throw new Error('the answer has no search results');
    const open = this.filters()?.open ?? false;
    const focus = current.contains(document.activeElement) ? focusSelector(document.activeElement) : null;
    // The live heading stays the same node with the new text, so screen readers announce the change.
    const heading = current.querySelector('#search-results-heading');
    const nextHeading = next.querySelector('#search-results-heading');
    current.replaceWith(document.adoptNode(next));
    if (heading && nextHeading) {
      heading.textContent = nextHeading.textContent;
      nextHeading.replaceWith(heading);
    }
    if (open) this.filters()?.setAttribute('open', '');
    if (focus) next.querySelector<HTMLElement>(focus)?.focus();
    document.title = page.title;
    const words = page.querySelector<HTMLInputElement>('input[name="q"]');
    if (restoreWords && words) this.input.value = words.value;
  }
}

if (!customElements.get('ocop-search-page')) customElements.define('ocop-search-page', SearchPageElement);
