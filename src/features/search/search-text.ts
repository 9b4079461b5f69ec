/** The search UI's words in Vietnamese and English (the site-wide ones live in src/lib/i18n.ts). */
import type { Locale } from '../../lib/i18n/index.ts';

const text = {
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
  noResultsTips: {
    vi: 'Hãy kiểm tra chính tả, bớt từ, gõ không dấu (ví dụ: keo dua) hoặc bằng tiếng Anh.',
    en: 'Check the spelling, use fewer words, or try Vietnamese with or without accents (e.g. keo dua).',
  },
  popular: { vi: 'Sản phẩm OCOP được yêu thích', en: 'Popular OCOP products' },
  pagination: { vi: 'Phân trang kết quả', en: 'Result pages' },
  previous: { vi: 'Trang trước', en: 'Previous page' },
  next: { vi: 'Trang sau', en: 'Next page' },
  expired: { vi: 'Hết hiệu lực', en: 'Expired' },
  suggestions: { vi: 'Gợi ý tìm kiếm', en: 'Search suggestions' },
  'kind.product': { vi: 'Sản phẩm', en: 'Product' },
  'kind.producer': { vi: 'Chủ thể', en: 'Producer' },
  'kind.province': { vi: 'Tỉnh', en: 'Province' },
  noSuggestions: { vi: 'Không có gợi ý', en: 'No suggestions' },
} as const satisfies Record<string, Record<Locale, string>>;

export type SearchTextKey = keyof typeof text;

/** A search UI string. */
export function st(locale: Locale, key: SearchTextKey): string {
  return text[key][locale];
}

/** "12 sản phẩm" / "1 product" / "12 products". */
export function resultCount(count: number, locale: Locale): string {
  const n = count.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-US');
  if (locale === 'vi') return `${n} sản phẩm`;
  return count === 1 ? '1 product' : `${n} products`;
}

/** Heading for a search: "Kết quả cho “kẹo dừa”". */
export function resultsFor(q: string, locale: Locale): string {
  return locale === 'vi' ? `Kết quả cho “${q}”` : `Results for “${q}”`;
}

/** "Không tìm thấy sản phẩm nào cho “x”." */
export function noResultsFor(q: string, locale: Locale): string {
  if (!q)
    return locale === 'vi' ? 'Không có sản phẩm nào khớp với bộ lọc.' : 'No products match these filters.';
  return locale === 'vi' ? `Không tìm thấy sản phẩm nào cho “${q}”.` : `No products found for “${q}”.`;
}

/** Link text to drop the filters: "Bỏ bộ lọc: 5 sản phẩm cho “x”". */
export function withoutFiltersText(count: number, q: string, locale: Locale): string {
  const what = resultCount(count, locale);
  if (locale === 'vi') return q ? `Bỏ bộ lọc để xem ${what} cho “${q}”` : `Bỏ bộ lọc để xem ${what}`;
  return q ? `Remove the filters to see ${what} for “${q}”` : `Remove the filters to see ${what}`;
}

/** "Trang 2 / 5" for the page links' accessible names. */
export function pageLabel(page: number, locale: Locale): string {
  return locale === 'vi' ? `Trang ${page}` : `Page ${page}`;
}

/** Live-region text for the suggestion list. */
export function suggestionCount(count: number, locale: Locale): string {
  if (locale === 'vi') return count ? `${count} gợi ý. Dùng phím mũi tên để chọn.` : 'Không có gợi ý.';
  if (!count) return 'No suggestions.';
  return `${count} suggestion${count === 1 ? '' : 's'}. Use the arrow keys to choose.`;
}

/** The last suggestion: search for everything matching the words. */
export function searchAllFor(q: string, locale: Locale): string {
  return locale === 'vi' ? `Tìm tất cả “${q}”` : `Search all for “${q}”`;
}
