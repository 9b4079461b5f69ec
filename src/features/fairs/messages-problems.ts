/**
 * The fairs feature's field problems in Vietnamese and English: the keys ./problems.ts encodes with their
 * parameters by position ({0} {1}), and the refusals of booking and policy actions. Merged into ./messages.ts, the
 * fairs feature's one translator.
 */
import { defineMessages } from '~/lib/i18n';

export const problemMessages = defineMessages({
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
    vi: 'Gian {0} vượt ra ngoài chiều ngang khu triển lãm ({1} m).',
    en: 'Booth {0} reaches outside the hall’s width ({1} m).',
  },
  'booth.outsideDepth': {
    vi: 'Gian {0} vượt ra ngoài chiều sâu khu triển lãm ({1} m).',
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
  unknownProblem: { vi: 'Giá trị không hợp lệ.', en: 'This value is not valid.' },
});
