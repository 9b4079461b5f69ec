/**
 * UI strings of the accounts feature (forms, consoles, header), in Vietnamese and English. Role names are keyed
 * `role.<role>`; the error codes of the schemas in ./accounts.ts and of the account actions are keyed `error.<code>`.
 */
import { defineMessages, translator } from '~/lib/i18n';

export const accountsMessages = defineMessages({
  signIn: { vi: 'Đăng nhập', en: 'Sign in' },
  signUp: { vi: 'Tạo tài khoản', en: 'Create an account' },
  signOut: { vi: 'Đăng xuất', en: 'Sign out' },
  account: { vi: 'Tài khoản', en: 'Account' },
  myAccount: { vi: 'Tài khoản của tôi', en: 'My account' },
  signedInAs: { vi: 'Đang đăng nhập:', en: 'Signed in as' },
  name: { vi: 'Họ và tên', en: 'Full name' },
  email: { vi: 'Email', en: 'Email' },
  password: { vi: 'Mật khẩu', en: 'Password' },
  newPassword: { vi: 'Mật khẩu mới', en: 'New password' },
  confirmPassword: { vi: 'Nhập lại mật khẩu mới', en: 'Repeat the new password' },
  passwordHint: { vi: 'Ít nhất {passwordMin} ký tự.', en: 'At least {passwordMin} characters.' },
  forgotPassword: { vi: 'Quên mật khẩu?', en: 'Forgot your password?' },
  noAccount: { vi: 'Chưa có tài khoản?', en: 'No account yet?' },
  haveAccount: { vi: 'Đã có tài khoản?', en: 'Already have an account?' },
  signInIntro: {
    vi: 'Đăng nhập để theo dõi đơn hàng, quản lý sản phẩm hoặc điều hành xúc tiến thương mại.',
    en: 'Sign in to follow your orders, manage your products or run trade promotion.',
  },
  signUpIntro: {
    vi: 'Tài khoản mới là tài khoản người mua. Chủ thể OCOP và cán bộ xúc tiến được quản trị viên cấp quyền sau khi xác minh.',
    en: 'New accounts are shopper accounts. OCOP producers and trade promoters are granted their role by an administrator after verification.',
  },
  forgotTitle: { vi: 'Đặt lại mật khẩu', en: 'Reset your password' },
  forgotIntro: {
    vi: 'Nhập email của tài khoản. Chúng tôi sẽ gửi liên kết đặt lại mật khẩu, có hiệu lực 1 giờ.',
    en: 'Enter the email of your account. We will send a link to reset your password, valid for 1 hour.',
  },
  sendLink: { vi: 'Gửi liên kết', en: 'Send the link' },
  linkSent: {
    vi: 'Nếu email này có tài khoản, liên kết đặt lại mật khẩu đã được gửi tới đó. Hãy kiểm tra hộp thư.',
    en: 'If an account has this email, a reset link is on its way. Check your inbox.',
  },
  resetTitle: { vi: 'Chọn mật khẩu mới', en: 'Choose a new password' },
  resetSubmit: { vi: 'Lưu mật khẩu mới', en: 'Save the new password' },
  resetDone: {
    vi: 'Đã đổi mật khẩu. Mọi phiên đăng nhập cũ đã kết thúc; hãy đăng nhập bằng mật khẩu mới.',
    en: 'Your password is changed. All earlier sessions have ended; sign in with the new password.',
  },
  resetMissingToken: {
    vi: 'Liên kết thiếu mã đặt lại. Hãy mở đúng liên kết trong thư, hoặc yêu cầu liên kết mới.',
    en: 'This link has no reset code. Open the link from the message, or ask for a new one.',
  },
  requestNewLink: { vi: 'Yêu cầu liên kết mới', en: 'Ask for a new link' },
  formProblems: { vi: 'Vui lòng sửa các mục được đánh dấu.', en: 'Please correct the marked fields.' },
  role: { vi: 'Vai trò', en: 'Role' },
  yourRole: { vi: 'Vai trò của bạn', en: 'Your role' },
  youCanReach: { vi: 'Bạn có thể mở', en: 'You can open' },
  orders: { vi: 'Đơn hàng của tôi', en: 'My orders' },
  ordersSoon: {
    vi: 'Lịch sử đơn hàng sẽ hiện ở đây khi bạn đặt mua.',
    en: 'Your order history will appear here once you place an order.',
  },
  producerConsole: { vi: 'Trang chủ thể', en: 'Producer dashboard' },
  promoterConsole: { vi: 'Xúc tiến thương mại', en: 'Promoter console' },
  adminConsole: { vi: 'Quản trị', en: 'Admin' },
  accountNav: { vi: 'Tài khoản', en: 'Account' },
  forbiddenTitle: { vi: 'Không có quyền truy cập', en: 'Access refused' },
  forbiddenText: {
    vi: 'Tài khoản của bạn không có quyền mở trang này. Nếu bạn cần quyền, hãy liên hệ quản trị viên.',
    en: 'Your account may not open this page. If you need access, contact an administrator.',
  },
  province: { vi: 'Tỉnh', en: 'Province' },
  producer: { vi: 'Chủ thể', en: 'Producer' },
  promoterIntro: {
    vi: 'Sản phẩm OCOP và chủ thể của tỉnh bạn phụ trách. Hội chợ, chính sách hỗ trợ và duyệt gian hàng sẽ được thêm vào đây.',
    en: 'The OCOP products and producers of the province you are responsible for. Fairs, subsidy policies and booth approvals will be added here.',
  },
  producersInProvince: { vi: 'Chủ thể trong tỉnh', en: 'Producers in the province' },
  productsInProvince: { vi: 'Sản phẩm OCOP trong tỉnh', en: 'OCOP products in the province' },
  certificates: { vi: 'Chứng nhận', en: 'Certificates' },
  validCount: { vi: 'còn hiệu lực', en: 'valid' },
  expiredCount: { vi: 'hết hiệu lực', en: 'expired' },
  product: { vi: 'Sản phẩm', en: 'Product' },
  stars: { vi: 'Hạng sao', en: 'Stars' },
  validUntil: { vi: 'Hiệu lực đến', en: 'Valid until' },
  status: { vi: 'Tình trạng', en: 'Status' },
  valid: { vi: 'Còn hiệu lực', en: 'Valid' },
  expired: { vi: 'Hết hiệu lực', en: 'Expired' },
  productsCount: { vi: 'sản phẩm', en: 'products' },
  producerIntro: {
    vi: 'Sản phẩm của chủ thể bạn đại diện. Giá, tồn kho, đơn hàng và đăng ký gian hàng hội chợ sẽ được quản lý tại đây.',
    en: 'The products of the producer you represent. Prices, stock, orders and fair booth applications will be managed here.',
  },
  yourProducts: { vi: 'Sản phẩm của bạn', en: 'Your products' },
  viewPublicPage: { vi: 'Xem trang công khai', en: 'View public page' },
  adminIntro: {
    vi: 'Cấp vai trò cho tài khoản: chủ thể gắn với đúng một chủ thể OCOP, cán bộ xúc tiến gắn với đúng một tỉnh.',
    en: 'Give accounts their role: a producer is linked to exactly one OCOP producer, a promoter to exactly one province.',
  },
  users: { vi: 'Tài khoản', en: 'Accounts' },
  linkedTo: { vi: 'Gắn với', en: 'Linked to' },
  save: { vi: 'Lưu', en: 'Save' },
  saved: { vi: 'Đã lưu vai trò.', en: 'Role saved.' },
  chooseProducer: { vi: '— chọn chủ thể —', en: '— choose a producer —' },
  chooseProvince: { vi: '— chọn tỉnh —', en: '— choose a province —' },
  you: { vi: '(bạn)', en: '(you)' },
  changeRoleOf: { vi: 'Đổi vai trò của', en: 'Change the role of' },
  ownRoleLocked: {
    vi: 'Bạn không thể tự đổi vai trò của mình.',
    en: 'You cannot change your own role.',
  },
  'role.shopper': { vi: 'Người mua', en: 'Shopper' },
  'role.producer': { vi: 'Chủ thể OCOP', en: 'Producer' },
  'role.promoter': { vi: 'Cán bộ xúc tiến thương mại', en: 'Trade promoter' },
  'role.admin': { vi: 'Quản trị viên', en: 'Administrator' },
  // Field and form errors (the codes used by the schemas in accounts.ts and by the actions).
  'error.emailRequired': { vi: 'Hãy nhập email.', en: 'Enter your email.' },
  'error.emailInvalid': {
    vi: 'Email không hợp lệ, ví dụ: ten@example.com.',
    en: 'This is not a valid email, e.g. name@example.com.',
  },
  'error.passwordRequired': { vi: 'Hãy nhập mật khẩu.', en: 'Enter your password.' },
  'error.passwordTooShort': {
    vi: 'Mật khẩu cần ít nhất {passwordMin} ký tự.',
    en: 'The password needs at least {passwordMin} characters.',
  },
  'error.passwordTooLong': {
    vi: 'Mật khẩu dài tối đa {passwordMax} ký tự.',
    en: 'The password can be at most {passwordMax} characters.',
  },
  'error.passwordsDiffer': { vi: 'Hai mật khẩu không khớp.', en: 'The two passwords differ.' },
  'error.nameRequired': { vi: 'Hãy nhập họ tên.', en: 'Enter your name.' },
  'error.nameTooLong': {
    vi: 'Họ tên dài tối đa {nameMax} ký tự.',
    en: 'The name can be at most {nameMax} characters.',
  },
  'error.tokenInvalid': {
    vi: 'Liên kết đặt lại đã hết hạn hoặc đã được dùng. Hãy yêu cầu liên kết mới.',
    en: 'This reset link has expired or was already used. Ask for a new one.',
  },
  'error.invalidCredentials': { vi: 'Email hoặc mật khẩu không đúng.', en: 'Wrong email or password.' },
  'error.throttled': {
    vi: 'Quá nhiều lần đăng nhập sai. Hãy thử lại sau {wait}.',
    en: 'Too many failed sign-ins. Try again in {wait}.',
  },
  'error.resetThrottled': {
    vi: 'Bạn đã yêu cầu đặt lại mật khẩu quá nhiều lần. Hãy thử lại sau {wait}.',
    en: 'Too many password reset requests. Try again in {wait}.',
  },
  'wait.seconds': { vi: '{n} giây', en: { one: '{n} second', other: '{n} seconds' } },
  'wait.minutes': { vi: '{n} phút', en: { one: '{n} minute', other: '{n} minutes' } },
  /** When no wait is known (a page shown without its request): the longest sign-in window. */
  'wait.soon': { vi: 'ít phút', en: 'a few minutes' },
  'error.emailTaken': {
    vi: 'Email này đã có tài khoản. Hãy đăng nhập hoặc đặt lại mật khẩu.',
    en: 'This email already has an account. Sign in or reset your password.',
  },
  'error.roleUnknown': { vi: 'Vai trò không hợp lệ.', en: 'Unknown role.' },
  'error.userRequired': { vi: 'Thiếu tài khoản.', en: 'No account given.' },
  'error.producerRequired': { vi: 'Hãy chọn chủ thể OCOP.', en: 'Choose the OCOP producer.' },
  'error.provinceRequired': { vi: 'Hãy chọn tỉnh.', en: 'Choose the province.' },
  'error.producerUnknown': {
    vi: 'Không có chủ thể này trong danh mục.',
    en: 'This producer is not in the catalogue.',
  },
  'error.provinceUnknown': {
    vi: 'Không có tỉnh này trong danh mục.',
    en: 'This province is not in the catalogue.',
  },
  'error.idUnknown': { vi: 'Mã không hợp lệ.', en: 'Invalid id.' },
  'error.userNotFound': { vi: 'Không tìm thấy tài khoản.', en: 'Account not found.' },
  'error.forbidden': { vi: 'Bạn không có quyền làm việc này.', en: 'You may not do this.' },
  'error.signedOut': { vi: 'Hãy đăng nhập trước.', en: 'Sign in first.' },
  'error.somethingWrong': {
    vi: 'Không thực hiện được. Hãy thử lại.',
    en: 'That did not work. Please try again.',
  },
});

export type AccountsMessageKey = keyof typeof accountsMessages & string;

/** The accounts translator: `const t = useAccountsTranslations(locale); t('signIn')`. */
export const useAccountsTranslations = translator(accountsMessages);
