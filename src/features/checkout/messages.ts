/**
 * UI strings of checkout (form, payment, field errors, Stripe's delivery line), in Vietnamese and English. Field
 * errors name their limits through placeholders (`{nameMax}`, `{maxQuantity}`, `{cardMin}`…) filled from the rules.
 */
import { defineMessages, translator } from '~/lib/i18n/translate';

/** The checkout dictionary. */
export const checkoutMessages = defineMessages({
  checkoutTitle: { vi: 'Thanh toán', en: 'Checkout' },
  contact: { vi: 'Người nhận', en: 'Recipient' },
  name: { vi: 'Họ và tên', en: 'Full name' },
  email: { vi: 'Email', en: 'Email' },
  phone: { vi: 'Số điện thoại', en: 'Phone number' },
  phoneHint: {
    vi: 'Số di động hoặc cố định Việt Nam, ví dụ 0912 345 678.',
    en: 'A Vietnamese mobile or landline, e.g. 0912 345 678.',
  },
  address: { vi: 'Địa chỉ giao hàng', en: 'Delivery address' },
  province: { vi: 'Tỉnh / thành phố', en: 'Province / city' },
  chooseProvince: { vi: 'Chọn tỉnh / thành phố', en: 'Choose a province or city' },
  commune: { vi: 'Xã / phường / đặc khu', en: 'Commune / ward' },
  street: { vi: 'Số nhà, đường, thôn / ấp', en: 'House number, street, hamlet' },
  note: { vi: 'Ghi chú cho người giao (không bắt buộc)', en: 'Note for the courier (optional)' },
  payment: { vi: 'Cách thanh toán', en: 'Payment' },
  cod: { vi: 'Thanh toán khi nhận hàng (COD)', en: 'Cash on delivery' },
  codHint: {
    vi: 'Trả tiền mặt cho người giao khi nhận hàng.',
    en: 'Pay the courier in cash when your parcels arrive.',
  },
  card: { vi: 'Thẻ quốc tế / ví điện tử qua Stripe', en: 'Card or wallet through Stripe' },
  cardHint: {
    vi: 'Bạn sẽ được chuyển tới trang thanh toán an toàn của Stripe.',
    en: 'You will be sent to Stripe’s secure payment page.',
  },
  cardUnavailable: {
    vi: 'Thanh toán thẻ hiện chưa khả dụng; vui lòng chọn thanh toán khi nhận hàng.',
    en: 'Card payment is not available right now; please choose cash on delivery.',
  },
  summary: { vi: 'Đơn hàng', en: 'Order summary' },
  placeOrderCod: { vi: 'Đặt hàng', en: 'Place order' },
  placeOrderCard: { vi: 'Tiếp tục tới thanh toán', en: 'Continue to payment' },
  placing: { vi: 'Đang đặt hàng…', en: 'Placing your order…' },
  fixErrors: { vi: 'Vui lòng sửa các mục được đánh dấu.', en: 'Please fix the highlighted fields.' },
  cancelledPayment: {
    vi: 'Bạn đã hủy thanh toán đơn {number}; hàng đã được trả lại kho. Giỏ hàng vẫn còn nguyên.',
    en: 'You cancelled the payment of order {number}; its items are back in stock. Your cart is unchanged.',
  },
  emptyCart: {
    vi: 'Giỏ hàng đang trống, chưa có gì để thanh toán.',
    en: 'Your cart is empty; there is nothing to check out.',
  },
  backToCart: { vi: 'Sửa giỏ hàng', en: 'Edit cart' },
  // Field and request errors (keys used by the schemas and actions).
  nameRequired: { vi: 'Hãy nhập họ tên người nhận.', en: 'Enter the recipient’s name.' },
  nameTooLong: { vi: 'Họ tên tối đa {nameMax} ký tự.', en: 'The name can be at most {nameMax} characters.' },
  emailRequired: {
    vi: 'Hãy nhập email để nhận xác nhận đơn.',
    en: 'Enter an email for the order confirmation.',
  },
  emailInvalid: {
    vi: 'Email chưa đúng định dạng, ví dụ ten@example.com.',
    en: 'That email does not look right, e.g. name@example.com.',
  },
  phoneRequired: {
    vi: 'Hãy nhập số điện thoại để người giao liên hệ.',
    en: 'Enter a phone number for the courier.',
  },
  phoneInvalid: {
    vi: 'Số điện thoại Việt Nam gồm 10 số (di động, ví dụ 0912 345 678) hoặc 11 số bắt đầu bằng 02 (cố định).',
    en: 'A Vietnamese phone number has 10 digits (mobile, e.g. 0912 345 678) or 11 digits starting 02 (landline).',
  },
  provinceRequired: { vi: 'Hãy chọn tỉnh / thành phố.', en: 'Choose a province or city.' },
  communeRequired: { vi: 'Hãy nhập xã / phường.', en: 'Enter the commune or ward.' },
  communeTooLong: { vi: 'Tối đa {communeMax} ký tự.', en: 'At most {communeMax} characters.' },
  streetRequired: { vi: 'Hãy nhập số nhà, đường.', en: 'Enter the house number and street.' },
  streetTooLong: { vi: 'Tối đa {streetMax} ký tự.', en: 'At most {streetMax} characters.' },
  noteTooLong: { vi: 'Ghi chú tối đa {noteMax} ký tự.', en: 'The note can be at most {noteMax} characters.' },
  paymentRequired: { vi: 'Hãy chọn cách thanh toán.', en: 'Choose how to pay.' },
  cartEmpty: { vi: 'Giỏ hàng trống.', en: 'The cart is empty.' },
  cartTooLarge: { vi: 'Giỏ hàng có quá nhiều sản phẩm.', en: 'The cart holds too many products.' },
  productRequired: { vi: 'Thiếu mã sản phẩm.', en: 'A product is missing.' },
  productUnknown: { vi: 'Sản phẩm không tồn tại.', en: 'This product does not exist.' },
  productUnlisted: { vi: 'Sản phẩm này hiện không bán.', en: 'This product is not for sale at the moment.' },
  productUnlistedNamed: {
    vi: '{product} hiện không bán, hãy bỏ khỏi giỏ hàng.',
    en: '{product} is not for sale at the moment; please remove it from your cart.',
  },
  productRepeated: { vi: 'Sản phẩm bị lặp trong giỏ.', en: 'This product appears twice.' },
  quantityWhole: { vi: 'Số lượng phải là số nguyên.', en: 'The quantity must be a whole number.' },
  quantityTooSmall: { vi: 'Số lượng ít nhất là 1.', en: 'The quantity must be at least 1.' },
  quantityTooLarge: {
    vi: 'Tối đa {maxQuantity} sản phẩm mỗi loại.',
    en: 'At most {maxQuantity} of one product.',
  },
  outOfStock: { vi: 'Sản phẩm đã hết hàng.', en: 'This product is out of stock.' },
  notEnoughStock: {
    vi: 'Không đủ hàng cho số lượng này.',
    en: 'There is not enough stock for this quantity.',
  },
  lineInvalid: {
    vi: 'Dòng hàng không hợp lệ (chỉ gồm mã sản phẩm và số lượng).',
    en: 'Invalid line (only a product and a quantity are accepted).',
  },
  attemptInvalid: {
    vi: 'Phiên đặt hàng không hợp lệ; hãy tải lại trang.',
    en: 'Invalid checkout attempt; reload the page.',
  },
  cardAmountTooSmall: {
    vi: 'Thanh toán thẻ cần tối thiểu {cardMin}; hãy thêm hàng hoặc chọn COD.',
    en: 'Card payments need at least {cardMin}; add items or choose cash on delivery.',
  },
  cardAmountTooLarge: {
    vi: 'Thanh toán thẻ tối đa {cardMax} mỗi đơn; hãy chia đơn hoặc chọn COD.',
    en: 'Card payments are limited to {cardMax} per order; split the order or choose cash on delivery.',
  },
  stockChanged: {
    vi: 'Một số sản phẩm vừa hết hoặc không đủ hàng. Giỏ hàng đã được cập nhật, hãy kiểm tra lại.',
    en: 'Some items just ran out or ran short. Your cart was updated; please check it.',
  },
  paymentProviderFailed: {
    vi: 'Không kết nối được cổng thanh toán. Đơn chưa được đặt; hãy thử lại hoặc chọn COD.',
    en: 'Could not reach the payment provider. No order was placed; try again or choose cash on delivery.',
  },
  serviceUnavailable: {
    vi: 'Hệ thống đang bận. Hãy thử lại sau ít phút.',
    en: 'The service is busy. Please try again in a few minutes.',
  },
  invalidInput: { vi: 'Dữ liệu không hợp lệ.', en: 'Invalid input.' },
  throttled: {
    vi: 'Có quá nhiều đơn được đặt từ mạng này. Đơn chưa được đặt; hãy thử lại trong vòng {checkoutRetryMinutes} phút.',
    en: 'Too many orders were placed from this network. No order was placed; try again within {checkoutRetryMinutes} minutes.',
  },
  deliveryLineItem: { vi: 'Phí giao hàng · {producer}', en: 'Delivery · {producer}' },
});

/** The checkout translator: `const t = useCheckoutTranslations(locale); t('placeOrderCod')`. */
export const useCheckoutTranslations = translator(checkoutMessages);
