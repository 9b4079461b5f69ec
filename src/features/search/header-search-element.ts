/**
 * <ocop-header-search>: the header search box's suggestions in the browser (rendered by HeaderSearch.astro as a
 * plain input of the GET form to /search, which works without this script). An ARIA 1.2 combobox with a listbox
 * popup: asks /api/search?view=suggest after a short pause in typing, keeps answers per text, aborts a request a
 * newer one replaces; the keys are ./header-combobox.ts's.
 */
import type { Locale } from '~/lib/i18n/locales';
import { translator, type Messages } from '~/lib/i18n/translate';
import {
  comboboxKey,
  suggestionOptions,
  suggestUrl,
  SUGGEST_DEBOUNCE_MS,
  type SuggestionOption,
} from './header-combobox';
import type { Suggestion } from './results';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

class HeaderSearchElement extends HTMLElement {
  private input!: HTMLInputElement;
  private list!: HTMLUListElement;
  private status!: HTMLElement;
  private t!: (key: string, values?: Record<string, string | number>) => string;
  private suggestions: Suggestion[] = [];
  private statusText = '';
  private options: SuggestionOption[] = [];
  private drawn = '';
  private open = false;
  private active = -1;
  private readonly cache = new Map<string, Suggestion[]>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inflight: AbortController | undefined;

  connectedCallback() {
    this.input = this.querySelector('input')!;
    this.list = this.querySelector('[role="listbox"]')!;
    this.status = this.querySelector('[role="status"]')!;
    const messages = JSON.parse(this.dataset.messages ?? '{}') as Messages;
    this.t = translator(messages)(this.dataset.locale as Locale);
    this.input.addEventListener('input', () => this.typed());
    this.input.addEventListener('keydown', (event) => this.key(event));
    this.input.addEventListener('focus', () => this.update({ open: true }));
    this.input.addEventListener('blur', () => this.update({ open: false }));
    // mousedown would blur the input and close the list before the click lands.
    this.list.addEventListener('mousedown', (event) => event.preventDefault());
    this.list.addEventListener('click', (event) => {
      const index = this.optionIndex(event.target);
      if (index >= 0) this.go(this.options[index]!);
    });
    this.list.addEventListener('mousemove', (event) => {
      const index = this.optionIndex(event.target);
      if (index >= 0 && index !== this.active) this.update({ active: index });
    });
    // Text typed before this script ran is kept by the browser: suggest for it if the shopper is still typing.
    if (this.input.value && document.activeElement === this.input) this.typed();
  }

  disconnectedCallback() {
    this.inflight?.abort();
  }

  private get words() {
    return this.input.value.trim();
  }

  private typed() {
    this.update({ open: true, active: -1 });
    this.load(this.words);
  }

  private key(event: KeyboardEvent) {
    const outcome = comboboxKey(event.key, {
      expanded: this.expanded,
      active: this.active,
      count: this.options.length,
    });
    if (outcome.preventDefault) event.preventDefault();
    if (outcome.go !== undefined) return this.go(this.options[outcome.go]!);
    if (outcome.clear) {
      this.input.value = '';
      return this.typed();
    }
    this.update(outcome);
  }

  private go(option: SuggestionOption) {
    this.update({ open: false });
    window.location.assign(option.href);
  }

  private load(words: string) {
    clearTimeout(this.timer);
    const url = suggestUrl(words, this.dataset.locale ?? 'vi');
    if (!url) return this.show([], '');
    const cached = this.cache.get(words);
    if (cached) return this.show(cached);
    this.timer = setTimeout(async () => {
      this.inflight?.abort();
      const controller = new AbortController();
      this.inflight = controller;
      try {
        const res = await fetch(url, { signal: controller.signal });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const list = ((await res.json()) as { suggestions: Suggestion[] }).suggestions;
        this.cache.set(words, list);
        this.active = -1;
        this.show(list);
      } catch (error) {
        // Without suggestions the box still submits to /search, which explains any outage.
        if ((error as Error).name !== 'AbortError') this.show([], this.statusText);
      }
    }, SUGGEST_DEBOUNCE_MS);
  }

  private show(list: Suggestion[], status?: string) {
    this.suggestions = list;
    this.statusText =
      status ?? (list.length ? this.t('suggestionCount', { n: list.length }) : this.t('noSuggestions'));
    this.update({});
  }

  private get expanded() {
    return this.open && this.options.length > 0;
  }

  private optionIndex(target: EventTarget | null): number {
    const option = (target as Element | null)?.closest('[role="option"]');
    return option ? Array.prototype.indexOf.call(this.list.children, option) : -1;
  }

  private optionId(index: number) {
    return `${this.list.id}-opt-${index}`;
  }

  /** Applies a change of state and brings the input, the list and the live region in line with it. */
  private update(change: { open?: boolean; active?: number }) {
    if (change.open !== undefined) this.open = change.open;
    if (change.active !== undefined) this.active = change.active;
    const options = suggestionOptions(this.suggestions, this.words, this.list.dataset.action ?? '/search');
    // The entries are drawn again only when they change (not when the highlight moves).
    const drawn = `${this.words}\n${options.map((o) => o.key).join('\n')}`;
    if (drawn !== this.drawn) {
      this.drawn = drawn;
      this.list.replaceChildren(...options.map((option, i) => this.renderOption(option, i)));
    }
    this.options = options;
    const expanded = this.expanded;
    this.list.hidden = !expanded;
    this.input.setAttribute('aria-expanded', String(expanded));
    if (expanded && this.active >= 0)
      this.input.setAttribute('aria-activedescendant', this.optionId(this.active));
    else this.input.removeAttribute('aria-activedescendant');
    Array.prototype.forEach.call(this.list.children, (li: Element, i: number) => {
      li.setAttribute('aria-selected', String(i === this.active));
      li.classList.toggle('active', i === this.active);
    });
    const status = expanded ? this.statusText : '';
    if (this.status.textContent !== status) this.status.textContent = status;
  }

  private renderOption(option: SuggestionOption, index: number): HTMLLIElement {
    const li = element('li', 'hs-option');
    li.id = this.optionId(index);
    li.setAttribute('role', 'option');
    const s = option.suggestion;
    if (!s) {
      li.append(element('span', 'hs-label hs-all', this.t('searchAllFor', { q: this.words })));
      return li;
    }
    const label = element('span', 'hs-label');
    label.append(...s.label.map((part) => element(part.match ? 'mark' : 'span', '', part.text)));
    const detail = element('span', 'hs-detail');
    detail.append(element('span', `hs-kind ${s.kind}`, this.t(`kind.${s.kind}`)));
    if (s.detail) detail.append(` ${s.detail}`);
    li.append(label, detail);
    return li;
  }
}

if (!customElements.get('ocop-header-search'))
  customElements.define('ocop-header-search', HeaderSearchElement);
