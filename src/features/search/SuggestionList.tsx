/** The listbox of the header search: one option per suggestion, then "search all for …". */
import type { Locale } from '~/lib/i18n/locales';
import { Highlighted } from './Highlighted';
import { useSearchTranslations } from './messages';
import type { Suggestion } from './results';

/** One entry of the list: a suggestion, or the search for everything matching the words. */
export interface SuggestionOption {
  key: string;
  href: string;
  kind: Suggestion['kind'] | 'all';
  suggestion?: Suggestion;
}

interface Props {
  id: string;
  locale: Locale;
  options: readonly SuggestionOption[];
  /** The words typed, for the "search all" entry. */
  words: string;
  active: number;
  hidden: boolean;
  optionId: (index: number) => string;
  onChoose: (option: SuggestionOption) => void;
  onHover: (index: number) => void;
}

function OptionContent({
  option,
  words,
  locale,
}: {
  option: SuggestionOption;
  words: string;
  locale: Locale;
}) {
  const t = useSearchTranslations(locale);
  if (!option.suggestion) return <span className="hs-label hs-all">{t('searchAllFor', { q: words })}</span>;
  return (
    <>
      <span className="hs-label">
        <Highlighted segments={option.suggestion.label} />
      </span>
      <span className="hs-detail">
        <span className={`hs-kind ${option.kind}`}>{t(`kind.${option.suggestion.kind}`)}</span>
        {option.suggestion.detail && <> {option.suggestion.detail}</>}
      </span>
    </>
  );
}

/** The suggestion listbox (the input owns focus; options are pointed at with aria-activedescendant). */
export function SuggestionList(props: Props) {
  const t = useSearchTranslations(props.locale);
  return (
    <ul id={props.id} role="listbox" aria-label={t('suggestions')} className="hs-list" hidden={props.hidden}>
      {props.options.map((option, i) => (
        <li
          key={option.key}
          id={props.optionId(i)}
          role="option"
          aria-selected={i === props.active}
          className={i === props.active ? 'hs-option active' : 'hs-option'}
          // mousedown would blur the input and close the list before the click lands.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => props.onChoose(option)}
          onMouseMove={() => props.onHover(i)}
        >
          <OptionContent option={option} words={props.words} locale={props.locale} />
        </li>
      ))}
    </ul>
  );
}
