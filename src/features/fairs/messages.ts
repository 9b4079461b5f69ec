/** UI strings of the fairs feature, in Vietnamese and English, and the rendering of problems and explanations. */
import { formatVnd } from '~/lib/money';
import type { Locale } from '~/lib/i18n';
import type { BookingStatus, BoothState, ScheduleLine } from './booking';
import { parseProblem } from './problems';
import type { ExplanationLine, IneligibleReason, LimitReason } from './subsidies';

const strings = {
  fairs: { vi: 'Hội chợ', en: 'Fairs' },
  fairsIntro: {
    vi: 'Hội chợ, triển lãm xúc tiến thương mại sản phẩm OCOP. Chủ thể OCOP đặt gian hàng trực tuyến; tỉnh hỗ trợ một phần chi phí thuê gian hàng.',
    en: 'Trade fairs and exhibitions for OCOP products. Producers book booths online; provinces subsidise part of the booth rental.',
  },
  noFairs: {
    vi: 'Hiện chưa có hội chợ nào mở đăng ký.',
    en: 'No fair is open for applications at the moment.',
  },
  venue: { vi: 'Địa điểm', en: 'Venue' },
  city: { vi: 'Thành phố', en: 'City' },
  dates: { vi: 'Thời gian', en: 'Dates' },
  deadline: { vi: 'Hạn đăng ký', en: 'Application deadline' },
  organiser: { vi: 'Đơn vị tổ chức', en: 'Organiser' },
  needsApproval: { vi: 'Hồ sơ cần được duyệt', en: 'Applications need approval' },
  floorPlan: { vi: 'Sơ đồ gian hàng', en: 'Floor plan' },
  planView: { vi: 'Sơ đồ', en: 'Plan' },
  listView: { vi: 'Danh sách', en: 'List' },
  booth: { vi: 'Gian hàng', en: 'Booth' },
  booths: { vi: 'Gian hàng', en: 'Booths' },
  area: { vi: 'Diện tích', en: 'Area' },
  openSides: { vi: 'Số mặt thoáng', en: 'Open sides' },
  type: { vi: 'Loại', en: 'Type' },
  zone: { vi: 'Khu', en: 'Zone' },
  rent: { vi: 'Giá thuê', en: 'Rent' },
  state: { vi: 'Trạng thái', en: 'Status' },
  'state.available': { vi: 'Còn trống', en: 'Available' },
  'state.held': { vi: 'Đang giữ chỗ', en: 'Held' },
  'state.booked': { vi: 'Đã đặt', en: 'Booked' },
  'state.blocked': { vi: 'Không bán', en: 'Not for sale' },
  'type.shell': { vi: 'Gian tiêu chuẩn', en: 'Standard shell' },
  'type.raw': { vi: 'Mặt bằng trống', en: 'Raw space' },
  'type.premium': { vi: 'Gian cao cấp', en: 'Premium' },
  'status.held': { vi: 'Đang giữ chỗ', en: 'Held' },
  'status.pending': { vi: 'Chờ duyệt', en: 'Awaiting approval' },
  'status.approved': { vi: 'Đã duyệt, chờ thanh toán', en: 'Approved, awaiting payment' },
  'status.confirmed': { vi: 'Đã xác nhận', en: 'Confirmed' },
  'status.cancelled': { vi: 'Đã hủy', en: 'Cancelled' },
  'status.expired': { vi: 'Hết hạn giữ chỗ', en: 'Hold expired' },
  'status.refused': { vi: 'Không được duyệt', en: 'Refused' },
  'fairStatus.draft': { vi: 'Bản nháp', en: 'Draft' },
  'fairStatus.published': { vi: 'Đã công bố', en: 'Published' },
  'fairStatus.cancelled': { vi: 'Đã hủy', en: 'Cancelled' },
  chooseBooth: { vi: 'Chọn gian hàng', en: 'Choose a booth' },
  chooseHint: {
    vi: 'Chọn một gian trên sơ đồ (Tab rồi Enter) để xem chi tiết, hoặc mở dạng danh sách.',
    en: 'Choose a booth on the plan (Tab, then Enter) to see its details, or open the list.',
  },
  holdBooth: { vi: 'Giữ chỗ gian này', en: 'Hold this booth' },
  signInToBook: {
    vi: 'Đăng nhập bằng tài khoản chủ thể OCOP để đặt gian hàng.',
    en: 'Sign in with a producer account to book a booth.',
  },
  producersOnly: {
    vi: 'Chỉ chủ thể OCOP mới đặt được gian hàng.',
    en: 'Only OCOP producers can book booths.',
  },
  applicationsClosed: { vi: 'Đã hết hạn đăng ký.', en: 'Applications are closed.' },
  legend: { vi: 'Chú thích', en: 'Legend' },
  costBreakdown: { vi: 'Chi phí và hỗ trợ', en: 'Cost and subsidy' },
  explanation: { vi: 'Cách tính hỗ trợ', en: 'How the subsidy was worked out' },
  paymentSchedule: { vi: 'Lịch thanh toán', en: 'Payment schedule' },
  total: { vi: 'Tổng chi phí', en: 'Total cost' },
  subsidy: { vi: 'Hỗ trợ', en: 'Subsidy' },
  youPay: { vi: 'Bạn trả', en: 'You pay' },
  producerPays: { vi: 'Chủ thể trả', en: 'Producer pays' },
  holdUntil: { vi: 'Giữ chỗ đến', en: 'Held until' },
  payByCard: { vi: 'Thanh toán bằng thẻ', en: 'Pay by card' },
  cardUnavailable: {
    vi: 'Thanh toán thẻ chưa được cấu hình. Vui lòng chuyển khoản; cán bộ xúc tiến sẽ xác nhận khi nhận được tiền.',
    en: 'Card payment is not configured. Please pay by bank transfer; the promoter confirms the booking when the money arrives.',
  },
  submitApplication: { vi: 'Gửi hồ sơ để duyệt', en: 'Submit for approval' },
  confirmFree: { vi: 'Xác nhận đặt gian', en: 'Confirm the booking' },
  cancelBooking: { vi: 'Hủy đặt gian', en: 'Cancel the booking' },
  cancellationTerms: { vi: 'Phí hủy', en: 'Cancellation fees' },
  cancelFeeNow: {
    vi: 'Hủy hôm nay: phí {fee}, hoàn lại {refund}.',
    en: 'Cancelling today: fee {fee}, refund {refund}.',
  },
  tierLine: {
    vi: 'Từ {from}: {percent}% số tiền chủ thể đã trả',
    en: 'From {from}: {percent}% of what the producer paid',
  },
  noTiers: { vi: 'Hủy miễn phí.', en: 'Cancellation is free.' },
  myBookings: { vi: 'Gian hàng của tôi', en: 'My booths' },
  bookingTitle: { vi: 'Đặt gian hàng', en: 'Booth booking' },
  paid: { vi: 'Đã thanh toán', en: 'Paid' },
  paidBy: { vi: 'Hình thức', en: 'Method' },
  'paidBy.card': { vi: 'Thẻ (Stripe)', en: 'Card (Stripe)' },
  'paidBy.transfer': { vi: 'Chuyển khoản', en: 'Bank transfer' },
  'paidBy.none': { vi: 'Không phải trả', en: 'Nothing to pay' },
  fee: { vi: 'Phí hủy', en: 'Cancellation fee' },
  refund: { vi: 'Hoàn lại', en: 'Refund' },
  backToFair: { vi: 'Về hội chợ', en: 'Back to the fair' },
  // console
  consoleFairs: { vi: 'Hội chợ của tỉnh', en: 'Fairs of the province' },
  newFair: { vi: 'Tạo hội chợ', en: 'New fair' },
  editFair: { vi: 'Sửa hội chợ', en: 'Edit fair' },
  save: { vi: 'Lưu', en: 'Save' },
  publish: { vi: 'Công bố', en: 'Publish' },
  unpublish: { vi: 'Chuyển về nháp', en: 'Back to draft' },
  cancelFair: { vi: 'Hủy hội chợ', en: 'Cancel the fair' },
  duplicate: { vi: 'Nhân bản', en: 'Duplicate' },
  saved: { vi: 'Đã lưu.', en: 'Saved.' },
  policies: { vi: 'Chính sách hỗ trợ', en: 'Subsidy policies' },
  newPolicy: { vi: 'Tạo chính sách', en: 'New policy' },
  approvals: { vi: 'Duyệt hồ sơ', en: 'Approvals' },
  report: { vi: 'Báo cáo', en: 'Report' },
  settlement: { vi: 'Quyết toán', en: 'Settlement' },
  downloadCsv: { vi: 'Tải CSV', en: 'Download CSV' },
  floorPlanEditor: { vi: 'Sửa sơ đồ gian hàng', en: 'Edit the floor plan' },
  nameVi: { vi: 'Tên (tiếng Việt)', en: 'Name (Vietnamese)' },
  nameEn: { vi: 'Tên (tiếng Anh)', en: 'Name (English)' },
  descriptionVi: { vi: 'Mô tả (tiếng Việt)', en: 'Description (Vietnamese)' },
  descriptionEn: { vi: 'Mô tả (tiếng Anh)', en: 'Description (English)' },
  startsOn: { vi: 'Ngày khai mạc', en: 'Opens on' },
  endsOn: { vi: 'Ngày bế mạc', en: 'Closes on' },
  holdMinutes: { vi: 'Thời gian giữ chỗ (phút)', en: 'Hold time (minutes)' },
  hallWidth: { vi: 'Chiều ngang hội trường (m)', en: 'Hall width (m)' },
  hallDepth: { vi: 'Chiều sâu hội trường (m)', en: 'Hall depth (m)' },
  serviceFee: { vi: 'Phí dịch vụ mỗi gian (₫)', en: 'Service fee per booth (₫)' },
  decorationFee: { vi: 'Phí trang trí mỗi gian (₫)', en: 'Decoration fee per booth (₫)' },
  electricityFee: { vi: 'Phí điện mỗi gian (₫)', en: 'Electricity fee per booth (₫)' },
  programme: { vi: 'Chính sách hỗ trợ áp dụng', en: 'Subsidy policy' },
  noProgramme: { vi: 'Không hỗ trợ', en: 'No subsidy' },
  tiers: { vi: 'Phí hủy theo mốc ngày', en: 'Cancellation fee tiers' },
  tierFrom: { vi: 'Từ ngày', en: 'From' },
  tierPercent: { vi: 'Phí (%)', en: 'Fee (%)' },
  policyName: { vi: 'Tên chính sách', en: 'Policy name' },
  budget: { vi: 'Ngân sách (₫)', en: 'Budget (₫)' },
  pool: { vi: 'Ngân sách', en: 'Budget' },
  chargesPerBooth: { vi: 'Phí mỗi gian', en: 'Charges per booth' },
  subsidyOffered: { vi: 'Hỗ trợ chi phí gian hàng', en: 'Booth cost subsidy' },
  ruleSummary: { vi: '{rate}% chi phí {items}', en: '{rate}% of {items}' },
  ruleCap: { vi: 'tối đa {cap} mỗi gian', en: 'up to {cap} per booth' },
  ruleStars: { vi: 'sản phẩm OCOP từ {stars} sao', en: 'OCOP products of {stars}+ stars' },
  ruleDisadvantaged: { vi: 'chủ thể ở xã khó khăn', en: 'producers in disadvantaged communes' },
  subsidyLimits: {
    vi: 'Ngân sách có hạn, xét theo thứ tự giữ chỗ; mỗi chủ thể chỉ hưởng một quy tắc có lợi nhất. Số tiền hỗ trợ cụ thể hiện khi bạn giữ chỗ, trước khi thanh toán.',
    en: 'The budget is limited and allocated in the order booths are held; each producer gets the single most favourable rule. The exact subsidy is shown when you hold a booth, before paying.',
  },
  province: { vi: 'Tỉnh', en: 'Province' },
  commune: { vi: 'Xã', en: 'Commune' },
  kind: { vi: 'Loại chủ thể', en: 'Producer kind' },
  cancelFree: {
    vi: 'Chưa thanh toán nên hủy không mất phí.',
    en: 'Nothing is paid yet, so cancelling is free.',
  },
  periodStart: { vi: 'Từ ngày', en: 'Period from' },
  periodEnd: { vi: 'Đến ngày', en: 'Period to' },
  maxProducers: { vi: 'Số chủ thể tối đa được hỗ trợ', en: 'Most producers supported' },
  capPerProducerPerFair: {
    vi: 'Mức hỗ trợ tối đa mỗi chủ thể mỗi hội chợ (₫)',
    en: 'Cap per producer per fair (₫)',
  },
  capPerProducerPerPeriod: {
    vi: 'Mức hỗ trợ tối đa mỗi chủ thể trong kỳ (₫)',
    en: 'Cap per producer per period (₫)',
  },
  maxFairsPerProducer: {
    vi: 'Số hội chợ tối đa mỗi chủ thể trong kỳ',
    en: 'Most fairs per producer per period',
  },
  disadvantagedCommunes: { vi: 'Xã khó khăn (mỗi dòng một xã)', en: 'Disadvantaged communes (one per line)' },
  rules: { vi: 'Quy tắc hỗ trợ', en: 'Rules' },
  ruleLabel: { vi: 'Tên quy tắc', en: 'Rule name' },
  ratePercent: { vi: 'Tỷ lệ hỗ trợ (%)', en: 'Rate (%)' },
  minStars: { vi: 'Hạng sao tối thiểu', en: 'At least stars' },
  anyStars: { vi: 'Không yêu cầu', en: 'Any' },
  producerKinds: { vi: 'Loại chủ thể', en: 'Producer kinds' },
  disadvantagedOnly: { vi: 'Chỉ xã khó khăn', en: 'Disadvantaged communes only' },
  eligibleItems: { vi: 'Khoản được hỗ trợ', en: 'Eligible items' },
  minCost: { vi: 'Chi phí tối thiểu (₫)', en: 'Minimum cost (₫)' },
  capPerBooking: { vi: 'Tối đa mỗi gian (₫)', en: 'Cap per booking (₫)' },
  'cost.rent': { vi: 'Thuê gian hàng', en: 'Booth rent' },
  'cost.service': { vi: 'Phí dịch vụ', en: 'Service fee' },
  'cost.decoration': { vi: 'Trang trí', en: 'Decoration' },
  'cost.electricity': { vi: 'Điện', en: 'Electricity' },
  optional: { vi: 'không bắt buộc', en: 'optional' },
  blankForNone: { vi: 'Để trống nếu không giới hạn', en: 'Leave blank for no limit' },
  committed: { vi: 'Đã cam kết', en: 'Committed' },
  earmarked: { vi: 'Đang giữ', en: 'Earmarked' },
  remaining: { vi: 'Còn lại', en: 'Remaining' },
  occupancy: { vi: 'Tỷ lệ lấp đầy', en: 'Occupancy' },
  boothsSold: { vi: 'Gian đã bán', en: 'Booths sold' },
  boothValue: { vi: 'Tổng giá trị gian hàng', en: 'Total booth value' },
  supported: { vi: 'Chủ thể được hỗ trợ', en: 'Businesses supported' },
  waitlist: { vi: 'Chưa được hỗ trợ đủ (theo thứ tự nộp)', en: 'Not fully funded (by submission time)' },
  shortfall: { vi: 'Thiếu hụt', en: 'Shortfall' },
  byProvince: { vi: 'Theo tỉnh', en: 'By province' },
  byCommune: { vi: 'Theo xã', en: 'By commune' },
  byKind: { vi: 'Theo loại chủ thể', en: 'By producer kind' },
  producer: { vi: 'Chủ thể', en: 'Producer' },
  producerCount: { vi: 'Số chủ thể', en: 'Producers' },
  approve: { vi: 'Duyệt', en: 'Approve' },
  refuse: { vi: 'Từ chối', en: 'Refuse' },
  recordTransfer: { vi: 'Ghi nhận chuyển khoản', en: 'Record bank transfer' },
  transferRef: { vi: 'Mã giao dịch', en: 'Transfer reference' },
  bookOnBehalf: { vi: 'Đặt thay chủ thể', en: 'Book for a producer' },
  submittedAt: { vi: 'Thời điểm nộp', en: 'Submitted' },
  nothingYet: { vi: 'Chưa có.', en: 'None yet.' },
  settlementIntro: {
    vi: 'Danh sách khoản hỗ trợ tỉnh chi trả cho đơn vị tổ chức, theo từng chủ thể và gian hàng (số tiền bằng đồng).',
    en: 'What the province pays the organiser, per producer and booth (amounts in đồng).',
  },
  booths_: { vi: 'gian', en: 'booths' },
  period: { vi: 'Kỳ', en: 'Period' },
  programmeReport: { vi: 'Báo cáo theo kỳ', en: 'Period report' },
  forbidden: { vi: 'Bạn không có quyền với hội chợ này.', en: 'You may not act on this fair.' },
  formProblems: { vi: 'Vui lòng sửa các mục được đánh dấu.', en: 'Please correct the marked fields.' },
  addRows: {
    vi: 'Dòng trống ở cuối bảng để thêm gian mới; xóa mã gian để bỏ gian.',
    en: 'Use the blank rows at the end to add booths; clear a code to remove a booth.',
  },
  code: { vi: 'Mã', en: 'Code' },
  pricing: { vi: 'Cách tính giá', en: 'Pricing' },
  'pricing.fixed': { vi: 'Trọn gói', en: 'Fixed' },
  'pricing.perM2': { vi: 'Theo m²', en: 'Per m²' },
  price: { vi: 'Giá (₫)', en: 'Price (₫)' },
  openSidePremium: { vi: 'Phụ thu mỗi mặt thoáng thêm (₫)', en: 'Premium per extra open side (₫)' },
  premiumShort: { vi: 'Phụ thu/mặt (₫)', en: 'Premium/side (₫)' },
  blocked: { vi: 'Không bán', en: 'Not for sale' },
  chartSubsidyByKind: { vi: 'Hỗ trợ theo loại chủ thể', en: 'Subsidy by producer kind' },
  chartBudget: { vi: 'Ngân sách hỗ trợ', en: 'Subsidy budget' },
} as const satisfies Record<string, { vi: string; en: string }>;

