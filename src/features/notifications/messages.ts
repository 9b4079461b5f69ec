/**
 * The words of the messages the site sends (e-mail), in Vietnamese and English. Each message is written in the
 * recipient's language: an account's own language, or the language an order was placed in.
 */
import { defineMessages, translator } from '~/lib/i18n/translate';

/** The notifications dictionary. */
export const notificationsMessages = defineMessages({
  siteName: { vi: 'Chợ OCOP', en: 'OCOP Market' },
  hello: { vi: 'Xin chào {name},', en: 'Hello {name},' },
  helloAnonymous: { vi: 'Xin chào,', en: 'Hello,' },
  signature: {
    vi: 'Chợ OCOP: đặc sản Chương trình Mỗi xã một sản phẩm',
    en: 'OCOP Market: specialties of the One Commune One Product programme',
  },
  automatic: {
    vi: 'Thư này được gửi tự động; vui lòng không trả lời.',
    en: 'This message was sent automatically; please do not reply.',
  },
  // Password reset.
  resetSubject: { vi: 'Chợ OCOP: đặt lại mật khẩu', en: 'OCOP Market: reset your password' },
  resetIntro: {
    vi: 'Có người (có thể là bạn) đã yêu cầu đặt lại mật khẩu cho tài khoản này.',
    en: 'Someone (probably you) asked to reset the password of this account.',
  },
  resetAction: { vi: 'Đặt mật khẩu mới', en: 'Choose a new password' },
  resetLimit: {
    vi: 'Liên kết dùng được một lần, trong vòng 1 giờ.',
    en: 'The link works once, within 1 hour.',
  },
  resetIgnore: {
    vi: 'Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu của bạn không đổi.',
    en: 'If you did not ask for this, ignore this message: your password stays as it is.',
  },
  // Order placed: the shopper.
  orderSubject: {
    vi: 'Chợ OCOP: đơn hàng {number} đã được xác nhận',
    en: 'OCOP Market: order {number} confirmed',
  },
  orderIntro: {
    vi: 'Cảm ơn bạn. Đơn hàng {number} đã được xác nhận; các chủ thể sẽ chuẩn bị hàng.',
    en: 'Thank you. Order {number} is confirmed; the producers will prepare it.',
  },
  orderPaidByCard: { vi: 'Đã thanh toán bằng thẻ: {amount}.', en: 'Paid by card: {amount}.' },
  orderCashOnDelivery: {
    vi: 'Thanh toán khi nhận hàng (COD): {amount}.',
    en: 'Pay on delivery (cash): {amount}.',
  },
  orderShipping: { vi: 'Phí giao hàng: {amount}', en: 'Delivery: {amount}' },
  orderTotal: { vi: 'Tổng cộng: {amount}', en: 'Total: {amount}' },
  orderFrom: { vi: 'Từ {producer}:', en: 'From {producer}:' },
  orderAction: { vi: 'Tra cứu đơn hàng', en: 'Look up your order' },
  orderLookupHint: {
    vi: 'Tra cứu bằng mã đơn {number} và địa chỉ e-mail này.',
    en: 'Look it up with the order number {number} and this e-mail address.',
  },
  line: { vi: '{quantity} × {name}: {amount}', en: '{quantity} × {name}: {amount}' },
  // Order placed: a producer's own part.
  partSubject: {
    vi: 'Chợ OCOP: đơn hàng mới {number} cần chuẩn bị',
    en: 'OCOP Market: new order {number} to prepare',
  },
  partIntro: {
    vi: 'Đơn hàng {number} có các sản phẩm của {producer} dưới đây. Hãy chuẩn bị và gửi hàng.',
    en: 'Order {number} has the products of {producer} below. Please prepare and ship them.',
  },
  partSubtotal: { vi: 'Giá trị phần của bạn: {amount}', en: 'Your part comes to: {amount}' },
  partAction: { vi: 'Mở trang đơn hàng của bạn', en: 'Open your orders' },
  // Booth bookings at fairs (to the producer's accounts).
  'booth.subject.held': {
    vi: 'Chợ OCOP: đã giữ gian hàng {booth} tại {fair}',
    en: 'OCOP Market: booth {booth} held at {fair}',
  },
  'booth.subject.pending': {
    vi: 'Chợ OCOP: đơn đăng ký gian hàng {booth} tại {fair} đang chờ duyệt',
    en: 'OCOP Market: your application for booth {booth} at {fair} awaits approval',
  },
  'booth.subject.approved': {
    vi: 'Chợ OCOP: gian hàng {booth} tại {fair} đã được duyệt',
    en: 'OCOP Market: booth {booth} at {fair} approved',
  },
  'booth.subject.refused': {
    vi: 'Chợ OCOP: đơn đăng ký gian hàng {booth} tại {fair} không được duyệt',
    en: 'OCOP Market: booth {booth} at {fair} refused',
  },
  'booth.subject.confirmed': {
    vi: 'Chợ OCOP: gian hàng {booth} tại {fair} đã được xác nhận',
    en: 'OCOP Market: booth {booth} at {fair} confirmed',
  },
  'booth.subject.cancelled': {
    vi: 'Chợ OCOP: gian hàng {booth} tại {fair} đã bị hủy',
    en: 'OCOP Market: booth {booth} at {fair} cancelled',
  },
  'booth.subject.expired': {
    vi: 'Chợ OCOP: hết thời gian giữ gian hàng {booth} tại {fair}',
    en: 'OCOP Market: your hold on booth {booth} at {fair} ran out',
  },
  'booth.held': {
    vi: 'Gian hàng {booth} được giữ cho bạn đến {until}. Hãy thanh toán phần của bạn trước thời hạn đó, nếu không gian hàng sẽ được trả lại.',
    en: 'Booth {booth} is held for you until {until}. Pay your share before then, or the booth is released.',
  },
  'booth.pending': {
    vi: 'Đơn đăng ký gian hàng {booth} đã được gửi; cơ quan xúc tiến sẽ xem xét.',
    en: 'Your application for booth {booth} was sent; the trade promotion office will decide.',
  },
  'booth.approved': {
    vi: 'Đơn đăng ký gian hàng {booth} đã được duyệt. Hãy thanh toán phần của bạn trước {until}.',
    en: 'Your application for booth {booth} was approved. Pay your share before {until}.',
  },
  'booth.approvedFree': {
    vi: 'Đơn đăng ký gian hàng {booth} đã được duyệt.',
    en: 'Your application for booth {booth} was approved.',
  },
  'booth.refused': {
    vi: 'Đơn đăng ký gian hàng {booth} không được duyệt. Lý do: {reason}',
    en: 'Your application for booth {booth} was refused. Reason: {reason}',
  },
  'booth.confirmed': {
    vi: 'Gian hàng {booth} đã được xác nhận cho bạn. Hẹn gặp bạn tại hội chợ.',
    en: 'Booth {booth} is confirmed for you. See you at the fair.',
  },
  'booth.cancelled': {
    vi: 'Gian hàng {booth} đã bị hủy. Phí hủy: {fee}; số tiền hoàn lại: {refund}.',
    en: 'Booth {booth} was cancelled. Cancellation fee: {fee}; refund: {refund}.',
  },
  'booth.expired': {
    vi: 'Thời gian giữ gian hàng {booth} đã hết và gian hàng đã được trả lại. Bạn có thể đăng ký lại nếu còn chỗ.',
    en: 'The hold on booth {booth} ran out and the booth was released. You may book again while booths are free.',
  },
  'booth.amounts': {
    vi: 'Tổng chi phí {total}; hỗ trợ {subsidy}; phần bạn trả {pays}.',
    en: 'Total cost {total}; subsidy {subsidy}; your share {pays}.',
  },
  'booth.action': { vi: 'Xem đăng ký gian hàng', en: 'Open your booking' },
  'booth.noReason': { vi: '(không ghi lý do)', en: '(no reason given)' },
  // An order part moved by its producer (to the shopper).
  shippedSubject: {
    vi: 'Chợ OCOP: một phần đơn hàng {number} đã được gửi đi',
    en: 'OCOP Market: part of order {number} has shipped',
  },
  shippedIntro: {
    vi: '{producer} đã gửi phần của mình trong đơn hàng {number} qua {carrier}, mã vận đơn {tracking}.',
    en: '{producer} has shipped its part of order {number} with {carrier}, tracking number {tracking}.',
  },
  shippedCash: {
    vi: 'Bạn thanh toán phần này khi nhận hàng.',
    en: 'You pay for this part when it is delivered.',
  },
  partCancelledSubject: {
    vi: 'Chợ OCOP: một phần đơn hàng {number} đã bị hủy',
    en: 'OCOP Market: part of order {number} was cancelled',
  },
  partCancelledIntro: {
    vi: '{producer} đã hủy phần của mình trong đơn hàng {number}. Lý do: {reason}',
    en: '{producer} cancelled its part of order {number}. Reason: {reason}',
  },
  partCancelledRefund: {
    vi: 'Số tiền của phần này (hàng và phí giao) được hoàn lại vào thẻ của bạn; ngân hàng có thể cần vài ngày.',
    en: 'What you paid for this part (goods and delivery) goes back to your card; your bank may take a few days.',
  },
  partCancelledCash: {
    vi: 'Bạn không phải trả tiền cho phần này. Các phần khác của đơn hàng vẫn được giao như bình thường.',
    en: 'You pay nothing for this part. The other parts of the order are delivered as usual.',
  },
  partItems: { vi: 'Các sản phẩm của phần này:', en: 'The products of this part:' },
  // A card payment that did not go through (to the shopper).
  'payment.subject.failed': {
    vi: 'Chợ OCOP: thanh toán đơn hàng {number} không thành công',
    en: 'OCOP Market: the payment for order {number} did not go through',
  },
  'payment.subject.expired': {
    vi: 'Chợ OCOP: phiên thanh toán đơn hàng {number} đã hết hạn',
    en: 'OCOP Market: the payment for order {number} timed out',
  },
  'payment.failed': {
    vi: 'Ngân hàng đã từ chối thanh toán bằng thẻ cho đơn hàng {number} ({amount}).',
    en: 'The card payment for order {number} ({amount}) was declined.',
  },
  'payment.expired': {
    vi: 'Đơn hàng {number} ({amount}) chưa được thanh toán trước khi phiên thanh toán hết hạn.',
    en: 'Order {number} ({amount}) was not paid before the payment page timed out.',
  },
  'payment.outcome': {
    vi: 'Đơn hàng không được đặt, các sản phẩm đã được trả lại cho người bán và bạn không bị trừ tiền.',
    en: 'The order was not placed, its products went back on sale, and you were not charged.',
  },
  'payment.next': {
    vi: 'Nếu vẫn muốn mua, hãy đặt lại từ giỏ hàng: bằng thẻ khác, hoặc thanh toán khi nhận hàng.',
    en: 'To buy them still, order again from your cart: with another card, or paying on delivery.',
  },
  'payment.action': { vi: 'Mở giỏ hàng', en: 'Open your cart' },
  // A booth hold running out (to the producer's accounts).
  'reminder.subject': {
    vi: 'Chợ OCOP: gian hàng {booth} tại {fair} sắp hết thời gian giữ',
    en: 'OCOP Market: your hold on booth {booth} at {fair} runs out soon',
  },
  'reminder.body': {
    vi: 'Gian hàng {booth} chỉ được giữ cho bạn đến {until}. Hãy thanh toán phần của bạn ({pays}) trước thời hạn đó; nếu không, gian hàng và khoản hỗ trợ sẽ được trả lại.',
    en: 'Booth {booth} is held for you only until {until}. Pay your share ({pays}) before then; otherwise the booth and its subsidy are released.',
  },
  // A listing decided by the promoter (to the producer's accounts).
  'listing.subject.approved': {
    vi: 'Chợ OCOP: sản phẩm {name} đã được duyệt',
    en: 'OCOP Market: {name} was approved',
  },
  'listing.subject.rejected': {
    vi: 'Chợ OCOP: sản phẩm {name} chưa được duyệt',
    en: 'OCOP Market: {name} was not approved',
  },
  'listing.approved': {
    vi: 'Cơ quan xúc tiến đã duyệt sản phẩm {name}; phiên bản đã duyệt đang được bán trên Chợ OCOP.',
    en: 'The trade promotion office approved {name}; the approved version is on sale on OCOP Market.',
  },
  'listing.rejected': {
    vi: 'Cơ quan xúc tiến chưa duyệt sản phẩm {name}. Lý do: {reason}',
    en: 'The trade promotion office did not approve {name}. Reason: {reason}',
  },
  'listing.rejectedNext': {
    vi: 'Hãy sửa theo góp ý rồi gửi duyệt lại.',
    en: 'Make the changes asked for and send it for review again.',
  },
  'listing.action': { vi: 'Mở sản phẩm', en: 'Open the listing' },
  // The inbox on the producer dashboard and the promoter console.
  'inbox.title': { vi: 'Việc cần làm', en: 'Waiting for you' },
  'inbox.nothing': { vi: 'Không có việc nào đang chờ.', en: 'Nothing is waiting for you.' },
  'inbox.newParts': {
    vi: { other: '{n} phần đơn hàng mới cần chuẩn bị' },
    en: { one: '{n} new order part to prepare', other: '{n} new order parts to prepare' },
  },
  'inbox.pendingApplications': {
    vi: { other: '{n} đơn đăng ký gian hàng chờ duyệt' },
    en: { one: '{n} booth application to decide', other: '{n} booth applications to decide' },
  },
  'inbox.expiring': { vi: 'Gian hàng sắp hết thời gian giữ', en: 'Booth holds running out' },
  'inbox.expiringItem': {
    vi: 'Gian hàng {booth}, {fair}: hết hạn lúc {until}',
    en: 'Booth {booth}, {fair}: lapses at {until}',
  },
  // The admin page's list of messages that could not be delivered.
  failedTitle: { vi: 'Thư không gửi được', en: 'Messages that could not be sent' },
  failedNone: { vi: 'Không có thư nào bị lỗi.', en: 'No message has failed.' },
  failedIntro: {
    vi: 'Các thư này đã được thử {attempts} lần hoặc bị máy chủ thư từ chối hẳn; người nhận chưa nhận được.',
    en: 'These messages were tried {attempts} times or refused for good by the mail server; nobody received them.',
  },
  failedRecipient: { vi: 'Người nhận', en: 'Recipient' },
  failedSubject: { vi: 'Tiêu đề', en: 'Subject' },
  failedAttempts: { vi: 'Số lần thử', en: 'Attempts' },
  failedError: { vi: 'Lỗi cuối', en: 'Last error' },
  failedWhen: { vi: 'Tạo lúc', en: 'Created' },
  failedRetry: { vi: 'Gửi lại', en: 'Send again' },
  failedRetryFor: { vi: 'Gửi lại thư tới {recipient}', en: 'Send the message to {recipient} again' },
  retried: {
    vi: 'Thư đã được đưa lại vào hàng đợi và sẽ được gửi trong ít phút.',
    en: 'The message is queued again and will be sent within minutes.',
  },
  retryUnknown: {
    vi: 'Không tìm thấy thư lỗi này: có thể thư đã được gửi lại rồi.',
    en: 'This failed message was not found: it may have been sent again already.',
  },
  retryForbidden: {
    vi: 'Chỉ quản trị viên mới gửi lại được thư.',
    en: 'Only an administrator can send a message again.',
  },
});

export type NotificationMessageKey = keyof typeof notificationsMessages & string;

/** The notifications translator: `const t = useNotificationsTranslations(locale)`. */
export const useNotificationsTranslations = translator(notificationsMessages);
