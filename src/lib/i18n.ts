/** Locales, localized paths and the UI strings. Vietnamese is the default locale at /, English at /en/. */
export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'vi';

/** The `[...lang]` route param for a locale: undefined for Vietnamese (served at /), "en" for English. */
export function langParam(locale: Locale): string | undefined {
  return locale === DEFAULT_LOCALE ? undefined : locale;
}

/** Both locales as getStaticPaths params for `[...lang]` routes. */
export const LANG_PARAMS = LOCALES.map((locale) => ({ locale, lang: langParam(locale) }));

/** Reads the `[...lang]` param; null when it is not a known locale (the page should 404). */
export function localeFromParam(lang: string | undefined): Locale | null {
  if (lang === undefined || lang === '') return DEFAULT_LOCALE;
  return lang === 'en' ? 'en' : null;
}

/** The locale of a URL path: /en and /en/... are English, everything else Vietnamese. */
export function localeFromPath(pathname: string): Locale {
  return pathname === '/en' || pathname.startsWith('/en/') ? 'en' : 'vi';
}

/** Strips the locale prefix: /en/products/x → /products/x; / and /en → /. */
export function unlocalizedPath(pathname: string): string {
  if (localeFromPath(pathname) === 'en') return pathname.slice(3) || '/';
  return pathname || '/';
}

/** Prefixes a locale-neutral path (starting with /) for a locale. */
export function localizedPath(path: string, locale: Locale): string {
  if (locale === DEFAULT_LOCALE) return path;
  return path === '/' ? '/en/' : `/en${path}`;
}

/** Picks the text of a {vi, en} pair. */
export function pick<T>(text: { vi: T; en: T }, locale: Locale): T {
  return text[locale];
}

