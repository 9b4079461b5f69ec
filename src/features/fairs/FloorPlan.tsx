/**
 * The fair's floor plan as an island: an SVG plan whose booths are buttons (Tab to reach, Enter or Space to
 * choose, state in the accessible name), a list view of the same booths, and the chosen booth's details with the
 * hold form. Without JavaScript both views show and every hold form still posts. With it, states refresh live.
 */
import { useEffect, useState } from 'react';
import { formatVnd } from '~/lib/i18n/format';
import type { Locale } from '~/lib/i18n/locales';
import type { BoothState } from './booking';
import { labelSize, type BoothType } from './floor-plan';
import type { PlanStrings } from './sentences';
import './FloorPlan.css';

export interface PlanBoothView {
  id: string;
  code: string;
  x: number;
  y: number;
  width: number;
  depth: number;
  openSides: number;
  type: BoothType;
  zone: string;
  rent: number;
  state: BoothState;
}

/** The hold form: where it posts and the fair it is for (and, for a promoter, the producer to book for). */
interface Hold {
  action: string;
  fairId: string;
  producerField?: { label: string; options: { id: string; name: string }[] } | undefined;
}

interface Props {
  locale: Locale;
  hall: { width: number; depth: number };
  booths: PlanBoothView[];
  strings: PlanStrings;
  /** Null when the visitor cannot book (the reason is shown as the notice). */
  hold: { action: string; fairId: string } | null;
  notice: string | null;
  /** Where fresh booth states are read from (JSON: { id, state }[]); null = no live refresh. */
  statesUrl: string | null;
  /** Booths a promoter may still book for a producer are chosen the same way; the form adds a producer field. */
  producerField?: Hold['producerField'];
}

const REFRESH_MS = 15_000;
const STATES = ['available', 'held', 'booked', 'blocked'] as const;

