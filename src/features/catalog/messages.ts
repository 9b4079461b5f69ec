/**
 * Strings of the certification history and the national-result form, in Vietnamese and English. Problem keys are
 * the values that ./certification-history.ts returns per field.
 */
import { defineMessages, translator } from '~/lib/i18n';

export const catalogMessages = defineMessages({
  historyTitle: { vi: 'Quá trình công nhận', en: 'Certification history' },
  currentCertificate: { vi: 'Chứng nhận hiện hành', en: 'Current certificate' },
  historyCertificate: {
    vi: 'Công nhận {stars} sao cấp tỉnh ngày {date}, quyết định {number}',
    en: '{stars}-star provincial recognition of {date}, decision {number}',
  },
  historyReplaced: {
    vi: 'Đã được thay thế bằng quyết định công nhận cấp quốc gia ngày {date}.',
    en: 'Replaced by the national recognition of {date}.',
  },
  historyCandidacy: {
    vi: 'Tỉnh gửi hồ sơ đề nghị đánh giá, công nhận 5 sao cấp quốc gia ngày {date}',
    en: 'Dossier sent by the province for national 5-star evaluation on {date}',
  },
  historyDossier: { vi: '(tờ trình {number})', en: '(submission {number})' },
  historyRecognised: {
    vi: 'Được công nhận OCOP 5 sao cấp quốc gia ngày {date}, quyết định {number}, {score} điểm',
    en: 'Recognised as a 5-star OCOP product at national level on {date}, decision {number}, score {score}',
  },
  historyNotRecognised: {
    vi: 'Không được công nhận 5 sao (kết quả ngày {date}): {reason}',
    en: 'Not recognised for 5 stars (result of {date}): {reason}',
  },
  historySuperseded: {
    vi: 'Đã được đính chính bằng kết quả ghi nhận sau.',
    en: 'Corrected by a later entry.',
  },
  historyRecordedBy: { vi: 'Ghi nhận lúc {time}', en: 'Recorded {time}' },
  issuedByCentral: {
    vi: 'Cơ quan ban hành: Bộ Nông nghiệp và Môi trường (cấp trung ương)',
    en: 'Issued by the Ministry of Agriculture and Environment (central level)',
  },
  nationalBadgeNote: {
    vi: 'Kết quả đánh giá cấp quốc gia do cán bộ xúc tiến thương mại của tỉnh cập nhật.',
    en: 'National evaluation result entered by the province’s trade promotion officer.',
  },
  recordTitle: { vi: 'Ghi nhận kết quả đánh giá cấp quốc gia', en: 'Record the national evaluation result' },
  outcome: { vi: 'Kết quả', en: 'Outcome' },
  outcomeRecognised: { vi: 'Được công nhận 5 sao', en: 'Recognised, 5 stars' },
  outcomeNotRecognised: { vi: 'Không được công nhận', en: 'Not recognised' },
  decidedOn: { vi: 'Ngày quyết định / ngày có kết quả', en: 'Date of decision or result' },
  decisionNumber: { vi: 'Số quyết định (khi được công nhận)', en: 'Decision number (if recognised)' },
  score: { vi: 'Điểm đánh giá (90–100, khi được công nhận)', en: 'Evaluation score (90–100, if recognised)' },
  level: { vi: 'Cấp công nhận', en: 'Recognition level' },
  levelNational: { vi: 'Cấp quốc gia (trung ương)', en: 'National (central level)' },
  reason: { vi: 'Lý do (khi không được công nhận)', en: 'Reason (if not recognised)' },
  recordSubmit: { vi: 'Lưu kết quả', en: 'Save result' },
  recordSaved: { vi: 'Đã lưu kết quả đánh giá.', en: 'The evaluation result has been saved.' },
  recordCorrectionNote: {
    vi: 'Kết quả đã lưu không bị ghi đè: muốn đính chính, hãy ghi nhận một kết quả mới.',
    en: 'Saved results are never overwritten: to correct one, record a new result.',
  },
  noResultYet: { vi: 'Chưa có kết quả đánh giá cấp quốc gia.', en: 'No national result yet.' },
  // Problems, per field.
  productNotCandidate: {
    vi: 'Sản phẩm này không phải là sản phẩm đề nghị nâng hạng 5 sao.',
    en: 'This product is not a candidate for 5 stars.',
  },
  outcomeRequired: {
    vi: 'Hãy chọn kết quả: được hoặc không được công nhận.',
    en: 'Choose an outcome: recognised or not recognised.',
  },
  decidedOnRequired: {
    vi: 'Hãy nhập ngày quyết định hoặc ngày có kết quả.',
    en: 'Enter the date of the decision or result.',
  },
  decidedOnInvalid: {
    vi: 'Hãy nhập ngày theo dạng năm-tháng-ngày, ví dụ 2026-10-15.',
    en: 'Enter the date as year-month-day, e.g. 2026-10-15.',
  },
  decidedOnBeforeDossier: {
    vi: 'Ngày quyết định không thể trước ngày gửi hồ sơ ({date}).',
    en: 'The decision cannot be dated before the dossier ({date}).',
  },
  decidedOnFuture: {
    vi: 'Ngày quyết định không thể sau hôm nay.',
    en: 'The decision cannot be dated after today.',
  },
  decisionNumberRequired: {
    vi: 'Hãy nhập số quyết định công nhận.',
    en: 'Enter the number of the recognition decision.',
  },
  decisionNumberTooLong: {
    vi: 'Số quyết định quá dài (tối đa 60 ký tự).',
    en: 'The decision number is too long (60 characters at most).',
  },
  scoreRequired: { vi: 'Hãy nhập điểm đánh giá.', en: 'Enter the evaluation score.' },
  scoreNotFiveStars: {
    vi: 'Sản phẩm 5 sao phải đạt từ 90 đến 100 điểm.',
    en: 'A 5-star product scores from 90 to 100.',
  },
  levelNotNational: {
    vi: 'Sản phẩm 5 sao chỉ được công nhận ở cấp quốc gia.',
    en: '5-star products are recognised at national level only.',
  },
  reasonRequired: {
    vi: 'Hãy ghi lý do không được công nhận.',
    en: 'Give the reason it was not recognised.',
  },
  reasonTooLong: {
    vi: 'Lý do quá dài (tối đa 500 ký tự).',
    en: 'The reason is too long (500 characters at most).',
  },
  forbidden: {
    vi: 'Bạn chỉ được ghi nhận kết quả cho sản phẩm của tỉnh mình.',
    en: 'You may record results only for your own province’s products.',
  },
});

export type CatalogMessageKey = keyof typeof catalogMessages;
export const useCatalogTranslations = translator(catalogMessages);
