/**
 * The fair's floor plan as an island: an SVG plan whose booths are buttons (Tab to reach, Enter or Space to
 * choose, state in the accessible name), a list view of the same booths, and the chosen booth's details with the
 * hold form. Without JavaScript both views show and every hold form still posts. With it, states refresh live.
 */
import { useEffect, useMemo, useState } from 'react';
import { formatVnd } from '~/lib/money';
import type { BoothState } from './booking';
import { labelSize, type BoothType } from './floor-plan';
import type { PlanStrings } from './messages';
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

interface Props {
  locale: 'vi' | 'en';
  hall: { width: number; depth: number };
  booths: PlanBoothView[];
  strings: PlanStrings;
  /** The hold form: where it posts and the fair it is for; null when the visitor cannot book (the reason is shown). */
  hold: { action: string; fairId: string } | null;
  notice: string | null;
  /** Where fresh booth states are read from (JSON: { id, state }[]); null = no live refresh. */
  statesUrl: string | null;
  /** Booths a promoter may still book for a producer are chosen the same way; the form adds a producer field. */
  producerField?: { label: string; options: { id: string; name: string }[] } | undefined;
}

const REFRESH_MS = 15_000;

export default function FloorPlan({
  locale,
  hall,
  booths: initial,
  strings,
  hold,
  notice,
  statesUrl,
  producerField,
}: Props) {
  const [booths, setBooths] = useState(initial);
  const [selected, setSelected] = useState<string | null>(null);
  const [view, setView] = useState<'plan' | 'list'>('plan');
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);

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

  const chosen = useMemo(() => booths.find((b) => b.id === selected) ?? null, [booths, selected]);
  const money = (n: number) => formatVnd(n, locale);
  const label = (b: PlanBoothView) =>
    `${strings.booth} ${b.code}, ${b.width * b.depth} m², ${strings.states[b.state]}, ${money(b.rent)}`;
  const counts = booths.reduce<Record<BoothState, number>>(
    (acc, b) => ({ ...acc, [b.state]: acc[b.state] + 1 }),
    { available: 0, held: 0, booked: 0, blocked: 0 },
  );

  const holdForm = (b: PlanBoothView) =>
    hold && b.state === 'available' ? (
      <form method="post" action={hold.action} className="plan-hold">
        <input type="hidden" name="fairId" value={hold.fairId} />
        <input type="hidden" name="boothId" value={b.id} />
        {producerField && (
          <label>
            {producerField.label}{' '}
            <select name="producerId" required>
              {producerField.options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="submit" className="button" aria-label={`${strings.holdBooth}: ${b.code}`}>
          {strings.holdBooth}
        </button>
      </form>
    ) : null;

  const showPlan = !enhanced || view === 'plan';
  const showList = !enhanced || view === 'list';
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
          {(['available', 'held', 'booked', 'blocked'] as const).map((s) => (
            <li key={s}>
              <span className={`swatch ${s}`} aria-hidden="true" /> {strings.states[s]} ({counts[s]})
            </li>
          ))}
        </ul>
      </div>
      {notice && <p className="plan-notice">{notice}</p>}

      {showPlan && (
        <div className="plan-canvas">
          <svg
            viewBox={`-1 -1 ${hall.width + 2} ${hall.depth + 2}`}
            role="group"
            aria-label={strings.floorPlan}
            preserveAspectRatio="xMidYMin meet"
          >
            <rect x={0} y={0} width={hall.width} height={hall.depth} className="hall" />
            {booths.map((b) => {
              return (
                <g
                  key={b.id}
                  role="button"
                  tabIndex={0}
                  aria-label={label(b)}
                  aria-pressed={selected === b.id}
                  className={`booth ${b.state}${selected === b.id ? ' selected' : ''}`}
                  onClick={() => setSelected(b.id)}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter' || event.key === ' ') {
                      event.preventDefault();
                      setSelected(b.id);
                    }
                  }}
                >
                  <rect
                    x={b.x + 0.08}
                    y={b.y + 0.08}
                    width={b.width - 0.16}
                    height={b.depth - 0.16}
                    rx={0.2}
                  />
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
              );
            })}
          </svg>
        </div>
      )}

      {enhanced && view === 'plan' && (
        <div className="plan-details" aria-live="polite">
          {chosen ? (
            <>
              <h3>
                {strings.booth} {chosen.code}
              </h3>
              <dl>
                <dt>{strings.state}</dt>
                <dd>{strings.states[chosen.state]}</dd>
                <dt>{strings.area}</dt>
                <dd>
                  {chosen.width} × {chosen.depth} m = {chosen.width * chosen.depth} m²
                </dd>
                <dt>{strings.type}</dt>
                <dd>{strings.types[chosen.type]}</dd>
                {chosen.zone && (
                  <>
                    <dt>{strings.zone}</dt>
                    <dd>{chosen.zone}</dd>
                  </>
                )}
                <dt>{strings.openSides}</dt>
                <dd>{chosen.openSides}</dd>
                <dt>{strings.rent}</dt>
                <dd>{money(chosen.rent)}</dd>
              </dl>
              {holdForm(chosen)}
            </>
          ) : (
            <p>{strings.chooseHint}</p>
          )}
        </div>
      )}

      {showList && (
        <div className="plan-list">
          <table>
            <caption className="visually-hidden">{strings.listView}</caption>
            <thead>
              <tr>
                <th scope="col">{strings.booth}</th>
                <th scope="col">{strings.area}</th>
                <th scope="col">{strings.type}</th>
                <th scope="col">{strings.zone}</th>
                <th scope="col">{strings.rent}</th>
                <th scope="col">{strings.state}</th>
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
                  <td>{b.zone}</td>
                  <td>{money(b.rent)}</td>
                  <td>
                    <span className={`state ${b.state}`}>{strings.states[b.state]}</span>
                  </td>
                  <td>{holdForm(b)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