/** Formats a calendar date for a locale (dates in content are UTC days). */
export function formatDate(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

const strings = {
  siteName: { vi: 'Chợ OCOP', en: 'OCOP Market' },
  tagline: {
    vi: 'Đặc sản OCOP chính gốc từ các xã Việt Nam',
    en: "Authentic OCOP specialties from Vietnam's communes",
  },
  skipToContent: { vi: 'Bỏ qua, tới nội dung chính', en: 'Skip to main content' },
  mainNav: { vi: 'Điều hướng chính', en: 'Main navigation' },
  home: { vi: 'Trang chủ', en: 'Home' },
  products: { vi: 'Sản phẩm', en: 'Products' },
  allProducts: { vi: 'Tất cả sản phẩm', en: 'All products' },
  provinces: { vi: 'Tỉnh thành', en: 'Provinces' },
  groups: { vi: 'Nhóm sản phẩm', en: 'Product groups' },
  starLevels: { vi: 'Hạng sao', en: 'Star ratings' },
  producers: { vi: 'Chủ thể sản xuất', en: 'Producers' },
  fairs: { vi: 'Hội chợ', en: 'Trade fairs' },
  search: { vi: 'Tìm kiếm', en: 'Search' },
  searchPlaceholder: { vi: 'Tìm đặc sản, ví dụ: kẹo dừa', en: 'Find a specialty, e.g. coconut candy' },
  language: { vi: 'Ngôn ngữ', en: 'Language' },
  switchTo: { vi: 'English', en: 'Tiếng Việt' },
  breadcrumbs: { vi: 'Đường dẫn', en: 'Breadcrumbs' },
  featured: { vi: 'Sản phẩm OCOP 5 sao nổi bật', en: 'Featured 5-star OCOP products' },
  programmeInNumbers: { vi: 'Chương trình OCOP qua các con số', en: 'The OCOP programme in numbers' },
  originStory: { vi: 'Câu chuyện nguồn gốc', en: 'Origin story' },
  certification: { vi: 'Chứng nhận OCOP', en: 'OCOP certification' },
  stars: { vi: 'Hạng sao', en: 'Stars' },
  score: { vi: 'Điểm đánh giá', en: 'Score' },
  level: { vi: 'Cấp công nhận', en: 'Recognised by' },
  recognisedOn: { vi: 'Ngày công nhận', en: 'Recognised on' },
  validUntil: { vi: 'Hiệu lực đến', en: 'Valid until' },
  decision: { vi: 'Quyết định số', en: 'Decision no.' },
  status: { vi: 'Tình trạng', en: 'Status' },
  valid: { vi: 'Còn hiệu lực', en: 'Valid' },
  expired: { vi: 'Đã hết hiệu lực', en: 'Expired' },
  expiredNotice: {
    vi: 'Chứng nhận OCOP của sản phẩm này đã hết hạn 36 tháng. Sản phẩm vẫn được bán nhưng không còn mang huy hiệu OCOP hợp lệ.',
    en: "This product's OCOP recognition has passed its 36-month validity. It is still sold, but no longer carries a valid OCOP badge.",
  },
  price: { vi: 'Giá', en: 'Price' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  netWeight: { vi: 'Khối lượng tịnh', en: 'Net weight' },
  shelfLife: { vi: 'Hạn sử dụng', en: 'Shelf life' },
  days: { vi: 'ngày', en: 'days' },
  storage: { vi: 'Bảo quản', en: 'Storage' },
  ingredients: { vi: 'Thành phần', en: 'Ingredients' },
  allergens: { vi: 'Chất gây dị ứng', en: 'Allergens' },
  noAllergens: { vi: 'Không có chất gây dị ứng phổ biến', en: 'No common allergens' },
  exportMarkets: { vi: 'Đã xuất khẩu sang', en: 'Exported to' },
  details: { vi: 'Thông tin sản phẩm', en: 'Product details' },
  madeBy: { vi: 'Sản xuất bởi', en: 'Made by' },
  viewProducer: { vi: 'Xem chủ thể', en: 'View producer' },
  founded: { vi: 'Thành lập', en: 'Founded' },
  workers: { vi: 'Lao động', en: 'Workers' },
  members: { vi: 'Thành viên', en: 'Members' },
  formerDistrict: { vi: 'Huyện cũ', en: 'Former district' },
  contact: { vi: 'Liên hệ', en: 'Contact' },
  productsOf: { vi: 'Sản phẩm của', en: 'Products from' },
  productCount: { vi: 'sản phẩm', en: 'products' },
  onThisSite: { vi: 'Trên Chợ OCOP', en: 'On OCOP Market' },
  programmeFigures: { vi: 'Số liệu chương trình OCOP', en: 'OCOP programme figures' },
  totalProducts: { vi: 'Tổng số sản phẩm OCOP', en: 'OCOP products in total' },
  entities: { vi: 'Chủ thể tham gia', en: 'Participating entities' },
  source: { vi: 'Nguồn', en: 'Source' },
  asOf: { vi: 'Tính đến', en: 'As of' },
  traceability: { vi: 'Truy xuất nguồn gốc', en: 'Traceability' },
  qrExplain: {
    vi: 'Quét mã QR để mở trang sản phẩm này.',
    en: 'Scan the QR code to open this product page.',
  },
  printLabel: { vi: 'In nhãn truy xuất', en: 'Print traceability label' },
  print: { vi: 'In nhãn', en: 'Print' },
  notFoundTitle: { vi: 'Không tìm thấy trang', en: 'Page not found' },
  notFoundText: {
    vi: 'Trang bạn tìm không tồn tại hoặc đã được chuyển đi.',
    en: 'The page you are looking for does not exist or has moved.',
  },
  backHome: { vi: 'Về trang chủ', en: 'Back to the home page' },
  sampleData: {
    vi: 'Giá, khối lượng và thông tin liên hệ là dữ liệu minh họa.',
    en: 'Prices, weights and contact details are sample data.',
  },
  footerAbout: {
    vi: 'Chợ OCOP giới thiệu và bán các sản phẩm được công nhận theo Chương trình Mỗi xã một sản phẩm (Quyết định 148/QĐ-TTg).',
    en: 'OCOP Market presents and sells products recognised under the One Commune One Product programme (Decision 148/QD-TTg).',
  },
  starsExplained: {
    vi: '3 sao: 50 đến dưới 70 điểm · 4 sao: 70 đến dưới 90 điểm · 5 sao: 90 đến 100 điểm, cấp quốc gia.',
    en: '3 stars: 50 to under 70 points · 4 stars: 70 to under 90 points · 5 stars: 90 to 100 points, national level.',
  },
  explore: { vi: 'Khám phá', en: 'Explore' },
  seeAll: { vi: 'Xem tất cả', en: 'See all' },
  region: { vi: 'Vùng', en: 'Region' },
  mergedInto: { vi: 'Từ 7/2025 thuộc tỉnh', en: 'Since July 2025 part of' },
} as const satisfies Record<string, { vi: string; en: string }>;

export type MessageKey = keyof typeof strings;

/** The UI string for a key in a locale. */
export function t(locale: Locale, key: MessageKey): string {
  return strings[key][locale];
}

/** Localized labels for enumerations (groups, producer kinds, levels, regions, allergens). */
export const labels = {
  group: {
    food: { vi: 'Thực phẩm', en: 'Food' },
    beverages: { vi: 'Đồ uống', en: 'Beverages' },
    herbal: { vi: 'Thảo dược', en: 'Herbal products' },
    textiles: { vi: 'Vải và may mặc', en: 'Textiles and garments' },
    souvenirs: { vi: 'Lưu niệm, nội thất, trang trí', en: 'Souvenirs, furniture and decoration' },
    'rural-tourism': {
      vi: 'Dịch vụ du lịch cộng đồng và điểm bán',
      en: 'Rural tourism services and points of sale',
    },
  },
  producerKind: {
    enterprise: { vi: 'Doanh nghiệp', en: 'Enterprise' },
    cooperative: { vi: 'Hợp tác xã', en: 'Cooperative' },
    'business-household': { vi: 'Hộ kinh doanh', en: 'Business household' },
  },
  level: {
    provincial: { vi: 'Cấp tỉnh', en: 'Provincial committee' },
    district: { vi: 'Cấp huyện', en: 'District committee' },
    national: { vi: 'Cấp quốc gia', en: 'National (Ministry)' },
  },
  region: {
    northwest: { vi: 'Tây Bắc', en: 'Northwest' },
    northeast: { vi: 'Đông Bắc', en: 'Northeast' },
    'red-river-delta': { vi: 'Đồng bằng sông Hồng', en: 'Red River Delta' },
    'north-central': { vi: 'Bắc Trung Bộ', en: 'North Central' },
    'south-central-coast': { vi: 'Duyên hải Nam Trung Bộ', en: 'South Central Coast' },
    'central-highlands': { vi: 'Tây Nguyên', en: 'Central Highlands' },
    southeast: { vi: 'Đông Nam Bộ', en: 'Southeast' },
    'mekong-delta': { vi: 'Đồng bằng sông Cửu Long', en: 'Mekong Delta' },
  },
  allergen: {
    crustaceans: { vi: 'giáp xác (tôm, cua)', en: 'crustaceans' },
    fish: { vi: 'cá', en: 'fish' },
    molluscs: { vi: 'nhuyễn thể', en: 'molluscs' },
    peanuts: { vi: 'đậu phộng (lạc)', en: 'peanuts' },
    'tree-nuts': { vi: 'các loại hạt', en: 'tree nuts' },
    sesame: { vi: 'mè (vừng)', en: 'sesame' },
    soy: { vi: 'đậu nành', en: 'soy' },
    milk: { vi: 'sữa', en: 'milk' },
    egg: { vi: 'trứng', en: 'egg' },
    gluten: { vi: 'gluten', en: 'gluten' },
    sulphites: { vi: 'sulfit', en: 'sulphites' },
  },
} as const;

/** "OCOP 4 sao" / "OCOP 4 stars": the accessible name of a star badge. */
export function starsLabel(stars: number, locale: Locale): string {
  return locale === 'vi' ? `OCOP ${stars} sao` : `OCOP ${stars} stars`;
}
