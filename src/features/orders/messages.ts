/**
 * UI strings of orders (confirmation, look-up, history, producer view), in Vietnamese and
 * English. Payment and part statuses are keys `status.<status>` (the two share `awaiting_payment`).
 */
import { defineMessages, translator } from '~/lib/i18n/translate';

/** The orders dictionary. */
export const ordersMessages = defineMessages({
  order: { vi: 'Đơn hàng', en: 'Order' },
  product: { vi: 'Sản phẩm', en: 'Product' },
  collectOnDelivery: { vi: 'Thu hộ khi giao (COD): {amount}', en: 'Collect on delivery (COD): {amount}' },
  paidByCard: { vi: 'Đã thanh toán bằng thẻ', en: 'Paid by card' },
  orderNumber: { vi: 'Mã đơn hàng', en: 'Order number' },
  placedOn: { vi: 'Đặt lúc', en: 'Placed on' },
  thankYou: { vi: 'Cảm ơn bạn đã đặt hàng!', en: 'Thank you for your order!' },
  keepNumber: {
    vi: 'Hãy ghi lại mã đơn {number} để tra cứu hoặc đọc cho tổng đài.',
    en: 'Keep the order number {number} to look the order up or quote it on the phone.',
  },
  confirming: {
    vi: 'Đang xác nhận thanh toán… Trang sẽ tự cập nhật.',
    en: 'Payment being confirmed… This page refreshes by itself.',
  },
  paidNotice: {
    vi: 'Đã thanh toán. Các chủ thể đang chuẩn bị hàng.',
    en: 'Paid. The producers are preparing your parcels.',
  },
  codNotice: {
    vi: 'Đơn đã đặt, chờ giao hàng. Bạn trả tiền mặt {total} khi nhận hàng.',
    en: 'Order placed, awaiting delivery. You pay {total} in cash on delivery.',
  },
  failedNotice: {
    vi: 'Thanh toán không thành công; đơn đã hủy và hàng đã trả lại kho.',
    en: 'The payment did not go through; the order was cancelled and its items returned to stock.',
  },
  expiredNotice: {
    vi: 'Phiên thanh toán đã hết hạn; đơn đã hủy.',
    en: 'The payment session expired; the order was cancelled.',
  },
  parts: { vi: 'Các phần của đơn theo chủ thể', en: 'Parts of the order by producer' },
  partOf: { vi: 'Phần của {producer}', en: 'Part from {producer}' },
  deliverTo: { vi: 'Giao tới', en: 'Deliver to' },
  payment: { vi: 'Thanh toán', en: 'Payment' },
  history: { vi: 'Lịch sử', en: 'History' },
  carrier: { vi: 'Đơn vị vận chuyển', en: 'Carrier' },
  trackingNumber: { vi: 'Mã vận đơn', en: 'Tracking number' },
  cancelReason: { vi: 'Lý do hủy', en: 'Reason for cancelling' },
  lookupTitle: { vi: 'Tra cứu đơn hàng', en: 'Look up an order' },
  lookupIntro: {
    vi: 'Nhập mã đơn hàng và email đã dùng khi đặt.',
    en: 'Enter the order number and the email you ordered with.',
  },
  lookup: { vi: 'Tra cứu', en: 'Look up' },
  orderNotFound: {
    vi: 'Không tìm thấy đơn với mã và email này.',
    en: 'No order matches this number and email.',
  },
  orderNumberRequired: { vi: 'Hãy nhập mã đơn hàng.', en: 'Enter the order number.' },
  orderNumberInvalid: {
    vi: 'Mã đơn gồm 8 ký tự, ví dụ K7MQ-4XP9.',
    en: 'An order number has 8 characters, e.g. K7MQ-4XP9.',
  },
  email: { vi: 'Email', en: 'Email' },
  emailRequired: { vi: 'Hãy nhập email.', en: 'Enter the email.' },
  emailInvalid: { vi: 'Email chưa đúng định dạng.', en: 'That email does not look right.' },
  myOrders: { vi: 'Đơn hàng của tôi', en: 'My orders' },
  noOrders: { vi: 'Bạn chưa có đơn hàng nào.', en: 'You have no orders yet.' },
  producerOrders: { vi: 'Đơn hàng cần xử lý', en: 'Orders to fulfil' },
  producerOrdersIntro: {
    vi: 'Mỗi đơn chỉ hiện phần hàng của bạn. Chuyển trạng thái: đang chuẩn bị → đã gửi (kèm mã vận đơn) → đã giao, hoặc hủy kèm lý do (hàng trở lại kho).',
    en: 'Each order shows only your part. Move it: processing → shipped (with tracking) → delivered, or cancel with a reason (stock returns).',
  },
  noParts: { vi: 'Chưa có đơn hàng nào.', en: 'No orders yet.' },
  nothingToDo: { vi: 'Không có đơn nào cần xử lý.', en: 'Nothing to fulfil right now.' },
  customer: { vi: 'Người nhận', en: 'Recipient' },
  markProcessing: { vi: 'Bắt đầu chuẩn bị', en: 'Start processing' },
  markShipped: { vi: 'Đã gửi hàng', en: 'Mark shipped' },
  markDelivered: { vi: 'Đã giao', en: 'Mark delivered' },
  cancelPart: { vi: 'Hủy phần này', en: 'Cancel this part' },
  confirmCancel: { vi: 'Xác nhận hủy', en: 'Confirm cancellation' },
  moved: { vi: 'Đã cập nhật đơn {number}.', en: 'Order {number} updated.' },
  notAllowed: {
    vi: 'Không thể chuyển sang trạng thái này từ trạng thái hiện tại.',
    en: 'That move is not possible from the current status.',
  },
  partUnknown: { vi: 'Không tìm thấy phần đơn này.', en: 'This part of an order was not found.' },
  moveUnknown: { vi: 'Thao tác không hợp lệ.', en: 'Unknown action.' },
  carrierRequired: { vi: 'Hãy nhập đơn vị vận chuyển.', en: 'Enter the carrier.' },
  trackingRequired: { vi: 'Hãy nhập mã vận đơn.', en: 'Enter the tracking number.' },
  trackingInvalid: {
    vi: 'Mã vận đơn chỉ gồm chữ, số và dấu gạch.',
    en: 'A tracking number has only letters, digits and dashes.',
  },
  reasonRequired: {
    vi: 'Hãy ghi lý do hủy để báo người mua.',
    en: 'Give a reason; the shopper will see it.',
  },
  textTooLong: { vi: 'Nội dung quá dài.', en: 'Too long.' },
  forbidden: { vi: 'Bạn không có quyền với đơn này.', en: 'You may not change this order.' },
  signedOut: { vi: 'Hãy đăng nhập.', en: 'Please sign in.' },
  serviceUnavailable: {
    vi: 'Hệ thống đang bận. Hãy thử lại sau ít phút.',
    en: 'The service is busy. Please try again in a few minutes.',
  },
  viewOrder: { vi: 'Xem đơn', en: 'View order' },
  quantity: { vi: 'SL', en: 'Qty' },
  filterAll: { vi: 'Tất cả', en: 'All' },
  filterOpen: { vi: 'Cần xử lý', en: 'To do' },
  // The site's own notes in an order's history (SYSTEM_NOTES).
  'note.reservationLapsed': { vi: 'hết thời gian giữ hàng', en: 'reservation lapsed' },
  'note.cancelledByShopper': { vi: 'người mua đã hủy thanh toán', en: 'payment cancelled by the shopper' },
  // Payment statuses.
  'status.awaiting_payment': { vi: 'Chờ thanh toán', en: 'Awaiting payment' },
  'status.payment_processing': { vi: 'Đang xác nhận thanh toán', en: 'Payment being confirmed' },
  'status.paid': { vi: 'Đã thanh toán', en: 'Paid' },
  'status.failed': { vi: 'Thanh toán thất bại', en: 'Payment failed' },
  'status.expired': { vi: 'Hết hạn thanh toán', en: 'Payment expired' },
  'status.cash_on_delivery': { vi: 'Thanh toán khi nhận hàng', en: 'Cash on delivery' },
  // Part statuses (awaiting_payment as above).
  'status.placed': { vi: 'Chờ xử lý', en: 'Awaiting processing' },
  'status.processing': { vi: 'Đang chuẩn bị', en: 'Processing' },
  'status.shipped': { vi: 'Đã gửi hàng', en: 'Shipped' },
  'status.delivered': { vi: 'Đã giao', en: 'Delivered' },
  'status.cancelled': { vi: 'Đã hủy', en: 'Cancelled' },
  'status.voided': { vi: 'Đã hủy (chưa thanh toán)', en: 'Void (not paid)' },
});

/** The orders translator: `const t = useOrdersTranslations(locale); t(`status.${part.status}`)`. */
export const useOrdersTranslations = translator(ordersMessages);
