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
  'report.vat': { vi: 'trong đó VAT', en: 'of which VAT' },
  'report.invoice': { vi: 'Hoá đơn', en: 'Invoice' },
  'report.repaid': { vi: 'Đã hoàn trả', en: 'Repaid' },
  'report.awaitingRepayment': { vi: 'Chờ hoàn trả', en: 'Repayment pending' },
  'report.clawedBack': { vi: 'Thu hồi (không tham gia)', en: 'Clawed back (no-show)' },
  'csv.flow.upfront': { vi: 'Giảm trừ trước', en: 'Upfront discount' },
  'csv.flow.reimbursement': { vi: 'Hoàn trả', en: 'Reimbursement' },
  'csv.invoiceNumber': { vi: 'Số hoá đơn', en: 'Invoice number' },
  'csv.invoiceDate': { vi: 'Ngày hoá đơn', en: 'Invoice date' },
  'csv.repaid': { vi: 'Đã hoàn trả (đồng)', en: 'Repaid (VND)' },
  'csv.clawedBack': { vi: 'Thu hồi (đồng)', en: 'Clawed back (VND)' },
  'reimbursement.invoiceNumber': {
    vi: 'Số hoá đơn chỉ gồm chữ, số và các dấu / - .',
    en: 'An invoice number has letters, digits and / - . only.',
  },
  'reimbursement.notOpen': {
    vi: 'Gian hàng này không chờ hoàn trả.',
    en: 'This booking is not awaiting a repayment.',
  },
  'reimbursement.invoiceFuture': {
    vi: 'Ngày hoá đơn không được sau hôm nay.',
    en: 'The invoice date cannot be after today.',
  },
  'reimbursement.invoiceTooOld': {
    vi: 'Ngày hoá đơn quá xa trước hội chợ.',
    en: 'The invoice date is too long before the fair.',
  },
  'reimbursement.beforeFair': {
    vi: 'Chỉ xác nhận tham gia từ ngày khai mạc ({0}).',
    en: 'Attendance can be confirmed from the opening day ({0}).',
  },
  'reimbursement.invoiceMissing': {
    vi: 'Chủ thể chưa nộp hoá đơn: chưa thể hoàn trả.',
    en: 'The producer has not entered its invoice yet: nothing can be repaid.',
  },
  'reimbursement.title': { vi: 'Hoàn trả hỗ trợ', en: 'Subsidy repayment' },
  'reimbursement.awaitingInvoice': {
    vi: 'Sau khi tham gia, hãy nhập số và ngày hoá đơn để được hoàn {amount}.',
    en: 'After the fair, enter your invoice number and date to be repaid {amount}.',
  },
  'reimbursement.awaitingAttendance': {
    vi: 'Đã nhận hoá đơn {number} ngày {date}; chờ ban tổ chức xác nhận tham gia để hoàn {amount}.',
    en: 'Invoice {number} of {date} received; awaiting the promoter’s confirmation of attendance to repay {amount}.',
  },
  'reimbursement.repaid': { vi: 'Đã duyệt hoàn trả {amount}.', en: 'Repayment of {amount} granted.' },
  'reimbursement.clawedBack': {
    vi: 'Không tham gia: thu hồi khoản hỗ trợ {amount}.',
    en: 'No-show: the subsidy of {amount} was clawed back.',
  },
  'reimbursement.saveInvoice': { vi: 'Lưu hoá đơn', en: 'Save invoice' },
  'reimbursement.attended': {
    vi: 'Xác nhận có tham gia, duyệt hoàn trả',
    en: 'Confirm attendance, grant repayment',
  },
  'reimbursement.noShow': { vi: 'Không tham gia: thu hồi hỗ trợ', en: 'No-show: claw back the subsidy' },
  'terms.legend': { vi: 'Điều kiện chương trình', en: 'Programme terms' },
  'terms.flowLabel': { vi: 'Hình thức hỗ trợ', en: 'How the money flows' },
  'terms.vatInBase': {
    vi: 'Tính hỗ trợ trên giá đã gồm VAT',
    en: 'Work out the subsidy on prices with VAT',
  },
  'terms.maxPerFair': {
    vi: 'Số gian được hỗ trợ tối đa mỗi hội chợ',
    en: 'Supported booths per fair, at most',
  },
  'terms.maxPerYear': {
    vi: 'Số lần được hỗ trợ tối đa mỗi năm',
    en: 'Supported participations a year, at most',
  },
  'terms.maxLifetime': {
    vi: 'Số lần được hỗ trợ tối đa (trọn đời)',
    en: 'Supported participations ever, at most',
  },
  'terms.areaRates': { vi: 'Tỷ lệ theo địa bàn tổ chức', en: 'Rate by where the fair is' },
  'terms.areaHint': {
    vi: 'Tỷ lệ (%) thay cho tỷ lệ của quy tắc khi hội chợ ở địa bàn đó; để trống nếu không áp dụng.',
    en: 'A rate (%) replacing the rule’s rate at fairs in that area; blank when none.',
  },
  'terms.areaRate': { vi: 'Tỷ lệ', en: 'Rate' },
  'terms.historyTable': {
    vi: 'Tỷ lệ tối đa theo số lần chủ thể đã được hỗ trợ',
    en: 'Highest rate by the producer’s supported participations',
  },
  'terms.tableHint': {
    vi: 'Mỗi bậc: từ lần thứ … đến lần thứ … (để trống “đến” ở bậc cuối). Các bậc không được chồng lên nhau hay bỏ sót.',
    en: 'Each step: from the n-th to the m-th time (leave “to” blank on the last step). Steps may not overlap or leave gaps.',
  },
  'terms.repetitionTable': {
    vi: 'Tỷ lệ tối đa theo lần tổ chức của hội chợ',
    en: 'Highest rate by the fair’s edition',
  },
  'terms.from': { vi: 'Từ lần', en: 'From' },
  'terms.to': { vi: 'Đến lần', en: 'To' },
  'preset.title': { vi: 'Bắt đầu từ mẫu', en: 'Start from a preset' },
  'preset.national': {
    vi: 'Chương trình xúc tiến thương mại quốc gia',
    en: 'National trade-promotion programme',
  },
  'preset.provincial50': {
    vi: 'Tỉnh hỗ trợ 50% tiền thuê gian hàng',
    en: 'Provincial 50% booth-rent support',
  },
  'preset.remote100': {
    vi: '100% tại miền núi, biên giới, hải đảo',
    en: '100% at mountain, border and island events',
  },
  'preset.hint': {
    vi: 'Mẫu chỉ điền sẵn biểu mẫu; hãy kiểm tra lại với văn bản của chương trình trước khi lưu.',
    en: 'A preset only fills in the form; check it against the programme’s own text before saving.',
  },
  'fair.areaClass': { vi: 'Địa bàn tổ chức', en: 'Where the fair is' },
  'fair.edition': { vi: 'Lần tổ chức thứ', en: 'Edition (times held)' },
  'fair.vatModeLabel': { vi: 'Giá gian hàng', en: 'Booth prices' },
  'fair.vatRateLabel': { vi: 'Thuế suất VAT', en: 'VAT rate' },
  'fair.vat.none': { vi: 'Không chịu VAT', en: 'No VAT charged' },
  'fair.vat.excluded': { vi: 'Chưa gồm VAT (cộng thêm)', en: 'Exclude VAT (added on top)' },
  'fair.vat.included': { vi: 'Đã gồm VAT', en: 'Include VAT' },
  'fair.vatMode': { vi: 'Chọn cách báo giá.', en: 'Choose how prices are quoted.' },
  'fair.vatRate': { vi: 'Thuế suất là 0, 5, 8 hoặc 10%.', en: 'The VAT rate is 0, 5, 8 or 10%.' },
  'settlement.summary': {
    vi: 'Hỗ trợ {rate} chi phí thuê gian hàng cho {n} doanh nghiệp, tổng {amount}.',
    en: {
      one: 'Supported {rate} of booth rental costs for {n} business, total {amount}.',
      other: 'Supported {rate} of booth rental costs for {n} businesses, total {amount}.',
    },
  },
  'settlement.rates': { vi: '{from}–{to}%', en: '{from}–{to}%' },
});
