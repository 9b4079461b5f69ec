#!/usr/bin/env node
/**
 * A synthetic OCOP catalogue for benchmarks: N valid products (default 10,000), ~N/8 producers and the four real
 * provinces, written in the same shape as content/ so that src/content.config.ts accepts it unchanged
 * (point a build at it with OCOP_CONTENT_DIR).
 *
 * - Deterministic: the same seed and size always write the same files (no Math.random, no clock).
 * - Realistic sizes: names and summaries in vi (with diacritics) and en, a ~200-word Vietnamese origin story in
 *   index.md and a ~180-word English one in en.md, certification inside the score bands, integer VND prices,
 *   ingredients for food/beverages/herbal products, tags and export markets.
 * - Images come from a small shared pool written once to <dir>/_images/ and referenced relatively
 *   (../../_images/cover-07.jpg), so astro:assets transforms each picture once, not 10,000 times.
 *
 * Library: `import { generateCatalogue } from './scripts/lib/synthetic-catalogue.mjs'`.
 * CLI:     `node scripts/lib/synthetic-catalogue.mjs --dir /tmp/cat --products 10000 [--seed 42]`.
 */
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { stringify } from 'yaml';
import { seededRandom } from './seeded-random.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));

// ---------------------------------------------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------------------------------------------

function tools(random) {
  const int = (min, max) => min + Math.floor(random() * (max - min + 1));
  const pick = (list) => list[Math.floor(random() * list.length)];
  const chance = (p) => random() < p;
  /** k distinct items in random order. */
  const sample = (list, k) => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, Math.min(k, copy.length));
  };
  return { int, pick, chance, sample };
}

