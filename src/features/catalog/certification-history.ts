/**
 * The national result of a 5-star candidacy and what it does to a product's certificate. A promoter records the
 * outcome of the national evaluation (recognised 5 stars, or not recognised); results are never overwritten, a
 * correction is a new result, and the latest one recorded is the one that counts. A 5-star recognition replaces the
 * province's 4-star certificate, whose history stays visible. Pure: no I/O.
 * Problems are keys of ./messages.ts, so the form shows them in the visitor's language.
 */
import { z } from 'zod';
import { parseSlug } from '../../lib/ids.ts';
import {
  certificationStatus,
  isoDay,
  levelProblem,
  RECOGNITION_LEVELS,
  scoreBand,
  validUntil,
  type Certification,
  type CertificationStatus,
  type RecognitionLevel,
  type Stars,
} from './catalog.ts';

export const NATIONAL_OUTCOMES = ['recognised', 'not-recognised'] as const;
export type NationalOutcome = (typeof NATIONAL_OUTCOMES)[number];

/** The longest decision number and reason a promoter may type. */
export const DECISION_NUMBER_MAX = 60;
export const REASON_MAX = 500;

/** The record form as posted: every field text (or missing), checked by `nationalResultProblems`. */
export const nationalResultFormSchema = z.object({
  productId: z
    .string({ error: 'productNotCandidate' })
    .refine((v) => parseSlug(v) !== null, { error: 'productNotCandidate' }),
  outcome: z.enum(NATIONAL_OUTCOMES, { error: 'outcomeRequired' }),
  decidedOn: z.string().nullish(),
  decisionNumber: z.string().nullish(),
  score: z.string().nullish(),
  level: z.string().nullish(),
  reason: z.string().nullish(),
});
export type NationalResultForm = z.infer<typeof nationalResultFormSchema>;

/** A checked result, ready to store. */
export type NationalResultInput =
  | {
      outcome: 'recognised';
      decidedOn: Date;
      decisionNumber: string;
      score: number;
      level: 'national';
    }
  | { outcome: 'not-recognised'; decidedOn: Date; reason: string };

/** A stored result: who recorded it and when. */
export type NationalResult = NationalResultInput & {
  id: number;
  productId: string;
  recordedBy: string;
  recordedAt: Date;
};

export type NationalResultField = 'decidedOn' | 'decisionNumber' | 'score' | 'level' | 'reason';
export type NationalResultProblems = Partial<Record<NationalResultField, string>>;

