/**
 * The search room's words in Vietnamese and English (search page, header suggestions, facet labels), with
 * `{name}` placeholders and plural forms chosen by `n`. Site-wide words live in src/lib/i18n.
 */
import { formatNumber } from '../../lib/i18n/format.ts';
import type { Locale } from '../../lib/i18n/locales.ts';
import { defineMessages, translator, type MessageValues } from '../../lib/i18n/translate.ts';

export const searchMessages = defineMessages({
  title: { vi: 'Tìm kiếm sản phẩm', en: 'Search products' },
  description: {
    vi: 'Tìm đặc sản OCOP theo tên (có dấu hoặc không dấu), tỉnh thành, nhóm sản phẩm, hạng sao và giá.',
    en: 'Find OCOP specialties by name (in Vietnamese, with or without accents, or English), province, group, stars and price.',
  },
  queryLabel: { vi: 'Từ khóa', en: 'Search words' },
  placeholder: { vi: 'Ví dụ: kẹo dừa, keo dua, coconut candy', en: 'e.g. coconut candy, kẹo dừa, keo dua' },
  submit: { vi: 'Tìm', en: 'Search' },
  filters: { vi: 'Bộ lọc', en: 'Filters' },
  province: { vi: 'Tỉnh thành', en: 'Province' },
  group: { vi: 'Nhóm sản phẩm', en: 'Product group' },
  stars: { vi: 'Hạng sao OCOP', en: 'OCOP stars' },
  price: { vi: 'Khoảng giá', en: 'Price range' },
  certificate: { vi: 'Chứng nhận và xuất khẩu', en: 'Certificate and export' },
  validOnly: { vi: 'Chứng nhận OCOP còn hiệu lực', en: 'Valid OCOP certificate' },
  exportReady: { vi: 'Đã xuất khẩu', en: 'Already exported' },
  apply: { vi: 'Áp dụng bộ lọc', en: 'Apply filters' },
  clear: { vi: 'Xóa bộ lọc', en: 'Clear filters' },
  sort: { vi: 'Sắp xếp', en: 'Sort by' },
  'sort.relevance': { vi: 'Phù hợp nhất', en: 'Best match' },
  'sort.price-asc': { vi: 'Giá: thấp đến cao', en: 'Price: low to high' },
  'sort.price-desc': { vi: 'Giá: cao đến thấp', en: 'Price: high to low' },
  'sort.stars': { vi: 'Hạng sao cao nhất', en: 'Highest rated' },
  searching: { vi: 'Đang tìm…', en: 'Searching…' },
  unavailable: {
    vi: 'Tìm kiếm đang tạm ngưng hoạt động. Vui lòng thử lại sau ít phút. Trong lúc chờ, bạn có thể xem danh sách tất cả sản phẩm.',
    en: 'Search is not working at the moment. Please try again in a few minutes. Meanwhile, you can browse the list of all products.',
  },
  browseAll: { vi: 'Xem tất cả sản phẩm', en: 'Browse all products' },
  invalid: { vi: 'Một số điều kiện tìm kiếm không hợp lệ:', en: 'Some search options are not valid:' },
  startOver: { vi: 'Tìm lại từ đầu', en: 'Start a new search' },
  // What each URL parameter must be, for the invalid-parameters notice (the API keeps zod's own messages).
  'field.q': { vi: 'tối đa {max} ký tự', en: 'must be at most {max} characters' },
  'field.province': { vi: 'phải là mã tỉnh, ví dụ ben-tre', en: 'must be a province id such as ben-tre' },
  'field.group': {
    vi: 'phải là một trong sáu nhóm sản phẩm OCOP',
    en: 'must be one of the six OCOP product groups',
  },
  'field.stars': { vi: 'phải là 3, 4 hoặc 5', en: 'must be 3, 4 or 5' },
  'field.price': {
    vi: 'phải là một khoảng giá của bộ lọc',
    en: 'must be one of the price ranges of the filter',
  },
  'field.valid': { vi: 'phải là 1 hoặc 0', en: 'must be 1 or 0' },
  'field.export': { vi: 'phải là 1 hoặc 0', en: 'must be 1 or 0' },
  'field.sort': {
    vi: 'phải là một cách sắp xếp của trang',
    en: 'must be one of the sort orders of the page',
  },
  'field.page': { vi: 'phải là một số trang hợp lệ', en: 'must be a valid page number' },
  resultCount: { vi: '{count} sản phẩm', en: { one: '{count} product', other: '{count} products' } },
  resultsFor: { vi: 'Kết quả cho “{q}”', en: 'Results for “{q}”' },
  resultsForCount: {
    vi: 'Kết quả cho “{q}”: {count} sản phẩm',
    en: { one: 'Results for “{q}”: {count} product', other: 'Results for “{q}”: {count} products' },
  },
  noResultsFor: { vi: 'Không tìm thấy sản phẩm nào cho “{q}”.', en: 'No products found for “{q}”.' },
  noFilterResults: { vi: 'Không có sản phẩm nào khớp với bộ lọc.', en: 'No products match these filters.' },
  withoutFilters: {
    vi: 'Bỏ bộ lọc để xem {count} sản phẩm',
    en: {
      one: 'Remove the filters to see {count} product',
      other: 'Remove the filters to see {count} products',
    },
  },
  withoutFiltersFor: {
    vi: 'Bỏ bộ lọc để xem {count} sản phẩm cho “{q}”',
    en: {
      one: 'Remove the filters to see {count} product for “{q}”',
      other: 'Remove the filters to see {count} products for “{q}”',
    },
  },
  noResultsTips: {
    vi: 'Hãy kiểm tra chính tả, bớt từ, gõ không dấu (ví dụ: keo dua) hoặc bằng tiếng Anh.',
    en: 'Check the spelling, use fewer words, or try Vietnamese with or without accents (e.g. keo dua).',
  },
  popular: { vi: 'Sản phẩm OCOP được yêu thích', en: 'Popular OCOP products' },
  pagination: { vi: 'Phân trang kết quả', en: 'Result pages' },
  previous: { vi: 'Trang trước', en: 'Previous page' },
  next: { vi: 'Trang sau', en: 'Next page' },
  pageNumber: { vi: 'Trang {page}', en: 'Page {page}' },
  expired: { vi: 'Hết hiệu lực', en: 'Expired' },
  starsOption: { vi: '{n} sao', en: { one: '{n} star', other: '{n} stars' } },
  priceUnder: { vi: 'Dưới {max}', en: 'Under {max}' },
  priceFrom: { vi: 'Từ {min}', en: '{min} and up' },
  priceBetween: { vi: '{min} – {max}', en: '{min} – {max}' },
  suggestions: { vi: 'Gợi ý tìm kiếm', en: 'Search suggestions' },
  'kind.product': { vi: 'Sản phẩm', en: 'Product' },
  'kind.producer': { vi: 'Chủ thể', en: 'Producer' },
  'kind.province': { vi: 'Tỉnh', en: 'Province' },
  suggestionCount: {
    vi: '{n} gợi ý. Dùng phím mũi tên để chọn.',
    en: {
      one: '{n} suggestion. Use the arrow keys to choose.',
      other: '{n} suggestions. Use the arrow keys to choose.',
    },
  },
  noSuggestions: { vi: 'Không có gợi ý.', en: 'No suggestions.' },
  searchAllFor: { vi: 'Tìm tất cả “{q}”', en: 'Search all for “{q}”' },
});

export type SearchMessageKey = keyof typeof searchMessages & string;

/** The search room's translator: `const t = useSearchTranslations(locale); t('resultCount', countValues(3, locale))`. */
export const useSearchTranslations = translator(searchMessages);

/** Placeholder values for a count: `n` picks the plural form, `count` is the number as the locale writes it. */
export function countValues(n: number, locale: Locale): MessageValues & { n: number; count: string } {
  return { n, count: formatNumber(n, locale) };
}
