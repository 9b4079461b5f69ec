/**
 * The strings of a programme's terms (./terms.ts) in Vietnamese and English: field problems, explanation lines,
 * area classes, money flows, VAT, reimbursement documents and the settlement's summary. Merged into
 * ./messages.ts, the fairs feature's one translator.
 */
import { defineMessages } from '~/lib/i18n';

export const termsMessages = defineMessages({
  'terms.flow': { vi: 'Chọn hình thức hỗ trợ.', en: 'Choose how the money flows.' },
  'terms.area': { vi: 'Loại địa bàn không hợp lệ.', en: 'Unknown area class.' },
  'terms.stepOverlap': {
    vi: 'Bậc này chồng lên bậc trước: cần bắt đầu từ lần thứ {0}.',
    en: 'This step overlaps the one before: it should start at {0}.',
  },
  'terms.stepGap': {
    vi: 'Bậc này bỏ sót: cần bắt đầu từ lần thứ {0}.',
    en: 'This step leaves a gap: it should start at {0}.',
  },
  'terms.stepReversed': { vi: '“Đến” phải không nhỏ hơn “từ”.', en: '“To” must not be below “from”.' },
  'terms.stepOpenNotLast': {
    vi: 'Chỉ bậc cuối được để trống “đến”.',
    en: 'Only the last step may leave “to” empty.',
  },
  'terms.stepNotOpen': {
    vi: 'Bậc cuối cần để trống “đến” để mọi lần sau đều có tỷ lệ.',
    en: 'Leave “to” empty on the last step so every later time has a rate.',
  },
  'area.mountain': { vi: 'miền núi', en: 'mountain area' },
  'area.border': { vi: 'biên giới', en: 'border area' },
  'area.island': { vi: 'hải đảo', en: 'island area' },
  'area.disadvantaged': { vi: 'địa bàn khó khăn', en: 'disadvantaged area' },
  'area.other': { vi: 'địa bàn khác', en: 'other area' },
  'flow.upfront': {
    vi: 'Giảm trừ trước (chủ thể chỉ trả phần của mình)',
    en: 'Upfront discount (producer pays its share)',
  },
  'flow.reimbursement': {
    vi: 'Hoàn trả (chủ thể trả đủ, được hoàn khi có hoá đơn và xác nhận tham gia)',
    en: 'Reimbursement (producer pays in full, repaid on invoice and attendance)',
  },
  'vat.none': { vi: 'không chịu VAT', en: 'no VAT' },
  'vat.excluded': { vi: 'giá chưa gồm VAT {rate}%', en: 'prices exclude VAT at {rate}%' },
  'vat.included': { vi: 'giá đã gồm VAT {rate}%', en: 'prices include VAT at {rate}%' },
  'line.vat': {
    vi: 'Thuế GTGT ({mode}): trước thuế {net}, thuế {vat}, sau thuế {gross} (làm tròn xuống đồng)',
    en: 'VAT ({mode}): net {net}, VAT {vat}, gross {gross} (rounded down to the đồng)',
  },
  'line.baseWithVat': {
    vi: 'Mức hỗ trợ tính trên giá đã gồm VAT.',
    en: 'The subsidy is worked out on prices with VAT.',
  },
  'line.baseWithoutVat': {
    vi: 'Mức hỗ trợ tính trên giá chưa gồm VAT.',
    en: 'The subsidy is worked out on prices before VAT.',
  },
  'line.areaRate': {
    vi: 'Hội chợ tại {area}: tỷ lệ {rate}%',
    en: 'Fair in a {area}: rate {rate}%',
  },
  'line.historyRate': {
    vi: 'Lần tham gia được hỗ trợ thứ {n} của chủ thể: tối đa {rate}%',
    en: 'The producer’s supported participation no. {n}: at most {rate}%',
  },
  'line.repetitionRate': {
    vi: 'Hội chợ tổ chức lần thứ {n}: tối đa {rate}%',
    en: 'The fair’s edition no. {n}: at most {rate}%',
  },
  'line.reimbursed': {
    vi: 'Hình thức hoàn trả: chủ thể trả trước {paysNow}, được hoàn {repaid} sau hội chợ khi nộp hoá đơn và được xác nhận có tham gia.',
    en: 'Reimbursement: the producer pays {paysNow} now and is repaid {repaid} after the fair, on its invoice and confirmed attendance.',
  },
  'limit.maxPerFair': {
    vi: 'số lần hỗ trợ tối đa tại một hội chợ',
    en: 'the limit of supported booths per fair',
  },
  'limit.maxPerYear': {
    vi: 'số lần hỗ trợ tối đa trong năm',
    en: 'the limit of supported participations a year',
  },
  'limit.maxLifetime': {
    vi: 'số lần hỗ trợ tối đa của một chủ thể',
    en: 'the lifetime limit of supported participations',
  },
  'limit.count': { vi: '{n} lần', en: '{n} times' },
  'csv.net': { vi: 'Trước VAT (đồng)', en: 'Net of VAT (VND)' },
  'csv.vat': { vi: 'VAT (đồng)', en: 'VAT (VND)' },
  'csv.vatMode': { vi: 'Cách tính VAT', en: 'VAT basis' },
  'csv.flow': { vi: 'Hình thức hỗ trợ', en: 'Money flow' },
  'csv.invoiceNumber': { vi: 'Số hoá đơn', en: 'Invoice number' },
  'csv.invoiceDate': { vi: 'Ngày hoá đơn', en: 'Invoice date' },
  'csv.repaid': { vi: 'Đã hoàn trả (đồng)', en: 'Repaid (VND)' },
  'csv.clawedBack': { vi: 'Thu hồi (đồng)', en: 'Clawed back (VND)' },
  'settlement.summary': {
    vi: 'Hỗ trợ {rate} chi phí thuê gian hàng cho {n} doanh nghiệp, tổng {amount}.',
    en: 'Supported {rate} of booth rental costs for {n} businesses, total {amount}.',
  },
  'settlement.rates': { vi: '{from}–{to}%', en: '{from}–{to}%' },
});