/** Vietnamese text to a lower-case ASCII slug ("Kẹo dừa Bến Tre" → "keo-dua-ben-tre"). */
export function slugify(text) {
  return String(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Vietnamese text without tone marks, keeping case ("Bến Tre" → "Ben Tre"), as shoppers type it. */
function ascii(text) {
  return String(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary drawn from the seed articles' specialties
// ---------------------------------------------------------------------------------------------------------------

/** Provinces (ids match content/provinces) with their former districts and communes. */
const PLACES = {
  'ben-tre': {
    vi: 'Bến Tre',
    en: 'Ben Tre',
    phone: '275',
    districts: [
      'Mỏ Cày Nam',
      'Mỏ Cày Bắc',
      'Chợ Lách',
      'Giồng Trôm',
      'Ba Tri',
      'Thạnh Phú',
      'Bình Đại',
      'Châu Thành',
    ],
    communes: [
      'Minh Đức',
      'Tân Thành Bình',
      'Vĩnh Thành',
      'Phú Phụng',
      'Lương Hòa',
      'An Hiệp',
      'Bảo Thạnh',
      'Thới Thuận',
      'Tân Phú',
      'Hưng Nhượng',
    ],
    scene: {
      vi: 'những rặng dừa xanh soi bóng bên kênh rạch',
      en: 'green coconut palms leaning over the canals',
    },
  },
  'ca-mau': {
    vi: 'Cà Mau',
    en: 'Ca Mau',
    phone: '290',
    districts: [
      'U Minh',
      'Năm Căn',
      'Ngọc Hiển',
      'Trần Văn Thời',
      'Đầm Dơi',
      'Cái Nước',
      'Thới Bình',
      'Phú Tân',
    ],
    communes: [
      'Khánh Lâm',
      'Khánh Hội',
      'Tam Giang',
      'Đất Mũi',
      'Tân Thuận',
      'Trần Hợi',
      'Phú Mỹ',
      'Hàm Rồng',
      'Viên An',
      'Tân Hưng Đông',
    ],
    scene: {
      vi: 'rừng đước, rừng tràm và những con kênh đầy phù sa',
      en: 'the mangrove and melaleuca forests and silt-laden canals',
    },
  },
  'son-la': {
    vi: 'Sơn La',
    en: 'Son La',
    phone: '212',
    districts: ['Mộc Châu', 'Mai Sơn', 'Yên Châu', 'Thuận Châu', 'Sông Mã', 'Vân Hồ', 'Phù Yên', 'Bắc Yên'],
    communes: [
      'Chiềng Sơn',
      'Tân Lập',
      'Đông Sang',
      'Chiềng Ban',
      'Nà Ớt',
      'Chiềng Hặc',
      'Phổng Lái',
      'Tô Múa',
      'Mường Sang',
      'Lóng Sập',
    ],
    scene: {
      vi: 'những đồi chè xanh và nương mận trên cao nguyên',
      en: 'the green tea hills and plum orchards of the plateau',
    },
  },
  'thai-binh': {
    vi: 'Thái Bình',
    en: 'Thai Binh',
    phone: '227',
    districts: ['Quỳnh Phụ', 'Đông Hưng', 'Vũ Thư', 'Kiến Xương', 'Thái Thụy', 'Tiền Hải', 'Hưng Hà'],
    communes: [
      'An Ấp',
      'Quỳnh Hồng',
      'Đông Các',
      'Song An',
      'Vũ Quý',
      'Thụy Trường',
      'Nam Cao',
      'Tây Sơn',
      'Hồng Minh',
      'Đông Hoàng',
    ],
    scene: { vi: 'những cánh đồng lúa bát ngát ven biển', en: 'the wide coastal rice fields' },
  },
};
const PROVINCE_IDS = Object.keys(PLACES);

const t = (vi, en) => ({ vi, en });

/**
 * Product bases per OCOP group: name, ingredients (edible groups), unit, weight, shelf life, price range, storage,
 * allergens, variants and the image motif (used for the shared picture pool).
 */
const BASES = {
  food: [
    {
      name: t('Kẹo dừa', 'coconut candy'),
      ingr: [t('nước cốt dừa', 'coconut milk'), t('mạch nha', 'malt syrup'), t('đường', 'sugar')],
      allergens: [],
      unit: 'box',
      weight: [250, 400, 500],
      price: [35000, 90000],
      shelf: 270,
      variants: [
        t('sầu riêng', 'durian'),
        t('lá dứa', 'pandan'),
        t('gừng', 'ginger'),
        t('ca cao', 'cocoa'),
        t('đậu phộng', 'peanut'),
        t('truyền thống', 'traditional'),
      ],
    },
    {
      name: t('Bánh tráng', 'rice paper'),
      ingr: [t('bột gạo', 'rice flour'), t('nước cốt dừa', 'coconut milk'), t('muối', 'salt')],
      allergens: [],
      unit: 'bag',
      weight: [200, 300, 500],
      price: [25000, 70000],
      shelf: 180,
      variants: [
        t('sữa', 'milk'),
        t('dừa nướng', 'grilled coconut'),
        t('mè đen', 'black sesame'),
        t('nếp', 'sticky rice'),
      ],
    },
    {
      name: t('Bánh phồng tôm', 'prawn crackers'),
      ingr: [t('tôm tươi', 'fresh shrimp'), t('bột năng', 'tapioca starch'), t('tỏi', 'garlic')],
      allergens: ['crustaceans'],
      unit: 'bag',
      weight: [200, 400, 500],
      price: [60000, 160000],
      shelf: 365,
      variants: [t('đặc biệt', 'special'), t('loại 1', 'grade 1'), t('tỏi ớt', 'garlic chilli')],
    },
    {
      name: t('Khô cá lóc', 'dried snakehead fish'),
      ingr: [t('cá lóc đồng', 'wild snakehead fish'), t('muối', 'salt'), t('đường', 'sugar')],
      allergens: ['fish'],
      unit: 'bag',
      weight: [250, 500],
      price: [180000, 380000],
      shelf: 180,
      variants: [t('một nắng', 'sun-dried once'), t('tẩm gia vị', 'seasoned'), t('U Minh', 'U Minh')],
    },
    {
      name: t('Tôm khô', 'dried shrimp'),
      ingr: [t('tôm đất', 'mud shrimp'), t('muối', 'salt')],
      allergens: ['crustaceans'],
      unit: 'jar',
      weight: [200, 500],
      price: [250000, 650000],
      shelf: 365,
      variants: [t('loại 1', 'grade 1'), t('Rạch Gốc', 'Rach Goc'), t('bóc vỏ', 'peeled')],
    },
    {
      name: t('Ba khía muối', 'salted marsh crab'),
      ingr: [t('ba khía', 'marsh crab'), t('muối', 'salt'), t('tỏi', 'garlic'), t('ớt', 'chilli')],
      allergens: ['crustaceans'],
      unit: 'jar',
      weight: [300, 500],
      price: [50000, 120000],
      shelf: 90,
      variants: [t('trộn tỏi ớt', 'with garlic and chilli'), t('Rạch Gốc', 'Rach Goc')],
    },
    {
      name: t('Chả cá', 'fish cake'),
      ingr: [t('cá thu', 'mackerel'), t('thìa là', 'dill'), t('tiêu', 'pepper')],
      allergens: ['fish'],
      unit: 'pack',
      weight: [300, 500],
      price: [90000, 200000],
      shelf: 30,
      variants: [t('thu', 'mackerel'), t('thìa là', 'dill'), t('chiên', 'fried')],
    },
    {
      name: t('Mật ong', 'honey'),
      ingr: [t('mật ong rừng tràm', 'melaleuca forest honey')],
      allergens: [],
      unit: 'bottle',
      weight: [350, 500, 1000],
      price: [150000, 450000],
      shelf: 730,
      variants: [
        t('rừng tràm', 'melaleuca forest'),
        t('hoa cà phê', 'coffee blossom'),
        t('nguyên chất', 'pure'),
      ],
    },
    {
      name: t('Chuối khô', 'dried banana'),
      ingr: [t('chuối xiêm chín', 'ripe Siamese banana')],
      allergens: [],
      unit: 'bag',
      weight: [250, 500],
      price: [40000, 90000],
      shelf: 180,
      variants: [t('ép dẻo', 'pressed soft'), t('tẩm mật ong', 'honey-glazed'), t('sấy giòn', 'crispy')],
    },
    {
      name: t('Mận hậu sấy', 'dried Hau plum'),
      ingr: [t('mận hậu', 'Hau plum'), t('đường', 'sugar'), t('muối', 'salt')],
      allergens: [],
      unit: 'bag',
      weight: [200, 300, 500],
      price: [60000, 150000],
      shelf: 240,
      variants: [t('dẻo', 'soft'), t('muối ớt', 'salt and chilli'), t('Mộc Châu', 'Moc Chau')],
    },
    {
      name: t('Thịt trâu gác bếp', 'smoked buffalo meat'),
      ingr: [
        t('thịt trâu', 'buffalo meat'),
        t('mắc khén', 'mac khen pepper'),
        t('gừng', 'ginger'),
        t('ớt', 'chilli'),
      ],
      allergens: [],
      unit: 'pack',
      weight: [250, 500],
      price: [250000, 600000],
      shelf: 180,
      variants: [t('mắc khén', 'mac khen'), t('truyền thống', 'traditional')],
    },
    {
      name: t('Kẹo lạc', 'peanut brittle'),
      ingr: [t('lạc', 'peanuts'), t('mạch nha', 'malt syrup'), t('gừng', 'ginger')],
      allergens: ['peanuts'],
      unit: 'box',
      weight: [200, 300, 500],
      price: [30000, 80000],
      shelf: 180,
      variants: [t('gừng', 'ginger'), t('mè', 'sesame'), t('Đình Mạnh', 'Dinh Manh')],
    },
    {
      name: t('Bánh cáy', 'banh cay rice cake'),
      ingr: [
        t('gạo nếp', 'glutinous rice'),
        t('mạch nha', 'malt syrup'),
        t('gấc', 'gac fruit'),
        t('vừng', 'sesame'),
      ],
      allergens: ['sesame'],
      unit: 'box',
      weight: [250, 400],
      price: [40000, 100000],
      shelf: 120,
      variants: [t('làng Nguyễn', 'Nguyen village'), t('truyền thống', 'traditional')],
    },
    {
      name: t('Gạo', 'rice'),
      ingr: [t('gạo tẻ', 'rice')],
      allergens: [],
      unit: 'bag',
      weight: [2, 5],
      weightUnit: 'kg',
      price: [60000, 200000],
      shelf: 365,
      variants: [t('ST25', 'ST25'), t('hữu cơ', 'organic'), t('tám thơm', 'Tam fragrant')],
    },
    {
      name: t('Muối hầm', 'kiln-roasted salt'),
      ingr: [t('muối biển', 'sea salt')],
      allergens: [],
      unit: 'jar',
      weight: [300, 500],
      price: [30000, 80000],
      shelf: 730,
      variants: [t('Bạc Liêu', 'Bac Lieu'), t('tôm', 'shrimp'), t('ớt', 'chilli')],
    },
  ],
  beverages: [
    {
      name: t('Chè Ô long', 'oolong tea'),
      ingr: [t('búp chè Ô long', 'oolong tea leaves')],
      allergens: [],
      unit: 'box',
      weight: [100, 200, 500],
      price: [120000, 450000],
      shelf: 540,
      variants: [t('Mộc Châu', 'Moc Chau'), t('Tứ Quý', 'Tu Quy'), t('Kim Tuyên', 'Kim Tuyen')],
    },
    {
      name: t('Cà phê Arabica', 'Arabica coffee'),
      ingr: [t('hạt cà phê Arabica rang', 'roasted Arabica beans')],
      allergens: [],
      unit: 'bag',
      weight: [250, 500],
      price: [120000, 320000],
      shelf: 365,
      variants: [t('rang xay', 'ground'), t('nguyên hạt', 'whole bean'), t('Mai Sơn', 'Mai Son')],
    },
    {
      name: t('Rượu nếp cái hoa vàng', 'yellow-flower sticky rice wine'),
      ingr: [t('gạo nếp cái hoa vàng', 'yellow-flower glutinous rice'), t('men lá', 'leaf yeast')],
      allergens: [],
      unit: 'bottle',
      weight: [500, 750],
      weightUnit: 'ml',
      price: [90000, 250000],
      shelf: 1095,
      variants: [t('Đông Hưng', 'Dong Hung'), t('truyền thống', 'traditional')],
    },
    {
      name: t('Trà mãng cầu', 'soursop tea'),
      ingr: [t('mãng cầu xiêm', 'soursop'), t('đường phèn', 'rock sugar')],
      allergens: [],
      unit: 'box',
      weight: [200, 300],
      price: [60000, 140000],
      shelf: 365,
      variants: [t('túi lọc', 'tea bags'), t('sấy dẻo', 'soft-dried')],
    },
    {
      name: t('Nước cốt dừa', 'coconut cream'),
      ingr: [t('cơm dừa', 'coconut flesh'), t('nước', 'water')],
      allergens: [],
      unit: 'bottle',
      weight: [250, 400],
      weightUnit: 'ml',
      price: [25000, 60000],
      shelf: 180,
      variants: [t('nguyên chất', 'pure'), t('hữu cơ', 'organic')],
    },
    {
      name: t('Rượu mơ', 'apricot liqueur'),
      ingr: [t('quả mơ', 'apricots'), t('rượu gạo', 'rice spirit'), t('đường phèn', 'rock sugar')],
      allergens: [],
      unit: 'bottle',
      weight: [500, 750],
      weightUnit: 'ml',
      price: [120000, 300000],
      shelf: 1095,
      variants: [t('Mộc Châu', 'Moc Chau'), t('ngâm ủ', 'aged')],
    },
  ],
  herbal: [
    {
      name: t('Trà nhàu', 'noni tea'),
      ingr: [t('trái nhàu', 'noni fruit'), t('cam thảo', 'liquorice root')],
      allergens: [],
      unit: 'box',
      weight: [100, 200],
      price: [80000, 220000],
      shelf: 540,
      variants: [t('túi lọc', 'tea bags'), t('sấy khô', 'dried')],
    },
    {
      name: t('Tinh dầu tràm', 'melaleuca oil'),
      ingr: [t('lá tràm gió', 'melaleuca leaves')],
      allergens: [],
      unit: 'bottle',
      weight: [50, 100],
      weightUnit: 'ml',
      price: [70000, 180000],
      shelf: 1095,
      variants: [t('U Minh', 'U Minh'), t('nguyên chất', 'pure')],
    },
    {
      name: t('Giảo cổ lam', 'jiaogulan'),
      ingr: [t('giảo cổ lam khô', 'dried jiaogulan')],
      allergens: [],
      unit: 'bag',
      weight: [200, 500],
      price: [90000, 250000],
      shelf: 540,
      variants: [t('năm lá', 'five-leaf'), t('túi lọc', 'tea bags')],
    },
    {
      name: t('Cao khổ qua rừng', 'wild bitter melon extract'),
      ingr: [t('khổ qua rừng', 'wild bitter melon')],
      allergens: [],
      unit: 'jar',
      weight: [100, 200],
      price: [150000, 400000],
      shelf: 730,
      variants: [t('đặc', 'concentrated'), t('viên hoàn', 'pills')],
    },
    {
      name: t('Trà atiso', 'artichoke tea'),
      ingr: [t('hoa atiso', 'artichoke flowers'), t('cỏ ngọt', 'stevia')],
      allergens: [],
      unit: 'box',
      weight: [100, 200],
      price: [60000, 160000],
      shelf: 540,
      variants: [t('túi lọc', 'tea bags'), t('nguyên bông', 'whole flower')],
    },
  ],
  textiles: [
    {
      name: t('Khăn piêu', 'Pieu scarf'),
      unit: 'piece',
      weight: [1],
      weightUnit: 'piece',
      price: [250000, 900000],
      variants: [t('thêu tay', 'hand-embroidered'), t('Thuận Châu', 'Thuan Chau')],
    },
    {
      name: t('Thổ cẩm Thái', 'Thai brocade'),
      unit: 'piece',
      weight: [1],
      weightUnit: 'piece',
      price: [300000, 1500000],
      variants: [t('túi xách', 'handbag'), t('khăn trải bàn', 'tablecloth')],
    },
    {
      name: t('Chiếu cói', 'sedge mat'),
      unit: 'piece',
      weight: [1],
      weightUnit: 'piece',
      price: [200000, 700000],
      variants: [t('in hoa', 'printed'), t('Thái Thụy', 'Thai Thuy'), t('dệt tay', 'hand-woven')],
    },
  ],
  souvenirs: [
    {
      name: t('Bộ chén gáo dừa', 'coconut-shell bowl set'),
      unit: 'set',
      weight: [1],
      weightUnit: 'piece',
      price: [150000, 450000],
      variants: [t('khảm trai', 'mother-of-pearl'), t('mộc', 'natural')],
    },
    {
      name: t('Giỏ lục bình', 'water hyacinth basket'),
      unit: 'piece',
      weight: [1],
      weightUnit: 'piece',
      price: [120000, 380000],
      variants: [t('đan tay', 'hand-woven'), t('có nắp', 'with lid')],
    },
    {
      name: t('Tranh tre', 'bamboo picture'),
      unit: 'piece',
      weight: [1],
      weightUnit: 'piece',
      price: [300000, 1200000],
      variants: [t('phong cảnh', 'landscape'), t('ghép mảnh', 'inlaid')],
    },
    {
      name: t('Đèn gáo dừa', 'coconut-shell lamp'),
      unit: 'piece',
      weight: [1],
      weightUnit: 'piece',
      price: [180000, 600000],
      variants: [t('chạm khắc', 'carved'), t('để bàn', 'table')],
    },
  ],
  'rural-tourism': [
    {
      name: t('Tour miệt vườn', 'orchard tour'),
      unit: 'ticket',
      weight: [1],
      weightUnit: 'piece',
      price: [150000, 500000],
      variants: [t('một ngày', 'one-day'), t('sông nước', 'river')],
    },
    {
      name: t('Homestay cộng đồng', 'community homestay'),
      unit: 'night',
      weight: [1],
      weightUnit: 'piece',
      price: [250000, 900000],
      variants: [t('bản Thái', 'Thai village'), t('ven rừng', 'forest-side')],
    },
  ],
};
const GROUP_WEIGHTS = [
  ['food', 55],
  ['beverages', 15],
  ['herbal', 10],
  ['textiles', 6],
  ['souvenirs', 10],
  ['rural-tourism', 4],
];
const UNITS = {
  box: t('hộp', 'box'),
  bag: t('túi', 'bag'),
  jar: t('hũ', 'jar'),
  pack: t('gói', 'pack'),
  bottle: t('chai', 'bottle'),
  piece: t('chiếc', 'piece'),
  set: t('bộ', 'set'),
  ticket: t('vé', 'ticket'),
  night: t('đêm', 'night'),
};
const STORAGE = {
  food: t(
    'Nơi khô ráo, thoáng mát, tránh ánh nắng trực tiếp; đậy kín sau khi mở.',
    'Keep in a cool, dry place away from direct sunlight; close tightly after opening.',
  ),
  beverages: t(
    'Bảo quản nơi khô ráo, thoáng mát; dùng hết trong một tháng sau khi mở.',
    'Store in a cool, dry place; use within a month of opening.',
  ),
  herbal: t(
    'Để nơi khô ráo, tránh ẩm và ánh nắng; xa tầm tay trẻ em.',
    'Keep dry, away from damp and sunlight, and out of the reach of children.',
  ),
  textiles: t(
    'Giặt tay bằng nước lạnh, phơi trong bóng râm.',
    'Hand-wash in cold water and dry in the shade.',
  ),
  souvenirs: t('Lau bằng khăn khô, tránh ngâm nước lâu.', 'Wipe with a dry cloth; do not soak.'),
  'rural-tourism': t(
    'Đặt trước ít nhất hai ngày; mang theo giày đi bộ và mũ.',
    'Book at least two days ahead; bring walking shoes and a hat.',
  ),
};
const QUALIFIERS = [
  t('', ''),
  t('', ''),
  t(' thượng hạng', ', premium'),
  t(' gia truyền', ', heritage recipe'),
  t(' hữu cơ', ', organic'),
  t(' đặc biệt', ', special'),
];

const NAME_SYLLABLES = [
  'An',
  'Bình',
  'Phúc',
  'Lộc',
  'Thịnh',
  'Hưng',
  'Phát',
  'Đạt',
  'Thành',
  'Công',
  'Minh',
  'Quang',
  'Ngọc',
  'Giàu',
  'Hòa',
  'Thuận',
  'Tâm',
  'Đức',
  'Sơn',
  'Hải',
  'Long',
  'Nga',
  'Út',
  'Mười',
  'Tư',
  'Sáu',
  'Hạnh',
  'Xuân',
  'Thu',
  'Hồng',
  'Lan',
  'Cúc',
  'Trúc',
  'Mai',
  'Đông',
  'Nam',
  'Việt',
  'Khang',
  'Tín',
  'Nghĩa',
];
const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Huỳnh',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Lò',
  'Cầm',
  'Quàng',
];
const KINDS = [
  ['cooperative', t('Hợp tác xã', 'Cooperative')],
  ['enterprise', t('Công ty TNHH', 'Co., Ltd.')],
  ['business-household', t('Cơ sở', 'Household Business')],
];
const MARKETS = ['US', 'AU', 'CA', 'JP', 'KR', 'DE', 'FR', 'IT', 'NL', 'SG', 'CN', 'TW', 'GB'];

// ---------------------------------------------------------------------------------------------------------------
// Origin stories: sentences picked and ordered by the seed, ~200 words (vi) and ~180 words (en)
// ---------------------------------------------------------------------------------------------------------------

const VI_SENTENCES = [
  (c) =>
    `Nhắc đến ${c.provinceVi}, người ta nghĩ ngay đến ${c.sceneVi}, nơi ${c.producerVi} làm nên ${c.nameViLower} từ những nguyên liệu quen thuộc của quê nhà.`,
  (c) =>
    `Nghề làm ${c.baseViLower} ở vùng ${c.district} đã có từ nhiều đời, được các gia đình truyền lại cho con cháu như một phần ký ức của làng.`,
  (c) =>
    `Nguyên liệu được chọn lọc kỹ từ vườn nhà và các hộ liên kết trong xã ${c.commune}, thu hoạch đúng độ chín để giữ trọn hương vị tự nhiên.`,
  () =>
    `Mỗi mẻ sản phẩm đều trải qua nhiều công đoạn thủ công tỉ mỉ, từ sơ chế, phơi, sấy đến đóng gói, dưới sự giám sát của những người thợ lành nghề.`,
  (c) =>
    `Từ năm ${c.founded}, cơ sở mạnh dạn đầu tư máy móc, cải tiến bao bì và áp dụng tiêu chuẩn an toàn thực phẩm để sản phẩm vươn xa hơn.`,
  (c) =>
    `Năm ${c.recognisedYear}, ${c.nameViLower} được công nhận đạt chuẩn OCOP ${c.stars} sao với ${c.score} điểm, một dấu mốc khiến cả tập thể tự hào.`,
  () =>
    `Chương trình OCOP đã hỗ trợ cơ sở hoàn thiện hồ sơ công bố chất lượng, dán tem truy xuất nguồn gốc và tham gia các hội chợ xúc tiến thương mại.`,
  () =>
    `Nhờ được hỗ trợ một nửa chi phí thuê gian hàng, sản phẩm đã có mặt tại nhiều hội chợ trong nước và được người tiêu dùng đón nhận nồng nhiệt.`,
  () =>
    `Ngày nay, khách hàng có thể mua sản phẩm tại cửa hàng đặc sản, siêu thị và trên các sàn thương mại điện tử, với giá cả phải chăng.`,
  (c) =>
    `Người dân địa phương vẫn giữ thói quen dùng ${c.baseViLower} trong những dịp lễ Tết, làm quà biếu người thân phương xa như một lời nhắn gửi tình quê.`,
  () =>
    `Cơ sở tạo việc làm ổn định cho nhiều lao động nông thôn, phần lớn là phụ nữ, góp phần nâng cao thu nhập và giữ chân người trẻ ở lại quê hương.`,
  () =>
    `Quy trình sản xuất khép kín giúp kiểm soát chặt chẽ chất lượng, không dùng chất bảo quản độc hại và bảo đảm vệ sinh trong từng khâu.`,
  (c) =>
    `Hương vị đặc trưng của sản phẩm đến từ khí hậu, thổ nhưỡng riêng có của ${c.provinceVi} mà khó nơi nào có được.`,
  () =>
    `Trong thời gian tới, cơ sở dự định mở rộng vùng nguyên liệu, liên kết thêm nhiều hộ dân và phát triển những dòng sản phẩm mới phù hợp với thị hiếu.`,
  () =>
    `Những lời khen của khách hàng là động lực để người làm nghề tiếp tục gìn giữ cái tâm và cái tình trong từng sản phẩm.`,
  () =>
    `Các cán bộ khuyến nông thường xuyên đến hướng dẫn kỹ thuật canh tác theo hướng hữu cơ, giảm phân bón hóa học và bảo vệ môi trường.`,
];
const EN_SENTENCES = [
  (c) =>
    `Say ${c.provinceEn} and people picture ${c.sceneEn}, where ${c.producerEn} makes its ${c.nameEnLower} from the familiar produce of home.`,
  (c) =>
    `Making ${c.baseEnLower} around ${ascii(c.district)} goes back generations, handed from parents to children as part of the village's memory.`,
  (c) =>
    `The raw materials are chosen from family gardens and partner households in ${ascii(c.commune)} commune and harvested at just the right moment.`,
  () =>
    `Every batch passes through careful hand work, from preparing and drying to packing, watched over by experienced craftspeople.`,
  (c) =>
    `Since ${c.founded} the producer has invested in machinery, better packaging and food-safety standards so the product can travel further.`,
  (c) =>
    `In ${c.recognisedYear} the product was recognised as a ${c.stars}-star OCOP product with a score of ${c.score}, a milestone the whole team is proud of.`,
  () =>
    `The OCOP programme helped it declare its quality standards, add traceability stamps and exhibit at trade-promotion fairs.`,
  () =>
    `With half of the booth rent covered, it has appeared at many domestic fairs, where shoppers have welcomed it warmly.`,
  () => `Today it is sold in specialty shops, supermarkets and on e-commerce platforms at a fair price.`,
  (c) =>
    `Local families still serve ${c.baseEnLower} at festivals and send it to relatives far away as a taste of home.`,
  () =>
    `The workshop gives steady work to many rural workers, most of them women, and keeps young people in their home villages.`,
  () =>
    `A closed production process keeps quality under control, with no harmful preservatives and clean handling at every step.`,
  (c) => `Its character comes from the climate and soil of ${c.provinceEn}, which few other places share.`,
  () =>
    `Next, the producer plans to widen its growing area, bring in more households and develop new lines for today's tastes.`,
  () => `Customers' praise keeps the makers committed to putting care into every piece they produce.`,
];

function wordCount(text) {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Sentences in seeded order until the word target, split into paragraphs of three or four sentences. */
function story(sentences, ctx, targetWords, { sample, int }) {
  const [first, ...rest] = sentences;
  const chosen = [first(ctx)];
  let words = wordCount(chosen[0]);
  for (const s of sample(rest, rest.length)) {
    if (words >= targetWords) break;
    const text = s(ctx);
    chosen.push(text);
    words += wordCount(text);
  }
  const paragraphs = [];
  for (let i = 0; i < chosen.length;) {
    const n = int(3, 4);
    paragraphs.push(chosen.slice(i, i + n).join(' '));
    i += n;
  }
  return paragraphs.join('\n\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Shared image pool
// ---------------------------------------------------------------------------------------------------------------

const COVER_POOL = 16;
const DETAIL_POOL = 4;
const LOGO_POOL = 4;
const POOL_GROUPS = [
  'food',
  'food',
  'food',
  'food',
  'food',
  'food',
  'beverages',
  'beverages',
  'herbal',
  'herbal',
  'textiles',
  'souvenirs',
  'souvenirs',
  'rural-tourism',
  'food',
  'beverages',
];
const POOL_NAMES = [
  'Kẹo dừa',
  'Bánh tráng',
  'Tôm khô',
  'Mật ong',
  'Khô cá lóc',
  'Chuối khô',
  'Chè Ô long',
  'Cà phê',
  'Trà nhàu',
  'Tinh dầu tràm',
  'Khăn piêu',
  'Bộ chén gáo dừa',
  'Giỏ lục bình',
  'Tour miệt vườn',
  'Bánh phồng tôm',
  'Rượu nếp',
];

/** Writes the shared pictures into <dir>/_images (drawn by scripts/lib/artwork.mjs when present, else plain). */
async function writeImagePool(dir) {
  const out = join(dir, '_images');
  mkdirSync(out, { recursive: true });
  const art = await import('./artwork.mjs').catch(() => null);
  const jpeg = (svg, size) =>
    sharp(Buffer.from(svg), { density: 72 })
      .resize(size, size, { fit: 'cover' })
      .jpeg({ quality: 80, mozjpeg: true });
  const plain = (hue, label, size) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">` +
    `<rect width="100%" height="100%" fill="hsl(${hue},55%,40%)"/><circle cx="${size / 2}" cy="${size / 2}" r="${size / 3}" fill="hsl(${(hue + 40) % 360},70%,70%)"/>` +
    `<text x="50%" y="92%" font-family="DejaVu Sans" font-size="${size / 14}" fill="#fff" text-anchor="middle">${label}</text></svg>`;
  const jobs = [];
  for (let i = 0; i < COVER_POOL; i++) {
    const svg = art?.productCoverSvg
      ? art.productCoverSvg({
          slug: `pool-${i}`,
          name: { vi: POOL_NAMES[i], en: POOL_NAMES[i] },
          group: POOL_GROUPS[i],
          tags: [],
          stars: 3 + (i % 3),
          provinceName: PLACES[PROVINCE_IDS[i % 4]].vi,
        })
      : plain((i * 360) / COVER_POOL, POOL_NAMES[i], 1000);
    jobs.push(jpeg(svg, 1000).toFile(join(out, `cover-${String(i).padStart(2, '0')}.jpg`)));
  }
  for (let i = 0; i < DETAIL_POOL; i++) {
    const province = PROVINCE_IDS[i % 4];
    const svg = art?.productDetailSvg
      ? art.productDetailSvg({
          slug: `pool-detail-${i}`,
          name: { vi: POOL_NAMES[i], en: POOL_NAMES[i] },
          group: 'food',
          tags: [],
          province,
        })
      : plain(90 + i * 60, PLACES[province].vi, 1000);
    jobs.push(jpeg(svg, 1000).toFile(join(out, `detail-${String(i).padStart(2, '0')}.jpg`)));
  }
  for (let i = 0; i < LOGO_POOL; i++) {
    const [kind, label] = KINDS[i % KINDS.length];
    const svg = art?.producerLogoSvg
      ? art.producerLogoSvg({ id: `pool-logo-${i}`, name: `${label.vi} ${NAME_SYLLABLES[i]}`, kind })
      : plain(200 + i * 40, 'OCOP', 256);
    jobs.push(
      sharp(Buffer.from(svg), { density: 72 })
        .resize(256, 256, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } })
        .png({ compressionLevel: 9 })
        .toFile(join(out, `logo-${String(i).padStart(2, '0')}.png`)),
    );
  }
  await Promise.all(jobs);
  return COVER_POOL + DETAIL_POOL + LOGO_POOL;
}

// ---------------------------------------------------------------------------------------------------------------
// The catalogue
// ---------------------------------------------------------------------------------------------------------------

const capitalise = (text) => text.charAt(0).toUpperCase() + text.slice(1);
const pad = (n, width = 5) => String(n).padStart(width, '0');
const isoDate = (d) => d.toISOString().slice(0, 10);
const frontmatter = (data) => `---\n${stringify(data, { lineWidth: 0 })}---\n`;

/**
 * Writes a valid synthetic catalogue into `dir` (which must be empty or absent).
 * @param {{ dir: string, products?: number, seed?: number, producers?: number, images?: boolean }} options
 * @returns {Promise<{ dir: string, products: number, producers: number, provinces: number, images: number, slugs: string[] }>}
 */
export async function generateCatalogue({
  dir,
  products = 10000,
  seed = 20250101,
  producers,
  images = true,
}) {
  if (!dir) throw new Error('generateCatalogue: dir is required');
  if (!Number.isInteger(products) || products < 1)
    throw new Error(`generateCatalogue: products must be a positive integer, got ${products}`);
  const random = seededRandom(seed);
  const { int, pick, chance, sample } = tools(random);
  const producerCount = producers ?? Math.max(1, Math.round(products / 8));

  for (const sub of ['sources', 'provinces', 'producers', 'products'])
    mkdirSync(join(dir, sub), { recursive: true });
  const imageCount = images ? await writeImagePool(dir) : 0;

  // Provinces: the four real files, with the source articles their figures cite.
  for (const sub of ['sources', 'provinces']) {
    const src = join(repo, 'content', sub);
    for (const f of readdirSync(src).filter((f) => f.endsWith('.yaml')))
      copyFileSync(join(src, f), join(dir, sub, f));
  }

  // Producers.
  const producerList = [];
  for (let i = 0; i < producerCount; i++) {
    const province = PROVINCE_IDS[i % PROVINCE_IDS.length];
    const place = PLACES[province];
    const [kind, label] = pick(KINDS);
    const brand =
      kind === 'business-household'
        ? `${pick(FAMILY)} ${pick(NAME_SYLLABLES)}`
        : `${pick(NAME_SYLLABLES)} ${pick(NAME_SYLLABLES)}`;
    const district = pick(place.districts);
    const commune = pick(place.communes);
    const id = `${slugify(brand)}-${pad(i + 1)}`;
    const founded = int(1985, 2021);
    const nameVi = `${label.vi} ${brand}`;
    const nameEn = `${ascii(brand)} ${label.en}`;
    const data = {
      name: nameVi,
      nameEn,
      kind,
      province,
      commune: `Xã ${commune}`,
      formerDistrict: `huyện ${district}`,
      founded,
      ...(kind === 'cooperative' ? { members: int(7, 120) } : { workers: int(3, 80) }),
      story: {
        vi: `${nameVi} (dữ liệu mẫu cho phép đo hiệu năng) được thành lập năm ${founded} tại xã ${commune}, vùng ${district} cũ của tỉnh ${place.vi}. Cơ sở làm ra các đặc sản địa phương theo cách truyền thống, liên kết với các hộ dân quanh vùng và tham gia chương trình OCOP để nâng cao chất lượng, bao bì và đưa sản phẩm đến các hội chợ.`,
        en: `${nameEn} (sample data for benchmarks) was founded in ${founded} in ${ascii(commune)} commune, in the former ${ascii(district)} district of ${place.en}. It makes local specialties the traditional way with neighbouring households and joined the OCOP programme to improve quality and packaging and to reach trade fairs.`,
      },
      contact: {
        phone: `+84 ${place.phone} ${pad(int(0, 999), 3)} ${pad(int(0, 9999), 4)}`,
        ...(chance(0.5) ? { email: `lienhe@${id}.example.vn` } : {}),
        address: `Xã ${commune}, tỉnh ${place.vi} (trước đây huyện ${district}) (sample address)`,
      },
      logo: `../_images/logo-${pad(i % LOGO_POOL, 2)}.png`,
      provenance: { kind: 'sample' },
    };
    writeFileSync(join(dir, 'producers', `${id}.yaml`), stringify(data, { lineWidth: 0 }));
    producerList.push({
      id,
      kind,
      province,
      district,
      commune,
      founded,
      brand,
      nameVi,
      nameEn,
      groupBias: pick(GROUP_WEIGHTS)[0],
    });
  }

  // Products.
  const totalWeight = GROUP_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  const pickGroup = (bias) => {
    if (chance(0.6)) return bias; // producers mostly make one kind of thing
    let r = random() * totalWeight;
    for (const [g, w] of GROUP_WEIGHTS) if ((r -= w) < 0) return g;
    return 'food';
  };
  const slugs = [];
  const featuredEvery = Math.max(1, Math.floor(products / 8));
  for (let i = 0; i < products; i++) {
    const producer = producerList[i % producerList.length];
    const place = PLACES[producer.province];
    const group = pickGroup(producer.groupBias);
    const base = pick(BASES[group]);
    const variant = pick(base.variants);
    const qualifier = pick(QUALIFIERS);
    const nameVi = `${base.name.vi} ${variant.vi}${qualifier.vi} ${producer.brand}`;
    const nameEn = `${ascii(producer.brand)} ${base.name.en} (${variant.en}${qualifier.en})`;
    const slug = `${slugify(`${base.name.vi} ${variant.vi}`)}-${pad(i + 1)}`;
    slugs.push(slug);

    // Certification: stars by the national mix (most are 3-star), score inside the band, level by stars.
    const roll = random();
    const stars = roll < 0.02 ? 5 : roll < 0.3 ? 4 : 3;
    const band = stars === 5 ? [90, 100] : stars === 4 ? [70, 89.5] : [50, 69.5];
    const score = Math.round((band[0] + random() * (band[1] - band[0])) * 2) / 2;
    const recognised = new Date(Date.UTC(int(2020, 2025), int(0, 11), int(1, 28)));
    // District committees recognised 3-star products only, from 2023 until districts were abolished (1 Jul 2025):
    // the catalogue schema refuses any other district recognition.
    const districtEra =
      recognised >= new Date(Date.UTC(2023, 0, 1)) && recognised < new Date(Date.UTC(2025, 6, 1));
    const level =
      stars === 5 ? 'national' : stars === 3 && districtEra && chance(0.2) ? 'district' : 'provincial';
    const decisionNumber = stars === 5 ? `${int(100, 4999)}/QĐ-BNN-VPĐP` : `${int(100, 4999)}/QĐ-UBND`;

    const [pmin, pmax] = base.price;
    const price = Math.round((pmin + random() * (pmax - pmin)) / 1000) * 1000;
    const weight = pick(base.weight);
    const weightUnit = base.weightUnit ?? 'g';
    const unitWord = UNITS[base.unit];
    const unit =
      weightUnit === 'piece'
        ? { vi: `1 ${unitWord.vi}`, en: `1 ${unitWord.en}` }
        : { vi: `${unitWord.vi} ${weight} ${weightUnit}`, en: `${weight} ${weightUnit} ${unitWord.en}` };
    const edible = base.ingr !== undefined;
    const coverIdx = (i * 7 + int(0, COVER_POOL - 1)) % COVER_POOL;
    const detailIdx = PROVINCE_IDS.indexOf(producer.province) % DETAIL_POOL;

    const ctx = {
      provinceVi: place.vi,
      provinceEn: place.en,
      sceneVi: place.scene.vi,
      sceneEn: place.scene.en,
      producerVi: producer.nameVi,
      producerEn: producer.nameEn,
      nameViLower: nameVi.charAt(0).toLowerCase() + nameVi.slice(1),
      nameEnLower: nameEn,
      baseViLower: base.name.vi.toLowerCase(),
      baseEnLower: base.name.en,
      district: producer.district,
      commune: producer.commune,
      founded: producer.founded,
      recognisedYear: recognised.getUTCFullYear(),
      stars,
      score,
    };

    const data = {
      name: { vi: nameVi, en: capitalise(nameEn) },
      summary: {
        vi: `${base.name.vi} ${variant.vi} làm theo cách truyền thống của ${place.vi}, sản phẩm OCOP ${stars} sao của ${producer.nameVi}.`,
        en: `${capitalise(base.name.en)} (${variant.en}) made the traditional ${place.en} way, a ${stars}-star OCOP product from ${producer.nameEn}.`,
      },
      producer: producer.id,
      group,
      certification: { stars, score, recognisedOn: isoDate(recognised), level, decisionNumber },
      price,
      unit,
      netWeight: { value: weight, unit: weightUnit },
      ...(base.shelf ? { shelfLifeDays: base.shelf } : {}),
      storage: STORAGE[group],
      ...(edible
        ? {
            ingredients: {
              vi: base.ingr.map((x) => x.vi),
              en: base.ingr.map((x) => x.en),
            },
          }
        : {}),
      allergens: base.allergens ?? [],
      tags: [
        ...new Set([
          base.name.vi.toLowerCase(),
          slugify(base.name.vi).replace(/-/g, ' '),
          base.name.en,
          variant.vi,
          variant.en.toLowerCase(),
          place.vi.toLowerCase(),
          slugify(place.vi).replace(/-/g, ' '),
          `quà ${place.vi.toLowerCase()}`,
        ]),
      ],
      exportMarkets: stars === 5 || chance(0.05) ? sample(MARKETS, int(1, 5)).sort() : [],
      featured: stars === 5 && i % featuredEvery === 0,
      provenance: { kind: 'sample' },
      images: [
        {
          src: `../../_images/cover-${pad(coverIdx, 2)}.jpg`,
          alt: {
            vi: `${nameVi}, ${unit.vi}, ảnh minh họa`,
            en: `${capitalise(nameEn)}, ${unit.en}, illustration`,
          },
        },
        {
          src: `../../_images/detail-${pad(detailIdx, 2)}.jpg`,
          alt: {
            vi: `Phong cảnh ${place.vi}, quê hương của sản phẩm`,
            en: `Landscape of ${place.en}, the product's home`,
          },
        },
      ],
    };

    const folder = join(dir, 'products', slug);
    mkdirSync(folder);
    writeFileSync(
      join(folder, 'index.md'),
      `${frontmatter(data)}\n${story(VI_SENTENCES, ctx, 190, { sample, int })}\n`,
    );
    writeFileSync(join(folder, 'en.md'), `---\n---\n\n${story(EN_SENTENCES, ctx, 170, { sample, int })}\n`);
  }

  return {
    dir,
    products,
    producers: producerCount,
    provinces: PROVINCE_IDS.length,
    images: imageCount,
    slugs,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------------------------

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const dir = opt('dir');
  if (!dir) {
    console.error('usage: node scripts/lib/synthetic-catalogue.mjs --dir DIR [--products 10000] [--seed N]');
    process.exit(2);
  }
  const started = performance.now();
  const result = await generateCatalogue({
    dir: resolve(dir),
    products: Number(opt('products') ?? 10000),
    seed: opt('seed') === undefined ? undefined : Number(opt('seed')),
  });
  console.log(
    `wrote ${result.products} products, ${result.producers} producers, ${result.provinces} provinces and ${result.images} shared images to ${result.dir} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}
