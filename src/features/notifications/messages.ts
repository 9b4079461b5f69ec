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
});

export type NotificationMessageKey = keyof typeof notificationsMessages & string;

/** The notifications translator: `const t = useNotificationsTranslations(locale)`. */
export const useNotificationsTranslations = translator(notificationsMessages);