/** What the rules need about the candidate: its dossier date, and the day (Vietnam's) the result is recorded on. */
export interface ResultContext {
  submittedOn: Date;
  today: Date;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day typed as YYYY-MM-DD (midnight UTC, the shape content dates have), or null. */
export function parseDay(value: string | null | undefined): Date | null {
  const text = value?.trim() ?? '';
  if (!DAY.test(text)) return null;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && isoDay(day) === text ? day : null;
}

function decidedOnProblem(
  text: string | null | undefined,
  day: Date | null,
  context: ResultContext,
): string | null {
  if (!text?.trim()) return 'decidedOnRequired';
  if (!day) return 'decidedOnInvalid';
  if (isoDay(day) < isoDay(context.submittedOn)) return 'decidedOnBeforeDossier';
  if (isoDay(day) > isoDay(context.today)) return 'decidedOnFuture';
  return null;
}

/** The score of a 5-star recognition: a number in the 5-star band (90 to 100), or the problem's key. */
function fiveStarScore(value: string | null | undefined): number | string {
  const text = value?.trim().replace(',', '.') ?? '';
  if (text === '') return 'scoreRequired';
  const score = /^\d{1,3}(\.\d{1,2})?$/.test(text) ? Number(text) : Number.NaN;
  const band = scoreBand(5);
  return score >= band.min && score <= band.max ? score : 'scoreNotFiveStars';
}

function levelOf(value: string | null | undefined): RecognitionLevel | null {
  return (RECOGNITION_LEVELS as readonly string[]).includes(value ?? '') ? (value as RecognitionLevel) : null;
}

/** Checks a posted result against the candidacy: the result to store, or a problem key per field. */
export function nationalResultProblems(
  form: NationalResultForm,
  context: ResultContext,
):
  | { result: NationalResultInput; problems?: undefined }
  | { result?: undefined; problems: NationalResultProblems } {
  const problems: NationalResultProblems = {};
  const decidedOn = parseDay(form.decidedOn);
  const dayProblem = decidedOnProblem(form.decidedOn, decidedOn, context);
  if (dayProblem) problems.decidedOn = dayProblem;
  if (form.outcome === 'not-recognised') {
    const reason = form.reason?.trim() ?? '';
    if (reason === '') problems.reason = 'reasonRequired';
    else if (reason.length > REASON_MAX) problems.reason = 'reasonTooLong';
    if (Object.keys(problems).length > 0 || !decidedOn) return { problems };
    return { result: { outcome: 'not-recognised', decidedOn, reason } };
  }
  const decisionNumber = form.decisionNumber?.trim() ?? '';
  if (decisionNumber === '') problems.decisionNumber = 'decisionNumberRequired';
  else if (decisionNumber.length > DECISION_NUMBER_MAX) problems.decisionNumber = 'decisionNumberTooLong';
  const score = fiveStarScore(form.score);
  if (typeof score === 'string') problems.score = score;
  const level = levelOf(form.level);
  // The same rule the catalogue applies to content: 5 stars are recognised at national level only.
  if (!level || levelProblem(5, level, decidedOn ? isoDay(decidedOn) : isoDay(context.today)))
    problems.level = 'levelNotNational';
  if (Object.keys(problems).length > 0 || !decidedOn || typeof score === 'string') return { problems };
  return { result: { outcome: 'recognised', decidedOn, decisionNumber, score, level: 'national' } };
}

/** The certificate that applies to a product now, with its validity counted by the catalogue's rule. */
export interface CurrentCertificate {
  stars: Stars;
  score: number;
  level: RecognitionLevel;
  decisionNumber: string;
  recognisedOn: Date;
  validUntil: Date;
  /** Whether validUntil is the date printed on the certificate (not the 36-month rule). */
  printedValidUntil: boolean;
  status: CertificationStatus;
  /** 'file' for the certificate in the catalogue, 'national' for a recorded 5-star recognition. */
  source: 'file' | 'national';
}

/** One line of a product's certification history, oldest first. */
export type HistoryEntry =
  | { kind: 'certificate'; certificate: CurrentCertificate; replacedOn: Date | null }
  | { kind: 'candidacy'; submittedOn: Date; dossierNumber: string | null }
  | { kind: 'result'; result: NationalResult; supersededOn: Date | null };

function fromFile(cert: Certification, now: Date): CurrentCertificate {
  return {
    stars: cert.stars,
    score: cert.score,
    level: cert.level,
    decisionNumber: cert.decisionNumber,
    recognisedOn: cert.recognisedOn,
    validUntil: validUntil(cert.recognisedOn, cert.validUntil),
    printedValidUntil: cert.validUntil !== undefined,
    status: certificationStatus(cert.recognisedOn, now, cert.validUntil),
    source: 'file',
  };
}

function fromRecognition(result: NationalResult & { outcome: 'recognised' }, now: Date): CurrentCertificate {
  return {
    stars: 5,
    score: result.score,
    level: result.level,
    decisionNumber: result.decisionNumber,
    recognisedOn: result.decidedOn,
    validUntil: validUntil(result.decidedOn),
    printedValidUntil: false,
    status: certificationStatus(result.decidedOn, now),
    source: 'national',
  };
}

/** Results in the order they were recorded (the id follows the recording order). */
export function inRecordedOrder(results: readonly NationalResult[]): NationalResult[] {
  return [...results].sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime() || a.id - b.id);
}

/**
 * The certificate that applies now and the history behind it. The latest recorded result counts (a correction
 * is a new result); a 5-star recognition replaces the file's 4-star certificate, a refusal leaves it in force.
 */
export function currentCertification(
  fileCertificate: Certification,
  results: readonly NationalResult[],
  now: Date,
): { current: CurrentCertificate; history: HistoryEntry[] } {
  const ordered = inRecordedOrder(results);
  const latest = ordered.at(-1);
  const national = latest?.outcome === 'recognised' ? latest : undefined;
  const file = fromFile(fileCertificate, now);
  const history: HistoryEntry[] = [
    { kind: 'certificate', certificate: file, replacedOn: national?.decidedOn ?? null },
  ];
  const candidacy = fileCertificate.candidacy;
  if (candidacy) {
    history.push({
      kind: 'candidacy',
      submittedOn: candidacy.submittedOn,
      dossierNumber: candidacy.dossierNumber ?? null,
    });
  }
  ordered.forEach((result, i) => {
    const next = ordered[i + 1];
    history.push({ kind: 'result', result, supersededOn: next ? next.recordedAt : null });
  });
  return { current: national ? fromRecognition(national, now) : file, history };
}