export type FairsMessageKey = keyof typeof strings;

/** A UI string, with {name} placeholders filled. */
export function fm(
  locale: Locale,
  key: FairsMessageKey,
  values: Record<string, string | number> = {},
): string {
  return strings[key][locale].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

const problemTexts: Record<string, { vi: string; en: string }> = {
  'field.required': { vi: 'Vui lòng điền mục này.', en: 'Please fill this in.' },
  'field.number': { vi: 'Cần nhập một số.', en: 'Enter a number.' },
  'field.whole': { vi: 'Cần một số nguyên.', en: 'Enter a whole number.' },
  'field.wholeDong': {
    vi: 'Số tiền phải là số đồng nguyên (không có phần lẻ).',
    en: 'Amounts are whole đồng (VND has no decimals).',
  },
  'field.wholeMetres': { vi: 'Cần số mét nguyên.', en: 'Enter whole metres.' },
  'field.negative': { vi: 'Không được là số âm.', en: 'Must not be negative.' },
  'field.tooLarge': { vi: 'Số quá lớn.', en: 'Too large.' },
  'field.min': { vi: 'Tối thiểu là {0}.', en: 'At least {0}.' },
  'field.max': { vi: 'Tối đa là {0}.', en: 'At most {0}.' },
  'field.maxLength': { vi: 'Tối đa {0} ký tự.', en: 'At most {0} characters.' },
  'field.maxItems': { vi: 'Tối đa {0} mục.', en: 'At most {0} items.' },
  'field.date': { vi: 'Cần một ngày hợp lệ (năm-tháng-ngày).', en: 'Enter a real date (year-month-day).' },
  'fair.startsPast': {
    vi: 'Ngày khai mạc đã qua (hôm nay là {0}).',
    en: 'The opening day has passed (today is {0}).',
  },
  'fair.endsBeforeStart': {
    vi: 'Ngày bế mạc phải từ ngày khai mạc trở đi.',
    en: 'The closing day must be on or after the opening day.',
  },
  'fair.deadlineAfterStart': {
    vi: 'Hạn đăng ký phải trước hoặc đúng ngày khai mạc.',
    en: 'The deadline must be on or before the opening day.',
  },
  'fair.deadlinePast': {
    vi: 'Hạn đăng ký đã qua (hôm nay là {0}).',
    en: 'The deadline has passed (today is {0}).',
  },
  'fair.programmeUnknown': {
    vi: 'Chọn một chính sách của tỉnh bạn.',
    en: 'Choose a policy of your province.',
  },
  'fair.programmeLocked': {
    vi: 'Đã có gian được giữ hoặc đặt; không thể đổi chính sách hỗ trợ.',
    en: 'Booths are already held or booked; the policy can no longer change.',
  },
  'fair.noBooths': {
    vi: 'Cần ít nhất một gian hàng để bán trước khi công bố.',
    en: 'Add at least one booth for sale before publishing.',
  },
  'fair.over': { vi: 'Hội chợ đã kết thúc.', en: 'The fair is over.' },
  'fair.notFound': { vi: 'Không tìm thấy hội chợ.', en: 'Fair not found.' },
  'tier.order': { vi: 'Các mốc ngày phải tăng dần.', en: 'Tier dates must increase.' },
  'tier.decreasing': { vi: 'Phí hủy không được giảm ở mốc sau.', en: 'A later tier may not charge less.' },
  'tier.afterFair': { vi: 'Mốc ngày sau khi hội chợ kết thúc.', en: 'This date is after the fair ends.' },
  'tier.percentRange': { vi: 'Phí từ 0 đến 100%.', en: 'Fee between 0 and 100%.' },
  'tier.incomplete': { vi: 'Điền cả ngày và phần trăm.', en: 'Give both the date and the percent.' },
  'booth.codeFormat': {
    vi: 'Mã gồm chữ, số và gạch nối, tối đa 12 ký tự (ví dụ A-01).',
    en: 'Letters, digits and hyphens, up to 12 (e.g. A-01).',
  },
  'booth.codeTaken': { vi: 'Mã {0} đã dùng cho gian khác.', en: 'Code {0} is used by another booth.' },
  'booth.outsideWidth': {
    vi: 'Gian {0} vượt ra ngoài chiều ngang hội trường ({1} m).',
    en: 'Booth {0} reaches outside the hall’s width ({1} m).',
  },
  'booth.outsideDepth': {
    vi: 'Gian {0} vượt ra ngoài chiều sâu hội trường ({1} m).',
    en: 'Booth {0} reaches outside the hall’s depth ({1} m).',
  },
  'booth.overlaps': { vi: 'Gian {0} chồng lên gian {1}.', en: 'Booth {0} overlaps booth {1}.' },
  'booth.openSides': { vi: 'Số mặt thoáng từ 1 đến 4.', en: 'Open sides from 1 to 4.' },
  'booth.type': { vi: 'Chọn loại gian.', en: 'Choose a booth type.' },
  'booth.pricing': { vi: 'Chọn cách tính giá.', en: 'Choose how the price is set.' },
  'booth.booked': {
    vi: 'Gian {0} đang được giữ hoặc đặt; không thể sửa.',
    en: 'Booth {0} is held or booked; it cannot change.',
  },
  'booth.removeBooked': {
    vi: 'Gian {0} đang được giữ hoặc đặt; không thể xóa.',
    en: 'Booth {0} is held or booked; it cannot be removed.',
  },
  'rule.rateRange': { vi: 'Tỷ lệ từ 0 đến 100%.', en: 'The rate is between 0 and 100%.' },
  'rule.rateStep': { vi: 'Tỷ lệ tối đa 2 chữ số thập phân.', en: 'At most two decimals.' },
  'rule.kind': { vi: 'Loại chủ thể không hợp lệ.', en: 'Unknown producer kind.' },
  'rule.items': { vi: 'Chọn ít nhất một khoản được hỗ trợ.', en: 'Choose at least one eligible item.' },
  'programme.budget': { vi: 'Ngân sách phải lớn hơn 0.', en: 'The budget must be above 0.' },
  'programme.noRules': { vi: 'Cần ít nhất một quy tắc.', en: 'Add at least one rule.' },
  'programme.periodReversed': {
    vi: 'Ngày kết thúc kỳ phải sau ngày bắt đầu.',
    en: 'The period must end after it starts.',
  },
  'programme.belowGranted': {
    vi: 'Thấp hơn số đã giữ hoặc cam kết cho chủ thể.',
    en: 'Below what is already earmarked or committed.',
  },
  'booking.boothNotInFair': {
    vi: 'Gian này không thuộc hội chợ.',
    en: 'This booth is not part of the fair.',
  },
  'booking.boothBlocked': { vi: 'Gian này không bán.', en: 'This booth is not for sale.' },
  'booking.fairNotOpen': { vi: 'Hội chợ chưa mở đăng ký.', en: 'The fair is not open for applications.' },
  'booking.deadlinePassed': {
    vi: 'Đã hết hạn đăng ký ({0}).',
    en: 'The application deadline ({0}) has passed.',
  },
  'booking.taken': {
    vi: 'Gian này vừa được chủ thể khác giữ chỗ. Vui lòng chọn gian khác.',
    en: 'Another producer has just taken this booth. Please choose another.',
  },
  'booking.producerUnknown': { vi: 'Không tìm thấy chủ thể.', en: 'Unknown producer.' },
  'booking.notFound': { vi: 'Không tìm thấy lượt đặt.', en: 'Booking not found.' },
  'booking.lapsed': { vi: 'Thời gian giữ chỗ đã hết.', en: 'The hold has expired.' },
  'booking.paymentUnavailable': {
    vi: 'Không kết nối được cổng thanh toán, vui lòng thử lại.',
    en: 'The payment service could not be reached; please try again.',
  },
  'booking.cannot.submit': {
    vi: 'Không thể gửi hồ sơ ở trạng thái này.',
    en: 'This booking cannot be submitted now.',
  },
  'booking.cannot.approve': {
    vi: 'Không thể duyệt ở trạng thái này.',
    en: 'This application cannot be approved now.',
  },
  'booking.cannot.refuse': {
    vi: 'Không thể từ chối ở trạng thái này.',
    en: 'This application cannot be refused now.',
  },
  'booking.cannot.pay': {
    vi: 'Không thể thanh toán ở trạng thái này.',
    en: 'This booking cannot be paid now.',
  },
  'booking.cannot.cancel': {
    vi: 'Không thể hủy ở trạng thái này.',
    en: 'This booking cannot be cancelled now.',
  },
  'booking.cannot.expire': { vi: 'Lượt đặt không hết hạn.', en: 'This booking does not expire.' },
  forbidden: { vi: 'Bạn không có quyền thực hiện việc này.', en: 'You may not do this.' },
  invalid: { vi: 'Vui lòng sửa các mục được đánh dấu.', en: 'Please correct the marked fields.' },
};

/** The text of a problem string ("booth.overlaps|A2|A1") in a locale; unknown keys give a generic message. */
export function problemText(locale: Locale, text: string | undefined): string {
  if (!text) return '';
  const { key, params } = parseProblem(text);
  const template =
    problemTexts[key]?.[locale] ?? (locale === 'vi' ? 'Giá trị không hợp lệ.' : 'This value is not valid.');
  return template.replace(/\{(\d)\}/g, (_, i: string) => params[Number(i)] ?? '');
}

const ineligible: Record<IneligibleReason, { vi: string; en: string }> = {
  stars: {
    vi: 'cần sản phẩm OCOP còn hiệu lực từ {stars} sao',
    en: 'needs a valid OCOP product of at least {stars} stars',
  },
  kind: { vi: 'không áp dụng cho loại chủ thể này', en: 'not for this kind of producer' },
  province: { vi: 'không áp dụng cho tỉnh của chủ thể', en: 'not for the producer’s province' },
  disadvantaged: { vi: 'chỉ cho chủ thể ở xã khó khăn', en: 'only for producers in disadvantaged communes' },
  noEligibleItems: { vi: 'không có khoản chi phí nào được hỗ trợ', en: 'none of the costs is eligible' },
  minCost: { vi: 'chi phí được hỗ trợ chưa đạt {minCost}', en: 'eligible cost below {minCost}' },
};
const limits: Record<LimitReason, { vi: string; en: string }> = {
  capPerBooking: { vi: 'mức tối đa mỗi gian', en: 'the cap per booking' },
  capPerProducerPerFair: {
    vi: 'mức tối đa mỗi chủ thể tại hội chợ này (phần còn lại)',
    en: 'what is left of the cap per producer at this fair',
  },
  capPerProducerPerPeriod: {
    vi: 'mức tối đa mỗi chủ thể trong kỳ (phần còn lại)',
    en: 'what is left of the cap per producer for the period',
  },
  maxFairsPerProducer: {
    vi: 'số hội chợ tối đa được hỗ trợ trong kỳ đã đủ',
    en: 'the most fairs a producer is supported at this period',
  },
  maxProducers: { vi: 'số chủ thể được hỗ trợ đã đủ', en: 'the limit on producers supported is reached' },
  budget: { vi: 'ngân sách còn lại', en: 'the remaining budget' },
};

/** One explanation line as a sentence. */
export function explanationText(locale: Locale, line: ExplanationLine): string {
  const vnd = (n: number) => formatVnd(n, locale);
  const vi = locale === 'vi';
  switch (line.key) {
    case 'total':
      return vi ? `Tổng chi phí: ${vnd(line.amount)}` : `Total cost: ${vnd(line.amount)}`;
    case 'ruleEligible':
      return vi
        ? `Quy tắc “${line.rule}”: được ${vnd(line.amount)}`
        : `Rule “${line.rule}”: gives ${vnd(line.amount)}`;
    case 'ruleNotEligible': {
      const why = ineligible[line.reason][locale]
        .replace('{stars}', String(line.stars ?? ''))
        .replace('{minCost}', line.minCost === undefined ? '' : vnd(line.minCost));
      return vi
        ? `Quy tắc “${line.rule}”: không áp dụng, ${why}`
        : `Rule “${line.rule}”: does not apply, ${why}`;
    }
    case 'noRule':
      return vi ? 'Không quy tắc nào áp dụng.' : 'No rule applies.';
    case 'noRules':
      return vi ? 'Hội chợ này không có chính sách hỗ trợ.' : 'This fair has no subsidy policy.';
    case 'chosen':
      return vi
        ? `Áp dụng quy tắc có lợi nhất, “${line.rule}”: ${line.rateBp / 100}% × ${vnd(line.base)} = ${vnd(line.amount)} (làm tròn xuống đồng)`
        : `Most favourable rule, “${line.rule}”: ${line.rateBp / 100}% × ${vnd(line.base)} = ${vnd(line.amount)} (rounded down to the đồng)`;
    case 'tieBreak':
      return vi
        ? `Nhiều quy tắc bằng nhau: lấy quy tắc xếp trước, “${line.rule}”.`
        : `Rules tie: the one listed first, “${line.rule}”, applies.`;
    case 'limited':
      return vi
        ? `Giới hạn bởi ${limits[line.reason].vi}: ${vnd(line.limit)} → hỗ trợ ${vnd(line.amount)}`
        : `Limited by ${limits[line.reason].en}: ${vnd(line.limit)} → subsidy ${vnd(line.amount)}`;
    case 'subsidy':
      return vi ? `Hỗ trợ: ${vnd(line.amount)}` : `Subsidy: ${vnd(line.amount)}`;
    case 'producerPays':
      return vi ? `Chủ thể trả: ${vnd(line.amount)}` : `Producer pays: ${vnd(line.amount)}`;
  }
}

/** One payment-schedule line as a sentence. */
export function scheduleText(
  locale: Locale,
  line: ScheduleLine,
  formatTime: (d: Date) => string,
  formatDay: (d: string) => string,
): string {
  const vnd = (n: number) => formatVnd(n, locale);
  const vi = locale === 'vi';
  switch (line.key) {
    case 'awaitApproval':
      return vi
        ? 'Hồ sơ được cán bộ xúc tiến duyệt trước khi thanh toán.'
        : 'A promoter approves the application before payment.';
    case 'producerDue':
      if (line.method === 'none') return vi ? 'Chủ thể không phải trả gì.' : 'The producer owes nothing.';
      return vi
        ? `Chủ thể trả ${vnd(line.amount)} ${line.method === 'online' ? 'bằng thẻ' : 'bằng chuyển khoản'}${line.by ? ` trước ${formatTime(line.by)}` : ''}.`
        : `The producer pays ${vnd(line.amount)} ${line.method === 'online' ? 'by card' : 'by bank transfer'}${line.by ? ` before ${formatTime(line.by)}` : ''}.`;
    case 'subsidySettled':
      return vi
        ? `Tỉnh chi trả ${vnd(line.amount)} hỗ trợ cho đơn vị tổ chức sau ngày ${formatDay(line.afterDay)}.`
        : `The province pays the ${vnd(line.amount)} subsidy to the organiser after ${formatDay(line.afterDay)}.`;
  }
}

export function boothStateText(locale: Locale, state: BoothState): string {
  return fm(locale, `state.${state}`);
}
export function bookingStatusText(locale: Locale, status: BookingStatus): string {
  return fm(locale, `status.${status}`);
}

/** The strings the floor-plan island needs, so it ships only its own. */
export function planStrings(locale: Locale) {
  return {
    planView: fm(locale, 'planView'),
    listView: fm(locale, 'listView'),
    booth: fm(locale, 'booth'),
    area: fm(locale, 'area'),
    zone: fm(locale, 'zone'),
    type: fm(locale, 'type'),
    rent: fm(locale, 'rent'),
    state: fm(locale, 'state'),
    openSides: fm(locale, 'openSides'),
    holdBooth: fm(locale, 'holdBooth'),
    legend: fm(locale, 'legend'),
    floorPlan: fm(locale, 'floorPlan'),
    chooseHint: fm(locale, 'chooseHint'),
    states: {
      available: fm(locale, 'state.available'),
      held: fm(locale, 'state.held'),
      booked: fm(locale, 'state.booked'),
      blocked: fm(locale, 'state.blocked'),
    },
    types: {
      shell: fm(locale, 'type.shell'),
      raw: fm(locale, 'type.raw'),
      premium: fm(locale, 'type.premium'),
    },
  };
}
export type PlanStrings = ReturnType<typeof planStrings>;

interface ResultLike {
  error?: { type?: string; message: string; fields?: Record<string, string[] | undefined> } | undefined;
}

/** Field and form messages for the last submission of a fairs form (translated), like the accounts forms. */
export function fairsFeedback(
  result: ResultLike | undefined,
  locale: Locale,
): { fields: Record<string, string>; form: string | null } {
  const error = result?.error;
  if (!error) return { fields: {}, form: null };
  if (error.type === 'AstroActionInputError' && error.fields) {
    const fields: Record<string, string> = {};
    for (const [name, messages] of Object.entries(error.fields))
      if (messages?.[0]) fields[name] = problemText(locale, messages[0]);
    return { fields, form: problemTexts['invalid']![locale] };
  }
  return { fields: {}, form: problemText(locale, error.message) };
}
