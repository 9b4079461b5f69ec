/** UI strings of the cart (header badge, product page offer, cart page), in Vietnamese and English. */
import { defineMessages, translator } from '~/lib/i18n/translate';

/** The cart's dictionary. */
export const cartMessages = defineMessages({
  cart: { vi: 'Giỏ hàng', en: 'Cart' },
  cartWithCount: { vi: 'Giỏ hàng, {n} sản phẩm', en: { one: 'Cart, {n} item', other: 'Cart, {n} items' } },
  addToCart: { vi: 'Thêm vào giỏ', en: 'Add to cart' },
  added: { vi: 'Đã thêm {n} vào giỏ.', en: 'Added {n} to the cart.' },
  viewCart: { vi: 'Xem giỏ hàng', en: 'View cart' },
  quantity: { vi: 'Số lượng', en: 'Quantity' },
  decrease: { vi: 'Bớt một', en: 'One fewer' },
  increase: { vi: 'Thêm một', en: 'One more' },
  inStock: { vi: 'Còn {n} sản phẩm', en: '{n} in stock' },
  lowStock: { vi: 'Chỉ còn {n} sản phẩm', en: 'Only {n} left' },
  outOfStock: { vi: 'Tạm hết hàng', en: 'Out of stock' },
  notForSale: { vi: 'Hiện chưa bán trực tuyến', en: 'Not sold online at the moment' },
  currentPrice: { vi: 'Giá hiện tại', en: 'Current price' },
  inYourCart: { vi: 'Trong giỏ: {n}', en: 'In your cart: {n}' },
  maxReached: { vi: 'Giỏ đã có tối đa số lượng có thể mua.', en: 'Your cart already holds all you can buy.' },
  offerUnavailable: {
    vi: 'Không tải được tình trạng hàng. Hãy thử lại sau.',
    en: 'Could not load availability. Please try again later.',
  },
  cartTitle: { vi: 'Giỏ hàng của bạn', en: 'Your cart' },
  cartEmpty: { vi: 'Giỏ hàng đang trống.', en: 'Your cart is empty.' },
  browseProducts: { vi: 'Xem các đặc sản OCOP', en: 'Browse OCOP specialties' },
  remove: { vi: 'Xóa', en: 'Remove' },
  removeItem: { vi: 'Xóa {name} khỏi giỏ', en: 'Remove {name} from the cart' },
  quantityOf: { vi: 'Số lượng {name}', en: 'Quantity of {name}' },
  unitPrice: { vi: 'Đơn giá', en: 'Unit price' },
  lineTotal: { vi: 'Thành tiền', en: 'Line total' },
  from: { vi: 'Từ {producer}', en: 'From {producer}' },
  subtotal: { vi: 'Tạm tính', en: 'Subtotal' },
  shipping: { vi: 'Phí giao hàng', en: 'Delivery' },
  shippingNote: {
    vi: 'Mỗi chủ thể giao phần của mình: {fee} một kiện, miễn phí từ {freeFrom}.',
    en: 'Each producer ships its own part: {fee} a parcel, free from {freeFrom}.',
  },
  free: { vi: 'Miễn phí', en: 'Free' },
  total: { vi: 'Tổng cộng', en: 'Total' },
  checkout: { vi: 'Đặt hàng', en: 'Check out' },
  continueShopping: { vi: 'Tiếp tục mua sắm', en: 'Continue shopping' },
  trackOrder: { vi: 'Tra cứu đơn hàng đã đặt', en: 'Track an order you placed' },
  loading: { vi: 'Đang tính giá…', en: 'Pricing your cart…' },
  adjusted: {
    vi: '{name}: chỉ còn {n}, giỏ đã được điều chỉnh.',
    en: '{name}: only {n} left; your cart was adjusted.',
  },
  removedGone: {
    vi: 'Một sản phẩm không còn bán đã được bỏ khỏi giỏ.',
    en: 'A product no longer for sale was removed from your cart.',
  },
  pricedByServer: {
    vi: 'Giá được tính lại theo giá hiện hành khi đặt hàng.',
    en: 'Prices are checked again when you place the order.',
  },
  quoteFailed: {
    vi: 'Không tính được giá lúc này. Hãy thử lại.',
    en: 'Could not price your cart right now. Please try again.',
  },
});

/** The cart's translator: `const t = useCartTranslations(locale); t('cartWithCount', { n: 3 })`. */
export const useCartTranslations = translator(cartMessages);