/** The booths, their states refreshed from `statesUrl` while the page is visible. */
function useLiveBooths(initial: PlanBoothView[], statesUrl: string | null): PlanBoothView[] {
  const [booths, setBooths] = useState(initial);
  useEffect(() => {
    if (!statesUrl) return;
    let stopped = false;
    const refresh = async () => {
      if (document.visibilityState !== 'visible') return;
      try {
        const response = await fetch(statesUrl, { headers: { accept: 'application/json' } });
        if (!response.ok || stopped) return;
        const states = (await response.json()) as { id: string; state: BoothState }[];
        const byId = new Map(states.map((s) => [s.id, s.state]));
        setBooths((current) => current.map((b) => ({ ...b, state: byId.get(b.id) ?? b.state })));
      } catch {
        // Offline for a moment: keep showing the last known states.
      }
    };
    const timer = window.setInterval(refresh, REFRESH_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [statesUrl]);
  return booths;
}

function HoldForm({ booth, hold, label }: { booth: PlanBoothView; hold: Hold | null; label: string }) {
  if (!hold || booth.state !== 'available') return null;
  return (
    <form method="post" action={hold.action} className="plan-hold">
      <input type="hidden" name="fairId" value={hold.fairId} />
      <input type="hidden" name="boothId" value={booth.id} />
      {hold.producerField && (
        <label>
          {hold.producerField.label}{' '}
          <select name="producerId" required>
            {hold.producerField.options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="submit" className="button" aria-label={`${label}: ${booth.code}`}>
        {label}
      </button>
    </form>
  );
}

function PlanDrawing(props: {
  hall: Props['hall'];
  booths: PlanBoothView[];
  strings: PlanStrings;
  selected: string | null;
  onSelect: (id: string) => void;
  label: (booth: PlanBoothView) => string;
}) {
  const { hall, booths, strings, selected, onSelect, label } = props;
  return (
    <div className="plan-canvas">
      <svg
        viewBox={`-1 -1 ${hall.width + 2} ${hall.depth + 2}`}
        role="group"
        aria-label={strings.floorPlan}
        preserveAspectRatio="xMidYMin meet"
      >
        <rect x={0} y={0} width={hall.width} height={hall.depth} className="hall" />
        {booths.map((b) => (
          <g
            key={b.id}
            role="button"
            tabIndex={0}
            aria-label={label(b)}
            aria-pressed={selected === b.id}
            className={`booth ${b.state}${selected === b.id ? ' selected' : ''}`}
            onClick={() => onSelect(b.id)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                onSelect(b.id);
              }
            }}
          >
            <rect x={b.x + 0.08} y={b.y + 0.08} width={b.width - 0.16} height={b.depth - 0.16} rx={0.2} />
            <text
              x={b.x + b.width / 2}
              y={b.y + b.depth / 2}
              fontSize={labelSize(b)}
              textAnchor="middle"
              dominantBaseline="central"
              aria-hidden="true"
            >
              {b.code}
            </text>
          </g>
        ))}
      </svg>
    </div>
  );
}

function BoothDetails(props: {
  booth: PlanBoothView | null;
  strings: PlanStrings;
  money: (amount: number) => string;
  hold: Hold | null;
}) {
  const { booth, strings, money, hold } = props;
  if (!booth) return <p>{strings.chooseHint}</p>;
  return (
    <>
      <h3>
        {strings.booth} {booth.code}
      </h3>
      <dl>
        <dt>{strings.state}</dt>
        <dd>{strings.states[booth.state]}</dd>
        <dt>{strings.area}</dt>
        <dd>
          {booth.width} × {booth.depth} m = {booth.width * booth.depth} m²
        </dd>
        <dt>{strings.type}</dt>
        <dd>{strings.types[booth.type]}</dd>
        {booth.zone && (
          <>
            <dt>{strings.zone}</dt>
            {/* Written by the promoter in one language, whichever it is: lang="" says so. */}
            <dd lang="">{booth.zone}</dd>
          </>
        )}
        <dt>{strings.openSides}</dt>
        <dd>{booth.openSides}</dd>
        <dt>{strings.rent}</dt>
        <dd>{money(booth.rent)}</dd>
      </dl>
      <HoldForm booth={booth} hold={hold} label={strings.holdBooth} />
    </>
  );
}

function BoothList(props: {
  booths: PlanBoothView[];
  strings: PlanStrings;
  money: (amount: number) => string;
  hold: Hold | null;
}) {
  const { booths, strings, money, hold } = props;
  return (
    <div className="plan-list">
      <table>
        <caption className="visually-hidden">{strings.listView}</caption>
        <thead>
          <tr>
            {[strings.booth, strings.area, strings.type, strings.zone, strings.rent, strings.state].map(
              (heading, column) => (
                <th scope="col" key={column}>
                  {heading}
                </th>
              ),
            )}
            <th scope="col">
              <span className="visually-hidden">{strings.holdBooth}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {booths.map((b) => (
            <tr key={b.id} className={b.state}>
              <th scope="row">{b.code}</th>
              <td>{b.width * b.depth} m²</td>
              <td>{strings.types[b.type]}</td>
              <td lang="">{b.zone}</td>
              <td>{money(b.rent)}</td>
              <td>
                <span className={`state ${b.state}`}>{strings.states[b.state]}</span>
              </td>
              <td>
                <HoldForm booth={b} hold={hold} label={strings.holdBooth} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function FloorPlan(props: Props) {
  const { locale, hall, strings, notice } = props;
  const booths = useLiveBooths(props.booths, props.statesUrl);
  const [selected, setSelected] = useState<string | null>(null);
  const [view, setView] = useState<'plan' | 'list'>('plan');
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);

  const hold: Hold | null = props.hold && { ...props.hold, producerField: props.producerField };
  const money = (n: number) => formatVnd(n, locale);
  const label = (b: PlanBoothView) =>
    `${strings.booth} ${b.code}, ${b.width * b.depth} m², ${strings.states[b.state]}, ${money(b.rent)}`;
  const count = (state: BoothState) => booths.filter((b) => b.state === state).length;
  return (
    <div className="floor-plan">
      <div className="plan-toolbar">
        {enhanced && (
          <div role="group" aria-label={strings.floorPlan} className="plan-views">
            <button type="button" aria-pressed={view === 'plan'} onClick={() => setView('plan')}>
              {strings.planView}
            </button>
            <button type="button" aria-pressed={view === 'list'} onClick={() => setView('list')}>
              {strings.listView}
            </button>
          </div>
        )}
        <ul className="plan-legend" aria-label={strings.legend}>
          {STATES.map((s) => (
            <li key={s}>
              <span className={`swatch ${s}`} aria-hidden="true" /> {strings.states[s]} ({count(s)})
            </li>
          ))}
        </ul>
      </div>
      {notice && <p className="plan-notice">{notice}</p>}
      {(!enhanced || view === 'plan') && (
        <PlanDrawing {...{ hall, booths, strings, selected, label }} onSelect={setSelected} />
      )}
      {enhanced && view === 'plan' && (
        <div className="plan-details" aria-live="polite">
          <BoothDetails
            booth={booths.find((b) => b.id === selected) ?? null}
            strings={strings}
            money={money}
            hold={hold}
          />
        </div>
      )}
      {(!enhanced || view === 'list') && (
        <BoothList booths={booths} strings={strings} money={money} hold={hold} />
      )}
    </div>
  );
}
