/**
 * Illustrative product artwork for the catalogue, drawn as SVG.
 *
 * Every function here is pure: the same input always gives the same SVG string. Variation between products comes
 * from a hash of the slug (or producer id), never from Math.random. The SVG is rasterised elsewhere (sharp/librsvg)
 * with the DejaVu fonts, which cover every Vietnamese letter and tone mark.
 */
import { seededRandom } from './seeded-random.mjs';

/**
 * @typedef {{ vi?: string, en?: string }} LocalName
 * @typedef {object} ProductArt
 * @property {string} slug
 * @property {LocalName | string} name
 * @property {string} [group] OCOP group id
 * @property {string[]} [tags]
 * @property {number} [stars] 3, 4 or 5
 * @property {boolean} [showBadge] draw an OCOP rosette (off for the catalogue: validity is shown by the site)
 * @property {string} [province] province id (content/provinces/<id>.yaml), picks the detail landscape
 * @property {string} [region] region id, fallback for the landscape
 * @property {string} [provinceName] shown on the label as "Đặc sản <provinceName>"
 */

// ---------------------------------------------------------------------------------------------------------------
// Basics: hashing, seeded randomness, escaping, text measuring
// ---------------------------------------------------------------------------------------------------------------

/** FNV-1a 32-bit hash of a string. */
export function hashString(text) {
  let h = 0x811c9dc5;
  for (const ch of String(text)) {
    h ^= ch.codePointAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Escapes text for use in SVG character data and attribute values. */
export function escapeXml(text) {
  return String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Font stacks; DejaVu is installed with fontconfig and has all Vietnamese glyphs. */
export const FONT_LABEL = "'DejaVu Sans Condensed', 'DejaVu Sans', 'Noto Sans', sans-serif";
export const FONT_SERIF = "'DejaVu Serif', 'Noto Serif', serif";

// Advance widths (em) of DejaVu Sans Condensed Bold, read from the font's hmtx table.
const ADVANCE = {
  ' ': 0.313,
  '!': 0.41,
  '"': 0.469,
  '#': 0.754,
  $: 0.626,
  '%': 0.901,
  '&': 0.785,
  "'": 0.275,
  '(': 0.411,
  ')': 0.411,
  '*': 0.47,
  '+': 0.754,
  ',': 0.342,
  '-': 0.374,
  '.': 0.342,
  '/': 0.329,
  ':': 0.36,
  ';': 0.36,
  '<': 0.754,
  '=': 0.754,
  '>': 0.754,
  '?': 0.522,
  '@': 0.9,
  A: 0.696,
  B: 0.686,
  C: 0.66,
  D: 0.747,
  E: 0.615,
  F: 0.615,
  G: 0.738,
  H: 0.753,
  I: 0.334,
  J: 0.334,
  K: 0.697,
  L: 0.573,
  M: 0.896,
  N: 0.753,
  O: 0.765,
  P: 0.659,
  Q: 0.765,
  R: 0.693,
  S: 0.648,
  T: 0.614,
  U: 0.73,
  V: 0.696,
  W: 0.993,
  X: 0.694,
  Y: 0.651,
  Z: 0.652,
  a: 0.607,
  b: 0.644,
  c: 0.533,
  d: 0.644,
  e: 0.61,
  f: 0.391,
  g: 0.644,
  h: 0.641,
  i: 0.308,
  j: 0.308,
  k: 0.598,
  l: 0.308,
  m: 0.938,
  n: 0.641,
  o: 0.618,
  p: 0.644,
  q: 0.644,
  r: 0.444,
  s: 0.536,
  t: 0.43,
  u: 0.641,
  v: 0.586,
  w: 0.831,
  x: 0.58,
  y: 0.586,
  z: 0.523,
  đ: 0.644,
  Đ: 0.754,
  ơ: 0.618,
  ư: 0.641,
  Ơ: 0.786,
  Ư: 0.751,
};

/** Estimated width in em of text set in DejaVu Sans Condensed Bold. */
export function textWidthEm(text) {
  let w = 0;
  for (const ch of String(text)) {
    if (ADVANCE[ch] !== undefined) {
      w += ADVANCE[ch];
      continue;
    }
    const base = ch.normalize('NFD')[0];
    const horn = /[\u031b]/.test(ch.normalize('NFD')) ? 0.03 : 0;
    w += (ADVANCE[base] ?? (/\d/.test(base) ? 0.626 : 0.68)) + horn;
  }
  return w;
}

/** Greedy word wrap to a width in em; words longer than a line are kept whole (the caller shrinks the font). */
export function wrapText(text, maxEm) {
  const words = String(text).trim().split(/\s+/).filter(Boolean);
  const lines = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidthEm(next) > maxEm) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Splits words into exactly `count` lines minimising the widest line (names break at phrase-like points). */
function balancedLines(words, count) {
  const n = words.length;
  if (count >= n) return words.slice();
  const width = (i, j) => textWidthEm(words.slice(i, j).join(' '));
  // best[k][i]: minimal max width to set words[i..] in k lines
  const memo = new Map();
  const best = (k, i) => {
    const key = `${k}:${i}`;
    if (memo.has(key)) return memo.get(key);
    let result;
    if (k === 1) result = { w: width(i, n), splits: [n] };
    else {
      result = { w: Infinity, splits: [] };
      for (let j = i + 1; j <= n - (k - 1); j++) {
        const rest = best(k - 1, j);
        const w = Math.max(width(i, j), rest.w);
        if (w < result.w - 1e-9) result = { w, splits: [j, ...rest.splits] };
      }
    }
    memo.set(key, result);
    return result;
  };
  const { splits } = best(count, 0);
  const lines = [];
  let start = 0;
  for (const end of splits) {
    lines.push(words.slice(start, end).join(' '));
    start = end;
  }
  return lines;
}

/**
 * Fits text into a box: the largest font size (max..min) at which the wrapped lines fit both ways.
 * Returns { size, lines, lineHeight }. At the minimum size, lines beyond maxLines are cut with an ellipsis.
 */
/**
 * @param {string} text
 * @param {{ width: number, height: number, maxSize?: number, minSize?: number, maxLines?: number, leading?: number }} box
 */
export function fitText(text, { width, height, maxSize = 64, minSize = 22, maxLines = 4, leading = 1.12 }) {
  for (let size = maxSize; size >= minSize; size -= 2) {
    const greedy = wrapText(text, width / size);
    const lines = balancedLines(String(text).trim().split(/\s+/).filter(Boolean), greedy.length);
    const widest = Math.max(...lines.map(textWidthEm)) * size * 1.05;
    if (lines.length <= maxLines && widest <= width && lines.length * size * leading <= height) {
      return { size, lines, lineHeight: size * leading };
    }
  }
  const size = minSize;
  let lines = wrapText(text, width / size);
  if (lines.length > maxLines) {
    lines = lines.slice(0, maxLines);
    lines[maxLines - 1] = `${lines[maxLines - 1].replace(/\s+\S*$/, '')}…`;
  }
  return { size, lines, lineHeight: size * leading };
}

function textBlock({
  x,
  y,
  width,
  height,
  text,
  fill,
  maxSize,
  minSize,
  maxLines,
  family = FONT_LABEL,
  weight = 700,
}) {
  const fit = fitText(text, { width, height, maxSize, minSize, maxLines });
  const total = fit.lines.length * fit.lineHeight;
  const top = y + (height - total) / 2 + fit.lineHeight * 0.78;
  const tspans = fit.lines
    .map((l, i) => `<tspan x="${r1(x)}" y="${r1(top + i * fit.lineHeight)}">${escapeXml(l)}</tspan>`)
    .join('');
  return `<text font-family="${family}" font-weight="${weight}" font-size="${fit.size}" fill="${fill}" text-anchor="middle">${tspans}</text>`;
}

const r1 = (n) => Math.round(n * 10) / 10;

/** Normalises Vietnamese text to lower-case ASCII words (đ → d, tone marks removed). */
export function toAscii(text) {
  return String(text ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

// ---------------------------------------------------------------------------------------------------------------
// Colour
// ---------------------------------------------------------------------------------------------------------------

const PALETTES = {
  lotus: {
    bg1: '#fff4e6',
    bg2: '#f5cfb0',
    pack: '#b8322a',
    dark: '#7e1c16',
    accent: '#e9b949',
    label: '#fff8ec',
    ink: '#4a1a12',
  },
  jade: {
    bg1: '#f1f8ec',
    bg2: '#c6e2bf',
    pack: '#1f6b4f',
    dark: '#123f2e',
    accent: '#e2b54a',
    label: '#fbf7ea',
    ink: '#173a2b',
  },
  indigo: {
    bg1: '#edf2fb',
    bg2: '#bfd0ee',
    pack: '#253f7e',
    dark: '#142552',
    accent: '#f0b94a',
    label: '#fdf9ef',
    ink: '#1b2444',
  },
  turmeric: {
    bg1: '#fff8e0',
    bg2: '#f8d98a',
    pack: '#cf7f14',
    dark: '#8f540a',
    accent: '#7a2e12',
    label: '#fffdf5',
    ink: '#4b2a08',
  },
  plum: {
    bg1: '#f9eef3',
    bg2: '#e6c3d6',
    pack: '#7b2150',
    dark: '#4e1130',
    accent: '#e7b84c',
    label: '#fff9f2',
    ink: '#3d0f27',
  },
  teal: {
    bg1: '#e9f7f4',
    bg2: '#b5dfd8',
    pack: '#0f6e6a',
    dark: '#084543',
    accent: '#f2a65a',
    label: '#fbfaf3',
    ink: '#0e3433',
  },
  terracotta: {
    bg1: '#fcf0e7',
    bg2: '#eec5ab',
    pack: '#b5532c',
    dark: '#7c3518',
    accent: '#2f5d50',
    label: '#fff7ee',
    ink: '#47200f',
  },
  coffee: {
    bg1: '#f7efe5',
    bg2: '#dcc5a8',
    pack: '#4b2e22',
    dark: '#2a1810',
    accent: '#d9a441',
    label: '#fbf4e8',
    ink: '#2e1b13',
  },
  lime: {
    bg1: '#f6f9e6',
    bg2: '#d5e8a6',
    pack: '#4f7d1a',
    dark: '#33530e',
    accent: '#c2412d',
    label: '#fffcef',
    ink: '#2c3d0d',
  },
  sea: {
    bg1: '#eaf4fb',
    bg2: '#b3d6ee',
    pack: '#1c6aa3',
    dark: '#103f66',
    accent: '#f26b3a',
    label: '#ffffff',
    ink: '#0f2e48',
  },
};

const GROUP_PALETTES = {
  food: ['lotus', 'jade', 'indigo', 'turmeric', 'plum', 'teal', 'terracotta', 'sea'],
  beverages: ['jade', 'teal', 'coffee', 'indigo', 'plum', 'lotus'],
  herbal: ['jade', 'lime', 'teal', 'turmeric', 'terracotta', 'plum'],
  textiles: ['indigo', 'plum', 'lotus', 'terracotta', 'teal'],
  souvenirs: ['terracotta', 'indigo', 'teal', 'lotus', 'coffee'],
  'rural-tourism': ['sea', 'jade', 'lime', 'turmeric'],
};

export const GROUP_LABELS_VI = {
  food: 'Thực phẩm',
  beverages: 'Đồ uống',
  herbal: 'Thảo dược',
  textiles: 'Vải & may mặc',
  souvenirs: 'Lưu niệm & nội thất',
  'rural-tourism': 'Du lịch nông thôn',
};

/** Whether a #rrggbb colour is dark (relative luminance below 0.35). */
export function isDark(hex) {
  const n = parseInt(hex.slice(1), 16);
  const c = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => {
    const x = v / 255;
    return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2] < 0.35;
}

function pickPalette(group, motif, rng) {
  const groupList = GROUP_PALETTES[group] ?? GROUP_PALETTES.food;
  const preferred = (MOTIFS[motif]?.palettes ?? []).filter((p) => groupList.includes(p));
  const list = preferred.length ? preferred : groupList;
  const name = list[Math.floor(rng() * list.length)];
  return { name, ...PALETTES[name] };
}

// ---------------------------------------------------------------------------------------------------------------
// Motifs: each draws in a box of about -100..100 around the origin
// ---------------------------------------------------------------------------------------------------------------

const star = (cx, cy, r, fill, extra = '') => {
  const pts = [];
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 ? r * 0.45 : r;
    pts.push(`${r1(cx + rr * Math.cos(a))},${r1(cy + rr * Math.sin(a))}`);
  }
  return `<polygon points="${pts.join(' ')}" fill="${fill}" ${extra}/>`;
};

function leaf(x, y, len, angle, fill = '#3f8a3a', vein = '#2b6227') {
  return `<g transform="translate(${x} ${y}) rotate(${angle})"><path d="M0 0 C ${len * 0.3} ${-len * 0.32} ${len * 0.75} ${-len * 0.28} ${len} 0 C ${len * 0.75} ${len * 0.28} ${len * 0.3} ${len * 0.32} 0 0 Z" fill="${fill}"/><path d="M0 0 L ${len * 0.92} 0" stroke="${vein}" stroke-width="${Math.max(1.5, len / 40)}" fill="none"/></g>`;
}

const M = {};

M.shrimp = () => {
  let s = '';
  const n = 7;
  for (let i = n - 1; i >= 0; i--) {
    const a = (-150 + i * 34) * (Math.PI / 180);
    const r = 52;
    const x = Math.cos(a) * r;
    const y = Math.sin(a) * r;
    const rx = i === 0 ? 40 : 30 - i * 2.4;
    const ry = i === 0 ? 30 : 25 - i * 2;
    const rot = (a * 180) / Math.PI + 90;
    s += `<ellipse cx="${r1(x)}" cy="${r1(y)}" rx="${r1(rx)}" ry="${r1(ry)}" transform="rotate(${r1(rot)} ${r1(x)} ${r1(y)})" fill="${i % 2 ? '#f27a3d' : '#f58a4c'}" stroke="#c9502a" stroke-width="3"/>`;
    if (i > 0 && i < n - 1) {
      const lx = Math.cos(a) * (r - 26);
      const ly = Math.sin(a) * (r - 26);
      s += `<path d="M${r1(lx)} ${r1(ly)} l ${r1(-Math.cos(a) * 18)} ${r1(-Math.sin(a) * 18 + 6)}" stroke="#e0643a" stroke-width="3" stroke-linecap="round"/>`;
    }
  }
  const ta = (-150 + n * 34) * (Math.PI / 180);
  const tx = Math.cos(ta) * 50;
  const ty = Math.sin(ta) * 50;
  s += `<g transform="translate(${r1(tx)} ${r1(ty)}) rotate(${r1((ta * 180) / Math.PI + 60)})"><path d="M0 0 L -14 34 Q 0 42 4 30 Z M0 0 L 14 34 Q 26 30 20 20 Z M0 0 L 0 38 Q 8 42 12 34 Z" fill="#f58a4c" stroke="#c9502a" stroke-width="3" stroke-linejoin="round"/></g>`;
  const ha = (-150 * Math.PI) / 180;
  const hx = Math.cos(ha) * 52;
  const hy = Math.sin(ha) * 52;
  s += `<circle cx="${r1(hx - 8)}" cy="${r1(hy - 10)}" r="6" fill="#2a1a12"/><circle cx="${r1(hx - 10)}" cy="${r1(hy - 12)}" r="2" fill="#fff"/>`;
  s += `<path d="M${r1(hx - 20)} ${r1(hy - 8)} C -100 -90 -60 -120 20 -110 M${r1(hx - 22)} ${r1(hy)} C -110 -40 -120 -110 -60 -130" stroke="#d9582a" stroke-width="3" fill="none" stroke-linecap="round"/>`;
  s += `<ellipse cx="-10" cy="-44" rx="22" ry="7" fill="#ffc69a" opacity="0.6" transform="rotate(-20 -10 -44)"/>`;
  return s;
};

M.crab = () => {
  let s = '';
  for (const side of [-1, 1]) {
    for (let i = 0; i < 3; i++) {
      const y0 = 5 + i * 16;
      s += `<path d="M ${side * 50} ${y0} q ${side * 30} ${-10 + i * 4} ${side * 48} ${18 + i * 8} l ${side * 6} ${14}" stroke="#b8321f" stroke-width="9" fill="none" stroke-linecap="round" stroke-linejoin="round"/>`;
    }
    s += `<path d="M ${side * 40} -20 q ${side * 20} -30 ${side * 40} -44" stroke="#c83a22" stroke-width="11" fill="none" stroke-linecap="round"/>`;
    s += `<g transform="translate(${side * 84} -72) rotate(${side * 20})"><path d="M0 -26 C 24 -26 28 6 6 14 L 0 0 L -6 14 C -28 6 -24 -26 0 -26 Z" fill="#e04a2c" stroke="#a52a18" stroke-width="3"/></g>`;
    s += `<line x1="${side * 14}" y1="-30" x2="${side * 18}" y2="-48" stroke="#a52a18" stroke-width="4"/><circle cx="${side * 18}" cy="-50" r="7" fill="#1e1512"/><circle cx="${side * 20}" cy="-52" r="2.2" fill="#fff"/>`;
  }
  s += `<ellipse cx="0" cy="0" rx="62" ry="44" fill="#e24b2d" stroke="#a52a18" stroke-width="3"/><ellipse cx="-14" cy="-16" rx="30" ry="12" fill="#ff8a66" opacity="0.55"/>`;
  s += `<path d="M-30 18 q 30 14 60 0" stroke="#b8321f" stroke-width="3" fill="none"/>`;
  return s;
};

function fishBody(body, belly, fin, eye = '#1b1b1b', len = 1) {
  return `<g transform="scale(${len} 1)"><path d="M 62 0 L 100 -30 Q 92 0 100 30 Z" fill="${fin}"/><path d="M -90 0 C -60 -52 30 -50 70 0 C 30 50 -60 52 -90 0 Z" fill="${body}"/><path d="M -86 6 C -50 40 30 40 66 4 C 20 22 -40 24 -86 6 Z" fill="${belly}"/><path d="M -20 -38 Q 10 -66 30 -32 Z" fill="${fin}"/><path d="M -52 -22 Q -40 0 -52 22" stroke="${fin}" stroke-width="4" fill="none"/>${[
    -20, 0, 20, 40,
  ]
    .map(
      (x) =>
        `<path d="M${x} -18 q 8 8 0 16 M${x + 10} 4 q 8 8 0 16" stroke="${fin}" stroke-width="2.5" fill="none" opacity="0.5"/>`,
    )
    .join('')}<circle cx="-66" cy="-8" r="8" fill="#fff"/><circle cx="-67" cy="-8" r="5" fill="${eye}"/></g>`;
}
M.fish = () => fishBody('#5b8fb8', '#d9e8f2', '#3c6d94');
M.anchovy = () =>
  `<g transform="translate(0 -30) rotate(-8) scale(0.8 0.55)">${fishBody('#8fa8bd', '#eef4f8', '#5d7b94')}</g><g transform="translate(10 34) rotate(6) scale(0.8 0.55)">${fishBody('#7f9ab2', '#eef4f8', '#56738d')}</g>`;
M.fishcake = () => {
  let s = '';
  const cakes = [
    [-38, 30, 58],
    [42, 34, 54],
    [0, -22, 60],
  ];
  for (const [x, y, r] of cakes) {
    s += `<ellipse cx="${x}" cy="${y + 12}" rx="${r}" ry="${r * 0.55}" fill="#b86f2a"/><ellipse cx="${x}" cy="${y}" rx="${r}" ry="${r * 0.55}" fill="#e9a848"/><ellipse cx="${x - r * 0.15}" cy="${y - r * 0.12}" rx="${r * 0.6}" ry="${r * 0.28}" fill="#f6c772" opacity="0.8"/>`;
    for (let k = 0; k < 5; k++) {
      s += `<circle cx="${r1(x - r * 0.5 + k * r * 0.25)}" cy="${r1(y + ((k * 7) % 11) - 5)}" r="${3 + (k % 2) * 2}" fill="#c4792c" opacity="0.7"/>`;
    }
  }
  s += leaf(40, -50, 60, -35, '#4f9a3c', '#2f6b24') + leaf(44, -48, 50, -75, '#63ad4a', '#2f6b24');
  return s;
};
M.squid = () =>
  `${[-30, -15, 0, 15, 30]
    .map(
      (x, i) =>
        `<path d="M${x} 30 q ${i % 2 ? 14 : -14} 30 ${x / 3} 66" stroke="#e9a0a0" stroke-width="9" fill="none" stroke-linecap="round"/>`,
    )
    .join(
      '',
    )}<path d="M0 -95 C 46 -60 48 0 40 34 L -40 34 C -48 0 -46 -60 0 -95 Z" fill="#f1b2a8" stroke="#c97a72" stroke-width="3"/><path d="M-40 -40 L -70 -10 L -40 -2 Z M40 -40 L 70 -10 L 40 -2 Z" fill="#f1b2a8" stroke="#c97a72" stroke-width="3"/><circle cx="-16" cy="18" r="7" fill="#2a1a1a"/><circle cx="16" cy="18" r="7" fill="#2a1a1a"/>`;

M.coconut = () =>
  `<circle cx="-28" cy="-18" r="62" fill="#6b4226"/><path d="M-70 -40 q 30 -20 70 -6 M-80 -10 q 40 -10 86 6 M-60 20 q 30 -6 70 12" stroke="#4e2e19" stroke-width="4" fill="none"/><circle cx="-40" cy="-52" r="6" fill="#3a2112"/><circle cx="-24" cy="-58" r="6" fill="#3a2112"/><circle cx="-30" cy="-42" r="6" fill="#3a2112"/>` +
  `<ellipse cx="34" cy="38" rx="66" ry="50" fill="#5e3920"/><ellipse cx="34" cy="32" rx="62" ry="44" fill="#fbf7ee"/><ellipse cx="34" cy="32" rx="50" ry="34" fill="#eef3f2"/><ellipse cx="22" cy="22" rx="18" ry="8" fill="#fff" opacity="0.8"/>`;
M.durian = () => {
  let s =
    '<path d="M0 -92 q 6 -10 16 -12" stroke="#6b5a2a" stroke-width="8" fill="none" stroke-linecap="round"/>';
  for (let i = 0; i < 28; i++) {
    const a = (i / 28) * Math.PI * 2;
    const x = Math.cos(a) * 70;
    const y = Math.sin(a) * 86;
    s += `<path d="M${r1(x - 10 * Math.sin(a))} ${r1(y + 10 * Math.cos(a))} L ${r1(Math.cos(a) * 86)} ${r1(Math.sin(a) * 102)} L ${r1(x + 10 * Math.sin(a))} ${r1(y - 10 * Math.cos(a))} Z" fill="#7f9a2e"/>`;
  }
  s += '<ellipse cx="0" cy="0" rx="74" ry="90" fill="#9bb53a"/>';
  for (let row = -3; row <= 3; row++) {
    for (let col = -2; col <= 2; col++) {
      const x = col * 26 + (row % 2 ? 13 : 0);
      const y = row * 24;
      if ((x * x) / (66 * 66) + (y * y) / (82 * 82) < 1) {
        s += `<path d="M${x} ${y - 9} L ${x + 8} ${y + 6} L ${x - 8} ${y + 6} Z" fill="#7d962b"/><path d="M${x} ${y - 9} L ${x + 3} ${y - 1} L ${x - 3} ${y - 1} Z" fill="#c9d96a"/>`;
      }
    }
  }
  s += '<ellipse cx="-26" cy="-36" rx="20" ry="34" fill="#d6e58a" opacity="0.35"/>';
  return s;
};
function roundFruit(x, y, r, c1, c2, hl = '#ffffff') {
  return `<circle cx="${x}" cy="${y}" r="${r}" fill="${c2}"/><circle cx="${x - r * 0.08}" cy="${y - r * 0.08}" r="${r * 0.9}" fill="${c1}"/><ellipse cx="${x - r * 0.35}" cy="${y - r * 0.38}" rx="${r * 0.26}" ry="${r * 0.15}" transform="rotate(-35 ${x - r * 0.35} ${y - r * 0.38})" fill="${hl}" opacity="0.55"/>`;
}
M.plum = () =>
  roundFruit(-34, 22, 52, '#b0244a', '#6d1230', '#ffd1dc') +
  roundFruit(40, 30, 46, '#9b1d44', '#5a0f28', '#ffd1dc') +
  `<path d="M-30 -28 q 4 -26 20 -40" stroke="#5a3a1a" stroke-width="5" fill="none"/>` +
  leaf(-10, -66, 70, -20, '#4e9a3e', '#2f6b24') +
  `<path d="M-50 -8 q -10 30 4 66" stroke="#7c1535" stroke-width="3" fill="none" opacity="0.6"/>`;
M.longan = () => {
  let s =
    '<path d="M0 -100 C 0 -70 -10 -50 -20 -30 M0 -80 C 10 -60 30 -40 36 -20 M-4 -60 C -30 -50 -50 -30 -58 -10" stroke="#6b5030" stroke-width="5" fill="none"/>';
  const pts = [
    [-58, 10],
    [-20, -10],
    [30, 0],
    [-40, 48],
    [4, 34],
    [48, 40],
    [-10, 76],
    [36, 80],
  ];
  for (const [x, y] of pts) s += roundFruit(x, y, 26, '#c9a464', '#9c7b42', '#f6e6c4');
  s += leaf(2, -70, 80, -20, '#4e8a3a', '#2f6b24') + leaf(-2, -64, 70, -150, '#5a9a44', '#2f6b24');
  return s;
};
M.banana = () => {
  let s = '';
  for (let i = 0; i < 4; i++) {
    s += `<g transform="rotate(${-30 + i * 18} -60 -60)"><path d="M -60 -60 C 0 -40 60 10 70 70 C 40 30 -10 0 -62 -44 Z" fill="${i % 2 ? '#f5cf3b' : '#f8d94e'}" stroke="#c99b1a" stroke-width="3"/><path d="M 66 62 l 6 10" stroke="#5a3d18" stroke-width="6" stroke-linecap="round"/></g>`;
  }
  s += '<rect x="-78" y="-78" width="26" height="22" rx="6" fill="#6f7d2c"/>';
  return s;
};
M.mango = () =>
  `<path d="M -70 10 C -80 -60 10 -90 60 -50 C 100 -10 70 70 10 80 C -40 86 -64 50 -70 10 Z" fill="#f2a516"/><path d="M -50 0 C -50 -50 10 -70 40 -40 C 0 -50 -30 -30 -50 0 Z" fill="#ffd35a" opacity="0.7"/><path d="M -60 30 C -40 70 20 80 60 40" stroke="#e0781a" stroke-width="10" fill="none" opacity="0.5"/>` +
  leaf(30, -60, 80, -30, '#3e8a3a', '#2a6027');
M.citrus = (v = {}) => {
  const peel = v.peel ?? '#9cc24a';
  const flesh = v.flesh ?? '#f4a3a8';
  let seg = '';
  for (let i = 0; i < 10; i++) {
    const a = (i / 10) * 360;
    seg += `<path d="M0 0 L 0 -46 A 46 46 0 0 1 ${r1(46 * Math.sin(Math.PI / 5))} ${r1(-46 * Math.cos(Math.PI / 5))} Z" transform="translate(44 40) rotate(${a})" fill="${flesh}" stroke="#fff7ef" stroke-width="4"/>`;
  }
  return (
    roundFruit(-32, -20, 66, peel, v.peelDark ?? '#6f9530', '#f4ffd8') +
    `<circle cx="44" cy="40" r="58" fill="${peel}"/><circle cx="44" cy="40" r="52" fill="#fff7ef"/>${seg}` +
    leaf(-36, -84, 56, -50, '#3f8a3a', '#2b6227')
  );
};
M.dragonfruit = () => {
  let s = '<ellipse cx="-20" cy="-10" rx="58" ry="78" fill="#e0306f"/>';
  for (let i = 0; i < 7; i++) {
    const y = -70 + i * 22;
    const side = i % 2 ? 1 : -1;
    s += `<path d="M ${-20 + side * 30} ${y} q ${side * 30} -6 ${side * 50} -30 q ${-side * 8} 26 ${-side * 40} 40 Z" fill="#e94f86"/><path d="M ${-20 + side * 46} ${y - 22} q ${side * 6} -6 ${side * 4} -10" stroke="#8fb83a" stroke-width="6" fill="none" stroke-linecap="round"/>`;
  }
  s +=
    '<ellipse cx="54" cy="50" rx="46" ry="52" fill="#e0306f"/><ellipse cx="54" cy="50" rx="40" ry="46" fill="#fbf7f2"/>';
  for (let i = 0; i < 26; i++)
    s += `<circle cx="${54 + ((i * 37) % 60) - 30}" cy="${50 + ((i * 53) % 70) - 35}" r="2.4" fill="#222"/>`;
  return s;
};
M.honey = () => {
  let s = '';
  const hex = (x, y, r, f) => {
    const p = [];
    for (let i = 0; i < 6; i++)
      p.push(`${r1(x + r * Math.cos((Math.PI / 3) * i))},${r1(y + r * Math.sin((Math.PI / 3) * i))}`);
    return `<polygon points="${p.join(' ')}" fill="${f}" stroke="#c98a16" stroke-width="4"/>`;
  };
  for (let q = -2; q <= 1; q++)
    for (let r = -1; r <= 2; r++) {
      const x = -20 + q * 39;
      const y = 20 + r * 45 + (q % 2 ? 22 : 0);
      if (Math.abs(x) + Math.abs(y) < 140) s += hex(x, y, 25, (q + r) % 3 ? '#f6b62b' : '#ffd25e');
    }
  s +=
    '<path d="M -10 -30 q 10 20 0 40" stroke="#e59a10" stroke-width="10" fill="none" stroke-linecap="round" opacity="0.8"/>';
  s += `<g transform="translate(50 -56) rotate(-20)"><ellipse cx="-6" cy="-22" rx="18" ry="12" fill="#e8f4ff" opacity="0.85" transform="rotate(-30 -6 -22)"/><ellipse cx="12" cy="-22" rx="16" ry="11" fill="#e8f4ff" opacity="0.85" transform="rotate(30 12 -22)"/><ellipse cx="0" cy="0" rx="28" ry="18" fill="#f5c21b"/><path d="M -10 -16 v 32 M 4 -18 v 36" stroke="#2a1d12" stroke-width="7"/><circle cx="26" cy="-2" r="9" fill="#2a1d12"/><path d="M -28 0 l -10 0" stroke="#2a1d12" stroke-width="4"/></g>`;
  return s;
};
M.tea = () =>
  `<path d="M -10 100 C -6 40 0 -20 6 -80" stroke="#5a7a2a" stroke-width="6" fill="none"/>` +
  leaf(-6, 40, 90, 200, '#2f7a35', '#1e5524') +
  leaf(0, 10, 96, -20, '#3a8d3f', '#1e5524') +
  leaf(2, -30, 80, 205, '#4aa14a', '#1e5524') +
  leaf(4, -56, 60, -40, '#6bbd54', '#2f7a35') +
  `<path d="M 6 -80 C 0 -100 18 -108 20 -96 C 22 -86 12 -80 6 -80 Z" fill="#9fd36a"/>`;
M.coffee = () => {
  let s = '';
  const beans = [
    [-40, -10, 20],
    [20, -30, -30],
    [40, 30, 60],
    [-20, 40, 110],
    [-60, 50, 10],
    [60, -70, 40],
    [-50, -60, -60],
  ];
  for (const [x, y, a] of beans) {
    s += `<g transform="translate(${x} ${y}) rotate(${a})"><ellipse rx="30" ry="22" fill="#5a3420"/><ellipse rx="26" ry="18" fill="#6e4128"/><path d="M -24 0 C -8 -8 8 8 24 0" stroke="#2e190d" stroke-width="5" fill="none"/><ellipse cx="-8" cy="-10" rx="10" ry="4" fill="#a06a44" opacity="0.6"/></g>`;
  }
  s += roundFruit(74, 64, 16, '#c8202a', '#8a1018') + roundFruit(56, 84, 14, '#d32b2a', '#8a1018');
  return s;
};
M.cocoa = () =>
  `<path d="M 0 -96 C 60 -80 70 40 0 96 C -70 40 -60 -80 0 -96 Z" fill="#c9742a"/>${[-34, -16, 0, 16, 34]
    .map(
      (x) =>
        `<path d="M 0 -92 C ${x * 1.8} -40 ${x * 1.8} 40 0 92" stroke="#9c5218" stroke-width="3" fill="none"/>`,
    )
    .join('')}<ellipse cx="-20" cy="-30" rx="10" ry="36" fill="#eaa860" opacity="0.5"/>`;
M.rice = () => {
  let s = '';
  for (const [bx, ang] of [
    [-30, -12],
    [0, 0],
    [30, 12],
  ]) {
    s += `<g transform="translate(${bx} 100) rotate(${ang})"><path d="M0 0 C 0 -80 10 -140 40 -190" stroke="#b08a2e" stroke-width="4" fill="none"/>`;
    for (let i = 0; i < 9; i++) {
      const t = 0.35 + i * 0.07;
      const x = 40 * t * t * 1.2 - 2;
      const y = -190 * t;
      s += `<ellipse cx="${r1(x - 9)}" cy="${r1(y)}" rx="6" ry="11" transform="rotate(-30 ${r1(x - 9)} ${r1(y)})" fill="#e8bf4a"/><ellipse cx="${r1(x + 9)}" cy="${r1(y - 4)}" rx="6" ry="11" transform="rotate(30 ${r1(x + 9)} ${r1(y - 4)})" fill="#f0cc5c"/>`;
    }
    s += '</g>';
  }
  s += leaf(-10, 90, 110, -120, '#7c9a3a', '#5a7424');
  return s;
};
M.corn = () => {
  let s = '<g transform="rotate(20)"><ellipse cx="0" cy="-10" rx="42" ry="88" fill="#f0b92a"/>';
  for (let r = -7; r <= 6; r++)
    for (let c = -3; c <= 3; c++) {
      const x = c * 11;
      const y = -10 + r * 12 + (c % 2 ? 6 : 0);
      if ((x * x) / 1600 + (y + 10) ** 2 / 7600 < 0.9)
        s += `<ellipse cx="${x}" cy="${y}" rx="5" ry="5.5" fill="#ffd85a"/>`;
    }
  s +=
    '<path d="M 0 90 C -60 60 -70 -20 -40 -70 C -40 0 -20 50 0 90 Z M 0 90 C 60 60 66 -10 44 -60 C 40 10 20 50 0 90 Z" fill="#7fae3e"/></g>';
  return s;
};
M.chili = () =>
  [
    [-20, -10, 20, '#d3261e'],
    [20, 10, 40, '#e8382a'],
    [-40, 30, 0, '#b81d17'],
  ]
    .map(
      ([x, y, a, c]) =>
        `<g transform="translate(${x} ${y}) rotate(${a})"><path d="M -10 -70 C 30 -60 24 20 -20 80 C -4 20 -30 -40 -10 -70 Z" fill="${c}"/><path d="M -12 -70 q 8 -8 18 -2 q -4 -16 8 -24" stroke="#3f7a2a" stroke-width="7" fill="none" stroke-linecap="round"/><path d="M -4 -50 C 8 -30 6 0 -6 20" stroke="#ff8a7a" stroke-width="5" fill="none" opacity="0.6"/></g>`,
    )
    .join('');
M.pepper = () => {
  let s = leaf(-20, -20, 90, -140, '#3e8a3a', '#2a6027') + leaf(0, -40, 80, -50, '#4a9a44', '#2a6027');
  for (const [cx, cy] of [
    [-10, 10],
    [30, 20],
  ]) {
    s += `<path d="M ${cx} ${cy - 30} q 6 50 -4 110" stroke="#6a7a2a" stroke-width="4" fill="none"/>`;
    for (let i = 0; i < 8; i++)
      s += roundFruit(
        cx + (i % 2 ? 9 : -9) - i,
        cy - 20 + i * 12,
        9,
        i < 4 ? '#c4342a' : '#3f7a2a',
        i < 4 ? '#7a1a14' : '#2a5a1a',
      );
  }
  return s;
};
M.garlic = () =>
  [
    [-30, 10, '#f3ece6'],
    [34, 20, '#efe1ec'],
  ]
    .map(
      ([x, y, c]) =>
        `<g transform="translate(${x} ${y})"><path d="M 0 -70 C 10 -50 60 -30 56 20 C 52 56 -52 56 -56 20 C -60 -30 -10 -50 0 -70 Z" fill="${c}" stroke="#c9b3c4" stroke-width="3"/><path d="M 0 -60 C -16 -20 -20 20 -10 52 M 0 -60 C 16 -20 20 20 10 52 M -30 -20 C -40 10 -34 40 -26 52 M 30 -20 C 40 10 34 40 26 52" stroke="#b89ab0" stroke-width="3" fill="none"/><path d="M -30 52 q 30 10 60 0" stroke="#a88a6a" stroke-width="4" fill="none"/></g>`,
    )
    .join('');
M.ginger = (v = {}) =>
  `<path d="M -80 20 C -90 -20 -50 -30 -30 -10 C -30 -50 10 -60 20 -30 C 40 -60 80 -50 76 -10 C 96 10 80 50 40 46 C 10 70 -40 64 -50 44 C -70 50 -80 40 -80 20 Z" fill="${v.skin ?? '#d9b06a'}" stroke="${v.edge ?? '#a47a3a'}" stroke-width="4"/><path d="M -50 10 q 20 -6 40 4 M 10 0 q 20 -10 40 0" stroke="${v.edge ?? '#a47a3a'}" stroke-width="3" fill="none"/>` +
  `<circle cx="40" cy="70" r="30" fill="${v.edge ?? '#a47a3a'}"/><circle cx="40" cy="70" r="26" fill="${v.flesh ?? '#f4d27a'}"/><circle cx="40" cy="70" r="14" fill="none" stroke="${v.edge ?? '#a47a3a'}" stroke-width="2" opacity="0.5"/>`;
M.mushroom = () =>
  [
    [-34, 10, 1],
    [34, 20, 0.8],
  ]
    .map(
      ([x, y, k]) =>
        `<g transform="translate(${x} ${y}) scale(${k})"><path d="M -16 0 L -20 80 Q 0 90 20 80 L 16 0 Z" fill="#f3e7d3"/><path d="M -70 4 C -70 -60 70 -60 70 4 C 40 16 -40 16 -70 4 Z" fill="#8a5a36"/><path d="M -50 -20 C -30 -44 10 -50 30 -40" stroke="#b07e54" stroke-width="8" fill="none" stroke-linecap="round"/></g>`,
    )
    .join('');
M.reishi = () =>
  `<path d="M -90 20 C -80 -70 80 -80 90 10 C 60 30 -60 40 -90 20 Z" fill="#8e2a1a"/><path d="M -70 10 C -60 -50 60 -56 70 4" stroke="#c0562c" stroke-width="8" fill="none"/><path d="M -50 0 C -40 -30 40 -34 50 0" stroke="#d9843a" stroke-width="6" fill="none"/><path d="M -70 24 C -40 30 40 30 70 20" stroke="#e9c27a" stroke-width="6" fill="none"/><path d="M -6 30 q -10 40 6 70" stroke="#6a2a14" stroke-width="16" fill="none" stroke-linecap="round"/>`;
M.ginseng = () =>
  `<path d="M 0 -30 C 20 0 20 40 10 70 L 30 100 M 10 70 L -20 100 M 6 20 L -40 50 M 14 10 L 50 40" stroke="#e6cf9c" stroke-width="18" fill="none" stroke-linecap="round"/><path d="M 0 -30 C 20 0 20 40 10 70" stroke="#caa66a" stroke-width="4" fill="none"/>` +
  leaf(0, -40, 70, -150, '#3f8a3a') +
  leaf(0, -40, 70, -30, '#4a9a44') +
  leaf(0, -40, 64, -90, '#5aa84a') +
  roundFruit(0, -50, 10, '#d3261e', '#8a1018');
M.lotus = () => {
  let s = '';
  for (const [a, c] of [
    [-60, '#f7a6c2'],
    [60, '#f7a6c2'],
    [-30, '#f48db0'],
    [30, '#f48db0'],
    [0, '#f7b8cf'],
  ]) {
    s += `<path d="M 0 40 C ${-30} 0 ${-20} -60 0 -90 C 20 -60 30 0 0 40 Z" transform="rotate(${a} 0 40)" fill="${c}" stroke="#e06a94" stroke-width="3"/>`;
  }
  s +=
    '<path d="M -90 60 C -40 30 40 30 90 60 C 40 80 -40 80 -90 60 Z" fill="#4e9a4a"/><ellipse cx="0" cy="30" rx="22" ry="10" fill="#f2c94c"/>';
  return s;
};
M.nut = () => {
  let s = '';
  const nuts = [
    [-40, -20, -20],
    [20, -40, 30],
    [40, 20, 70],
    [-20, 40, 140],
    [-60, 40, 200],
    [60, -70, 250],
  ];
  for (const [x, y, a] of nuts) {
    s += `<g transform="translate(${x} ${y}) rotate(${a})"><path d="M -28 -10 C -30 -40 20 -40 26 -10 C 30 14 14 26 4 14 C -2 6 -10 6 -14 16 C -22 26 -30 10 -28 -10 Z" fill="#ecd3a0" stroke="#c8a468" stroke-width="3"/><path d="M -20 -14 C -10 -26 10 -26 16 -14" stroke="#fff3d6" stroke-width="4" fill="none"/></g>`;
  }
  return s;
};
M.candy = (_v = {}, p) => {
  const colors = [p?.pack ?? '#c0392b', p?.accent ?? '#e9b949', '#f4ecd8'];
  let s = '';
  const candies = [
    [-40, -20, -15],
    [30, -40, 20],
    [40, 30, -30],
    [-30, 40, 10],
  ];
  candies.forEach(([x, y, a], i) => {
    const c = colors[i % 3];
    s += `<g transform="translate(${x} ${y}) rotate(${a})"><path d="M -34 0 L -56 -18 L -52 0 L -56 18 Z M 34 0 L 56 -18 L 52 0 L 56 18 Z" fill="${c}" stroke="rgba(0,0,0,0.2)" stroke-width="2"/><rect x="-34" y="-20" width="68" height="40" rx="12" fill="${c}" stroke="rgba(0,0,0,0.2)" stroke-width="2"/><path d="M -20 -20 L -20 20 M 20 -20 L 20 20" stroke="#fff" stroke-width="4" opacity="0.6"/><rect x="-28" y="-14" width="30" height="8" rx="4" fill="#fff" opacity="0.35"/></g>`;
  });
  return s;
};
M.cake = () =>
  `<path d="M -80 0 L 0 -40 L 80 0 L 0 40 Z" fill="#7aa84a"/><path d="M -80 0 L 0 40 L 0 90 L -80 50 Z" fill="#5a8a34"/><path d="M 80 0 L 0 40 L 0 90 L 80 50 Z" fill="#4a7a2a"/><path d="M -40 -20 L 40 20 M 40 -20 L -40 20" stroke="#c9a24a" stroke-width="5"/>`;
M.leaf = () =>
  leaf(-60, 60, 130, -50, '#3f8a3a', '#2a6027') +
  leaf(-40, 70, 110, -15, '#5aa84a', '#2f6b24') +
  leaf(-50, 50, 100, -85, '#70b85a', '#2f6b24');
M.fabric = (_v = {}, p) => {
  const c1 = p?.pack ?? '#7b2150';
  const c2 = p?.accent ?? '#e7b84c';
  let s = '';
  for (let i = 0; i < 3; i++) {
    const y = 40 - i * 44;
    const c = [c1, '#2d3e6e', '#b8322a'][i];
    s += `<g><rect x="-90" y="${y - 20}" width="180" height="40" rx="10" fill="${c}"/>${[-60, -20, 20, 60]
      .map(
        (x) =>
          `<path d="M ${x - 12} ${y} L ${x} ${y - 12} L ${x + 12} ${y} L ${x} ${y + 12} Z" fill="${c2}"/>`,
      )
      .join(
        '',
      )}<path d="M -90 ${y - 14} H 90 M -90 ${y + 14} H 90" stroke="#fff" stroke-width="2" stroke-dasharray="6 6" opacity="0.6"/></g>`;
  }
  return s;
};
M.vase = (_v = {}, p) => {
  const body = p?.pack ?? '#2f5f8a';
  const paint = p?.label ?? '#f4efe6';
  const gold = p?.accent ?? '#e9b949';
  let petals = '';
  for (let i = -3; i <= 3; i++)
    petals += `<path d="M ${i * 16} 66 q -8 -16 0 -26 q 8 10 0 26 Z" fill="${paint}" opacity="0.85"/>`;
  return `<path d="M -30 -90 L 30 -90 L 24 -70 C 80 -40 86 50 40 90 L -40 90 C -86 50 -80 -40 -24 -70 Z" fill="${body}"/><rect x="-34" y="-98" width="68" height="14" rx="6" fill="${gold}"/><path d="M -54 -40 H 54" stroke="${gold}" stroke-width="5"/><path d="M -70 40 H 70" stroke="${gold}" stroke-width="5"/><circle cx="0" cy="0" r="30" fill="${paint}"/>${[0, 60, 120, 180, 240, 300].map((a) => `<ellipse cx="0" cy="-16" rx="8" ry="14" transform="rotate(${a})" fill="${body}" opacity="0.85"/>`).join('')}<circle r="7" fill="${gold}"/><path d="M -62 -4 q 10 -14 20 0 M 42 -4 q 10 -14 20 0" stroke="${paint}" stroke-width="4" fill="none"/>${petals}<path d="M -44 -60 C -70 -30 -70 30 -50 70" stroke="#fff" stroke-width="8" fill="none" opacity="0.22" stroke-linecap="round"/>`;
};
M.basket = () => {
  let s = '<path d="M -90 -20 L 90 -20 L 70 80 L -70 80 Z" fill="#c89a5a"/>';
  for (let i = 0; i < 5; i++)
    s += `<path d="M -88 ${-4 + i * 20} L 88 ${-4 + i * 20}" stroke="#9c7038" stroke-width="6" transform="scale(${1 - i * 0.04} 1)"/>`;
  for (let i = -4; i <= 4; i++)
    s += `<path d="M ${i * 20} -20 L ${i * 16} 80" stroke="#a97c42" stroke-width="4"/>`;
  s += '<path d="M -80 -20 C -80 -110 80 -110 80 -20" stroke="#a97c42" stroke-width="10" fill="none"/>';
  return s;
};
M.hat = () =>
  `<path d="M -100 40 L 0 -70 L 100 40 Q 0 64 -100 40 Z" fill="#e8cf94"/>${[-60, -30, 0, 30, 60]
    .map((x) => `<path d="M 0 -70 L ${x * 1.6} ${46 - Math.abs(x) / 8}" stroke="#c9a868" stroke-width="2"/>`)
    .join(
      '',
    )}<path d="M -70 20 Q 0 36 70 20 M -40 -10 Q 0 0 40 -10" stroke="#c9a868" stroke-width="3" fill="none"/><path d="M -50 46 Q 0 100 50 46" stroke="#b8322a" stroke-width="5" fill="none"/>`;
M.house = () =>
  `<path d="M -90 -10 L 0 -80 L 90 -10 Z" fill="#8a4a2a"/><rect x="-70" y="-10" width="140" height="60" fill="#e9cf9a"/><rect x="-20" y="10" width="40" height="40" fill="#8a5a36"/><path d="M -70 50 L -70 90 M 70 50 L 70 90 M -30 50 L -30 90 M 30 50 L 30 90" stroke="#6a4026" stroke-width="8"/><path d="M -100 90 H 100" stroke="#4e9a4a" stroke-width="10"/>`;
M.bottle = () =>
  `<path d="M -14 -90 H 14 V -60 C 40 -40 40 -20 40 0 V 90 H -40 V 0 C -40 -20 -40 -40 -14 -60 Z" fill="#b5651d" opacity="0.9"/><rect x="-16" y="-100" width="32" height="16" rx="4" fill="#3a2a1a"/><rect x="-34" y="10" width="68" height="50" rx="6" fill="#f7ecd0"/>`;

M.pineapple = () => {
  let s = '';
  for (const [a, l] of [
    [-30, 70],
    [-12, 90],
    [0, 100],
    [12, 90],
    [30, 70],
  ])
    s += leaf(0, -50, l, -90 + a, '#4f8f3a', '#35682a');
  s += '<ellipse cx="0" cy="30" rx="56" ry="76" fill="#e7a52a"/>';
  for (let r = -3; r <= 3; r++)
    for (let c = -2; c <= 2; c++) {
      const x = c * 24 + (r % 2 ? 12 : 0);
      const y = 30 + r * 22;
      if ((x * x) / 2800 + ((y - 30) * (y - 30)) / 5200 < 1)
        s += `<path d="M ${x} ${y - 10} L ${x + 11} ${y} L ${x} ${y + 10} L ${x - 11} ${y} Z" fill="#f6c04a" stroke="#b9741a" stroke-width="2.5"/>`;
    }
  return s;
};
M.noni = () => {
  let s = '';
  for (const [x, y, k] of [
    [-30, 10, 1],
    [40, 30, 0.8],
  ]) {
    s += `<g transform="translate(${x} ${y}) scale(${k})"><path d="M 0 -80 C 40 -76 50 -20 46 30 C 42 70 -42 70 -46 30 C -50 -20 -40 -76 0 -80 Z" fill="#dfe5a8" stroke="#a9b46a" stroke-width="3"/>`;
    for (let i = 0; i < 14; i++)
      s += `<circle cx="${((i * 29) % 70) - 35}" cy="${((i * 47) % 120) - 60}" r="5" fill="#b4be6e"/>`;
    s += '<path d="M 0 -80 l 0 -14" stroke="#6b5a2a" stroke-width="6"/></g>';
  }
  return s + leaf(-20, -80, 80, -150, '#3f8a3a');
};
M.nest = () => {
  let s = '<path d="M -90 -10 C -80 70 80 70 90 -10 Z" fill="#efe4cf"/>';
  for (let i = 0; i < 12; i++) {
    const y = -6 + i * 5;
    s += `<path d="M ${-88 + i * 4} ${y} C -40 ${y + 20 - i} 40 ${y + 20 - i} ${88 - i * 4} ${y}" stroke="${i % 2 ? '#fff9ee' : '#d9c7a6'}" stroke-width="4" fill="none"/>`;
  }
  s += '<path d="M -90 -10 C -40 10 40 10 90 -10" stroke="#c9b48e" stroke-width="5" fill="none"/>';
  s +=
    '<g transform="translate(10 -60)"><path d="M -40 0 C -20 -20 20 -20 30 -6 L 70 -30 L 44 4 C 30 16 -20 14 -40 0 Z" fill="#2f3a4a"/><path d="M -10 -8 L -60 -40 L -4 -2 Z" fill="#3f4a5a"/><circle cx="20" cy="-8" r="3" fill="#fff"/></g>';
  return s;
};
M.sesame = () => {
  let s = '<ellipse cx="0" cy="40" rx="90" ry="40" fill="#e8d6a8"/>';
  for (let i = 0; i < 60; i++) {
    const x = ((i * 37) % 160) - 80;
    const y = 20 + ((i * 23) % 44) - Math.abs(x) / 5;
    s += `<ellipse cx="${x}" cy="${r1(y)}" rx="3" ry="5.5" transform="rotate(${(i * 53) % 180} ${x} ${r1(y)})" fill="${i % 5 ? '#f7ecd0' : '#2a2420'}"/>`;
  }
  s += '<path d="M -10 -90 C -30 -50 -30 -20 -10 10" stroke="#7a8a3a" stroke-width="5" fill="none"/>';
  s +=
    '<path d="M -10 -70 C 20 -80 30 -50 10 -30 C -6 -26 -16 -50 -10 -70 Z" fill="#9aa84a"/><path d="M -10 -40 C -40 -50 -50 -20 -30 0 C -14 4 -6 -20 -10 -40 Z" fill="#8a9a3a"/>';
  return s;
};
M.salt = () => {
  let s =
    '<path d="M -90 60 C -70 -40 70 -40 90 60 Z" fill="#f4f7fa"/><path d="M -90 60 C -60 20 60 20 90 60 Z" fill="#dfe8f0"/>';
  for (let i = 0; i < 26; i++) {
    const x = ((i * 31) % 150) - 75;
    const y = 50 - ((i * 17) % 60) + Math.abs(x) / 3;
    s += `<rect x="${x}" y="${r1(y)}" width="9" height="9" transform="rotate(${(i * 41) % 90} ${x + 4} ${r1(y + 4)})" fill="${i % 3 ? '#ffffff' : '#cfdbe6'}" stroke="#b9c8d6" stroke-width="1"/>`;
  }
  s +=
    '<g transform="translate(40 -20) rotate(-30)"><ellipse cx="0" cy="0" rx="36" ry="20" fill="#b5834a"/><ellipse cx="0" cy="-4" rx="30" ry="12" fill="#f4f7fa"/><rect x="30" y="-6" width="80" height="12" rx="6" fill="#9c6e38"/></g>';
  return s;
};

/** Keyword table: motif, Vietnamese keywords (matched with diacritics), English / ASCII keywords, palettes. */
const MOTIFS = {
  fishsauce: {
    vi: ['nước mắm'],
    en: ['fish sauce', 'nuoc mam'],
    draw: 'anchovy',
    form: 'bottle',
    palettes: ['lotus', 'sea', 'indigo', 'turmeric'],
  },
  fishcake: {
    vi: ['chả cá', 'chả mực', 'chả'],
    en: ['fish cake', 'fishcake', 'cha ca'],
    palettes: ['sea', 'teal', 'lotus', 'indigo'],
  },
  shrimp: {
    vi: ['tôm', 'ruốc', 'tép'],
    en: ['shrimp', 'prawn', 'tom kho'],
    palettes: ['sea', 'teal', 'indigo', 'lotus'],
  },
  crab: { vi: ['cua', 'ghẹ', 'ba khía', 'mắm ba khía'], en: ['crab'], palettes: ['sea', 'teal', 'indigo'] },
  squid: { vi: ['mực'], en: ['squid', 'cuttlefish'], palettes: ['sea', 'indigo', 'teal'] },
  fish: {
    vi: ['cá', 'khô cá', 'cá khô'],
    en: ['fish', 'snakehead', 'catfish'],
    palettes: ['sea', 'teal', 'indigo', 'lotus'],
  },
  honey: {
    vi: ['mật ong', 'ong', 'sáp ong'],
    en: ['honey', 'bee'],
    palettes: ['turmeric', 'jade', 'lotus', 'coffee'],
  },
  coffee: {
    vi: ['cà phê', 'cafe'],
    en: ['coffee', 'robusta', 'arabica'],
    palettes: ['coffee', 'terracotta', 'lotus'],
  },
  tea: { vi: ['trà', 'chè'], en: ['tea', 'matcha'], palettes: ['jade', 'lime', 'teal'] },
  cocoa: {
    vi: ['ca cao'],
    en: ['cocoa', 'cacao', 'chocolate', 'socola'],
    palettes: ['coffee', 'terracotta', 'turmeric'],
  },
  durian: { vi: ['sầu riêng'], en: ['durian'], palettes: ['lime', 'jade', 'turmeric'] },
  plum: { vi: ['mận', 'ô mai', 'mơ'], en: ['plum', 'apricot', 'o mai'], palettes: ['plum', 'lotus', 'lime'] },
  longan: {
    vi: ['nhãn', 'vải', 'chôm chôm'],
    en: ['longan', 'lychee', 'litchi'],
    palettes: ['turmeric', 'jade', 'lotus', 'terracotta'],
  },
  banana: { vi: ['chuối'], en: ['banana'], palettes: ['turmeric', 'lime', 'jade'] },
  mango: { vi: ['xoài'], en: ['mango'], palettes: ['turmeric', 'jade', 'lotus'] },
  dragonfruit: { vi: ['thanh long'], en: ['dragon fruit', 'pitaya'], palettes: ['lime', 'jade', 'plum'] },
  pomelo: {
    vi: ['bưởi'],
    en: ['pomelo', 'grapefruit'],
    draw: 'citrus',
    variant: {},
    palettes: ['lime', 'jade', 'lotus'],
  },
  orange: {
    vi: ['cam', 'quýt'],
    en: ['orange', 'mandarin', 'tangerine'],
    draw: 'citrus',
    variant: { peel: '#f39a1e', peelDark: '#c46d0c', flesh: '#f7b24a' },
    palettes: ['turmeric', 'jade', 'teal'],
  },
  lime: {
    vi: ['chanh', 'tắc'],
    en: ['lime', 'lemon', 'kumquat', 'calamansi'],
    draw: 'citrus',
    variant: { peel: '#6fae2e', peelDark: '#477a18', flesh: '#d9ec8a' },
    palettes: ['lime', 'jade', 'teal'],
  },
  pineapple: { vi: ['dứa', 'thơm', 'khóm'], en: ['pineapple'], palettes: ['turmeric', 'jade', 'lime'] },
  noni: { vi: ['nhàu'], en: ['noni'], palettes: ['jade', 'lime', 'teal'] },
  nest: {
    vi: ['yến', 'yến sào', 'tổ yến'],
    en: ["bird's nest", 'bird nest', 'swiftlet', 'edible nest'],
    palettes: ['lotus', 'plum', 'indigo', 'turmeric'],
  },
  sesame: { vi: ['vừng', 'mè'], en: ['sesame'], palettes: ['turmeric', 'coffee', 'lotus', 'plum'] },
  salt: { vi: ['muối'], en: ['salt', 'sea salt'], palettes: ['sea', 'indigo', 'teal'] },
  coconut: { vi: ['dừa'], en: ['coconut'], palettes: ['jade', 'teal', 'lotus', 'terracotta'] },
  lotus: { vi: ['sen', 'hạt sen', 'trà sen'], en: ['lotus'], palettes: ['plum', 'jade', 'lotus'] },
  reishi: { vi: ['linh chi'], en: ['reishi', 'lingzhi'], palettes: ['jade', 'terracotta', 'coffee'] },
  mushroom: { vi: ['nấm'], en: ['mushroom'], palettes: ['terracotta', 'jade', 'coffee'] },
  ginseng: {
    vi: ['sâm', 'đinh lăng', 'dược liệu', 'thảo dược', 'cao dược liệu'],
    en: ['ginseng', 'herbal', 'herb'],
    palettes: ['jade', 'lime', 'terracotta'],
  },
  turmeric: {
    vi: ['nghệ'],
    en: ['turmeric', 'curcumin'],
    draw: 'ginger',
    variant: { skin: '#c9954a', edge: '#8a5a22', flesh: '#f29a12' },
    palettes: ['turmeric', 'jade', 'terracotta'],
  },
  ginger: {
    vi: ['gừng', 'riềng', 'sả'],
    en: ['ginger', 'galangal', 'lemongrass'],
    palettes: ['turmeric', 'jade', 'lime'],
  },
  garlic: {
    vi: ['tỏi', 'hành tím', 'hành lá', 'kiệu'],
    en: ['garlic', 'onion', 'shallot'],
    palettes: ['plum', 'lotus', 'jade'],
  },
  chili: {
    vi: ['ớt', 'tương ớt'],
    en: ['chili', 'chilli', 'chile'],
    palettes: ['lotus', 'jade', 'turmeric'],
  },
  pepper: {
    vi: ['hồ tiêu', 'tiêu đen', 'tiêu sọ', 'tiêu xanh', 'mắc khén'],
    en: ['pepper', 'peppercorn'],
    palettes: ['jade', 'coffee', 'terracotta'],
  },
  nut: {
    vi: ['điều', 'đậu phộng', 'lạc', 'hạt', 'mắc ca', 'óc chó'],
    en: ['cashew', 'peanut', 'nut', 'macadamia', 'walnut'],
    palettes: ['terracotta', 'jade', 'coffee'],
  },
  corn: { vi: ['ngô', 'bắp'], en: ['corn', 'maize'], palettes: ['turmeric', 'jade', 'lime'] },
  rice: {
    vi: ['gạo', 'lúa', 'cốm', 'nếp', 'bánh tráng', 'bún', 'phở', 'miến'],
    en: ['rice', 'noodle', 'vermicelli', 'rice paper'],
    palettes: ['jade', 'turmeric', 'lime', 'lotus'],
  },
  cake: {
    vi: ['bánh chưng', 'bánh tét'],
    en: ['sticky rice cake', 'banh chung'],
    palettes: ['lotus', 'jade', 'turmeric'],
  },
  candy: {
    vi: ['kẹo', 'mứt'],
    en: ['candy', 'sweet', 'toffee'],
    palettes: ['lotus', 'plum', 'indigo', 'turmeric'],
  },
  wine: {
    vi: ['rượu'],
    en: ['wine', 'liquor', 'spirit'],
    draw: 'bottle',
    form: 'bottle',
    palettes: ['plum', 'indigo', 'coffee'],
  },
  fabric: {
    vi: ['thổ cẩm', 'lụa', 'vải lanh', 'dệt', 'tơ tằm', 'khăn', 'áo'],
    en: ['brocade', 'silk', 'textile', 'fabric', 'scarf', 'weaving'],
    palettes: ['indigo', 'plum', 'lotus', 'terracotta'],
  },
  vase: {
    vi: ['gốm', 'gốm sứ', 'sứ', 'lọ hoa', 'bình gốm', 'sơn mài'],
    en: ['pottery', 'ceramic', 'porcelain', 'lacquer', 'vase'],
    palettes: ['indigo', 'terracotta', 'teal'],
  },
  basket: {
    vi: ['mây tre', 'tre đan', 'mây', 'cói', 'chiếu', 'lục bình', 'đan lát'],
    en: ['rattan', 'bamboo', 'sedge', 'basket', 'wicker', 'sedge mat'],
    palettes: ['terracotta', 'jade', 'teal'],
  },
  hat: { vi: ['nón lá', 'nón'], en: ['conical hat'], palettes: ['terracotta', 'jade', 'lotus'] },
  house: {
    vi: ['du lịch', 'homestay', 'làng', 'nhà'],
    en: ['tourism', 'homestay', 'village', 'tour'],
    palettes: ['sea', 'jade', 'lime'],
  },
  leaf: { vi: [], en: [], palettes: [] },
};

/** Motifs that are secondary when a more specific subject is also present (the "form" of a product). */
const FORM_MOTIFS = new Set(['candy', 'cake', 'wine', 'fishcake']);
/** Motifs that only count as a fallback (too generic to beat a concrete ingredient). */
const WEAK_MOTIFS = new Set(['fish', 'ginseng', 'nut', 'salt', 'house', 'basket', 'vase', 'fabric']);

const GROUP_DEFAULT_MOTIF = {
  food: 'leaf',
  beverages: 'tea',
  herbal: 'ginseng',
  textiles: 'fabric',
  souvenirs: 'vase',
  'rural-tourism': 'house',
};

function keywordRegex(kw) {
  const esc = kw.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${esc}(?![\\p{L}\\p{N}])`, 'u');
}

/**
 * Chooses the motifs for a product. Returns { subject, form } where subject is the ingredient drawn as props
 * and form (optional) is what the product is (candy, cake, wine...).
 */
/** @param {{ slug?: string, name?: LocalName, tags?: string[], group?: string }} product */
export function chooseMotifs({ slug = '', name = {}, tags = [], group = 'food' }) {
  const vi = [name.vi ?? '', ...tags].join(' · ').normalize('NFC').toLowerCase();
  const ascii = toAscii([name.en ?? '', ...tags].join(' · '));
  const slugWords = toAscii(slug).replace(/-/g, ' ');
  const matches = [];
  for (const [key, m] of Object.entries(MOTIFS)) {
    let pos = Infinity;
    for (const kw of m.vi) {
      const hit = vi.match(keywordRegex(kw.normalize('NFC')));
      if (hit) pos = Math.min(pos, hit.index);
    }
    for (const kw of m.en) {
      const hit = ascii.match(keywordRegex(kw));
      if (hit) pos = Math.min(pos, 1000 + hit.index);
    }
    if (pos === Infinity) {
      for (const kw of m.en) if (keywordRegex(toAscii(kw)).test(slugWords)) pos = 5000;
    }
    if (pos !== Infinity) matches.push({ key, pos });
  }
  matches.sort((a, b) => a.pos - b.pos);
  const keys = matches.map((m) => m.key);
  const strong = keys.filter((k) => !FORM_MOTIFS.has(k) && !WEAK_MOTIFS.has(k));
  const weak = keys.filter((k) => WEAK_MOTIFS.has(k));
  const forms = keys.filter((k) => FORM_MOTIFS.has(k));
  let subject = strong[0] ?? weak[0] ?? forms[0] ?? GROUP_DEFAULT_MOTIF[group] ?? 'leaf';
  if (subject === 'wine') subject = 'rice';
  const form = forms.find((f) => f !== subject);
  // a second flavour or ingredient named in the product (kẹo dừa *sầu riêng*), drawn as another prop
  const nameVi = String(name.vi ?? '')
    .normalize('NFC')
    .toLowerCase();
  const nameEn = toAscii(name.en ?? '');
  const inName = (k) =>
    MOTIFS[k].vi.some((kw) => keywordRegex(kw.normalize('NFC')).test(nameVi)) ||
    MOTIFS[k].en.some((kw) => keywordRegex(kw).test(nameEn));
  const accent = strong.find((k) => k !== subject && k !== form && inName(k));
  return { subject, form, accent, matches: keys };
}

function drawMotif(key, palette) {
  const m = MOTIFS[key] ?? MOTIFS.leaf;
  const fn = M[m.draw ?? key] ?? M.leaf;
  return fn(m.variant ?? {}, palette);
}

function place(svg, x, y, scale, rotate = 0) {
  return `<g transform="translate(${r1(x)} ${r1(y)}) rotate(${r1(rotate)}) scale(${r1(scale * 100) / 100})">${svg}</g>`;
}

// ---------------------------------------------------------------------------------------------------------------
// Packages
// ---------------------------------------------------------------------------------------------------------------

function packageFor(subject, form, group, rng) {
  if (MOTIFS[subject]?.form) return MOTIFS[subject].form;
  if (form === 'wine') return 'bottle';
  if (subject === 'coffee' || subject === 'sesame' || subject === 'salt')
    return rng() < 0.75 ? 'pouch' : 'jar';
  if (subject === 'nest') return rng() < 0.5 ? 'box' : 'jar';
  if (form === 'candy' || form === 'cake')
    return ['box', 'box', 'tin', 'pouch', 'jar'][Math.floor(rng() * 5)];
  if (subject === 'honey') return 'jar';
  if (
    ['durian', 'plum', 'longan', 'banana', 'mango', 'dragonfruit', 'pomelo', 'orange', 'lime'].includes(
      subject,
    )
  )
    return rng() < 0.5 ? 'basket' : 'box';
  if (group === 'beverages') return rng() < 0.5 ? 'bottle' : 'tin';
  if (subject === 'tea') return 'tin';
  if (group === 'textiles' || subject === 'fabric') return 'fabric';
  if (group === 'souvenirs' || ['vase', 'basket', 'hat'].includes(subject)) return 'display';
  if (group === 'rural-tourism' || subject === 'house') return 'card';
  if (group === 'herbal') return ['box', 'jar', 'pouch'][Math.floor(rng() * 3)];
  return ['pouch', 'box', 'jar', 'pouch'][Math.floor(rng() * 4)];
}

/** Returns { body, label: {x,y,w,h}, front (svg drawn over the label) }. */
function drawPackage(kind, p, id, subjectSvg) {
  const grad = `<linearGradient id="${id}pk" x1="0" x2="1"><stop offset="0" stop-color="${p.pack}"/><stop offset="0.55" stop-color="${p.pack}"/><stop offset="1" stop-color="${p.dark}"/></linearGradient>`;
  const gloss = `<linearGradient id="${id}gl" x1="0" x2="1"><stop offset="0" stop-color="#fff" stop-opacity="0"/><stop offset="0.5" stop-color="#fff" stop-opacity="0.28"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></linearGradient>`;
  const defs = grad + gloss;
  switch (kind) {
    case 'box':
      return {
        defs,
        body: `<path d="M 270 330 L 330 270 L 790 270 L 730 330 Z" fill="${p.dark}"/><path d="M 730 330 L 790 270 L 790 740 L 730 800 Z" fill="${p.dark}" opacity="0.9"/><rect x="270" y="330" width="460" height="470" fill="url(#${id}pk)"/><rect x="270" y="330" width="460" height="470" fill="none" stroke="${p.accent}" stroke-width="6" stroke-dasharray="2 10" opacity="0.7" transform="translate(0 0)"/><rect x="288" y="348" width="424" height="434" fill="none" stroke="${p.accent}" stroke-width="3"/>`,
        label: { x: 306, y: 400, w: 388, h: 300 },
      };
    case 'tin':
      return {
        defs,
        body: `<rect x="300" y="300" width="400" height="500" fill="url(#${id}pk)"/><ellipse cx="500" cy="800" rx="200" ry="36" fill="${p.dark}"/><rect x="300" y="300" width="400" height="500" fill="url(#${id}gl)"/><rect x="290" y="250" width="420" height="70" rx="10" fill="${p.accent}"/><ellipse cx="500" cy="250" rx="210" ry="36" fill="${p.accent}"/><ellipse cx="500" cy="250" rx="180" ry="26" fill="#fff" opacity="0.25"/>`,
        label: { x: 330, y: 390, w: 340, h: 320 },
      };
    case 'jar':
      return {
        defs: `${defs}<linearGradient id="${id}glass" x1="0" x2="1"><stop offset="0" stop-color="#fff" stop-opacity="0.5"/><stop offset="0.2" stop-color="#fff" stop-opacity="0.1"/><stop offset="0.8" stop-color="#fff" stop-opacity="0.05"/><stop offset="1" stop-color="#000" stop-opacity="0.15"/></linearGradient>`,
        body: `<path d="M 320 330 C 290 360 280 400 280 450 L 280 760 C 280 800 310 820 350 820 L 650 820 C 690 820 720 800 720 760 L 720 450 C 720 400 710 360 680 330 Z" fill="${JAR_FILL[kindFill(subjectSvg)] ?? '#e9a62a'}"/><path d="M 320 330 C 290 360 280 400 280 450 L 280 760 C 280 800 310 820 350 820 L 650 820 C 690 820 720 800 720 760 L 720 450 C 720 400 710 360 680 330 Z" fill="url(#${id}glass)"/><rect x="310" y="250" width="380" height="90" rx="14" fill="${p.pack}"/><rect x="310" y="250" width="380" height="90" rx="14" fill="url(#${id}gl)"/>${[0, 1, 2, 3, 4, 5, 6, 7].map((i) => `<rect x="${326 + i * 46}" y="262" width="8" height="66" rx="4" fill="${p.dark}" opacity="0.5"/>`).join('')}<path d="M 300 420 C 300 380 310 360 330 350" stroke="#fff" stroke-width="14" fill="none" opacity="0.5" stroke-linecap="round"/>`,
        label: { x: 310, y: 450, w: 380, h: 290 },
      };
    case 'bottle':
      return {
        defs,
        body: `<rect x="455" y="130" width="90" height="70" rx="10" fill="${p.accent}"/><path d="M 465 200 L 535 200 L 540 290 C 540 310 640 330 650 400 L 650 800 C 650 820 630 830 610 830 L 390 830 C 370 830 350 820 350 800 L 350 400 C 360 330 460 310 460 290 Z" fill="${p.dark}"/><path d="M 465 200 L 535 200 L 540 290 C 540 310 640 330 650 400 L 650 800 C 650 820 630 830 610 830 L 390 830 C 370 830 350 820 350 800 L 350 400 C 360 330 460 310 460 290 Z" fill="url(#${id}gl)"/><path d="M 380 420 L 380 780" stroke="#fff" stroke-width="16" stroke-linecap="round" opacity="0.25"/><rect x="455" y="230" width="90" height="26" fill="${p.accent}" opacity="0.9"/>`,
        label: { x: 366, y: 460, w: 268, h: 300 },
      };
    case 'basket':
      return {
        defs,
        body: `<path d="M 230 560 L 770 560 L 720 830 L 280 830 Z" fill="#b5834a"/>${[0, 1, 2, 3, 4, 5].map((i) => `<path d="M ${236 + i * 9} ${590 + i * 42} L ${764 - i * 9} ${590 + i * 42}" stroke="#8a5e2c" stroke-width="10"/>`).join('')}${Array.from({ length: 12 }, (_, i) => `<path d="M ${250 + i * 46} 560 L ${290 + i * 39} 830" stroke="#9c6e38" stroke-width="6"/>`).join('')}<rect x="220" y="545" width="560" height="30" rx="14" fill="#c89a5a"/>`,
        label: { x: 290, y: 640, w: 420, h: 150 },
        labelStyle: 'tag',
        pile: true,
      };
    case 'fabric':
      return {
        defs,
        body: '',
        label: { x: 320, y: 600, w: 360, h: 170 },
        labelStyle: 'band',
        fabric: true,
      };
    case 'display':
      return {
        defs,
        body: `<ellipse cx="500" cy="790" rx="300" ry="60" fill="${p.dark}"/><rect x="200" y="730" width="600" height="60" fill="${p.dark}"/><ellipse cx="500" cy="730" rx="300" ry="60" fill="${p.pack}"/>`,
        label: { x: 300, y: 760, w: 400, h: 140 },
        labelStyle: 'tag',
        hero: true,
      };
    case 'card':
      return {
        defs,
        body: '',
        label: { x: 250, y: 640, w: 500, h: 170 },
        labelStyle: 'ticket',
        scene: true,
      };
    default:
      // pouch
      return {
        defs,
        body: `<path d="M 300 250 L 700 250 L 700 300 C 720 420 730 600 720 760 C 718 800 690 830 650 830 L 350 830 C 310 830 282 800 280 760 C 270 600 280 420 300 300 Z" fill="url(#${id}pk)"/><rect x="300" y="230" width="400" height="50" fill="${p.dark}"/>${Array.from({ length: 20 }, (_, i) => `<path d="M ${300 + i * 20} 230 l 10 -10 l 10 10" fill="${p.dark}"/>`).join('')}<path d="M 306 300 H 694" stroke="${p.accent}" stroke-width="4" stroke-dasharray="10 8"/><path d="M 320 320 C 310 450 306 600 318 780" stroke="#fff" stroke-width="14" fill="none" opacity="0.18" stroke-linecap="round"/>`,
        label: { x: 320, y: 420, w: 360, h: 300 },
      };
  }
}
const JAR_FILL = { amber: '#e9a62a', pink: '#d97a6a', dark: '#6b3a22', green: '#6f9a3a', cream: '#efd9a8' };
function kindFill(subject) {
  if (['honey', 'turmeric', 'ginger', 'mango', 'orange'].includes(subject)) return 'amber';
  if (['shrimp', 'crab', 'chili', 'fishsauce', 'plum'].includes(subject)) return 'pink';
  if (['coffee', 'cocoa', 'reishi', 'mushroom', 'pepper'].includes(subject)) return 'dark';
  if (['tea', 'leaf', 'ginseng', 'lime', 'lotus'].includes(subject)) return 'green';
  return 'cream';
}

function ocopBadge(stars, x, y, id) {
  const n = [3, 4, 5].includes(Number(stars)) ? Number(stars) : 3;
  let starsSvg = '';
  const gap = 27;
  for (let i = 0; i < n; i++) starsSvg += star(x - ((n - 1) * gap) / 2 + i * gap, y + 34, 12, '#ffd54a');
  return `<g><defs><radialGradient id="${id}gold" cx="0.35" cy="0.3" r="0.8"><stop offset="0" stop-color="#ffe89a"/><stop offset="0.6" stop-color="#e9b43a"/><stop offset="1" stop-color="#b07a14"/></radialGradient></defs>
<path d="M ${x - 52} ${y + 60} L ${x - 76} ${y + 150} L ${x - 50} ${y + 134} L ${x - 34} ${y + 160} L ${x - 14} ${y + 80} Z" fill="#b3231b"/><path d="M ${x + 52} ${y + 60} L ${x + 76} ${y + 150} L ${x + 50} ${y + 134} L ${x + 34} ${y + 160} L ${x + 14} ${y + 80} Z" fill="#9a1c15"/>
<circle cx="${x}" cy="${y}" r="98" fill="url(#${id}gold)"/>${Array.from({ length: 36 }, (_, i) => {
    const a = (i / 36) * Math.PI * 2;
    return `<circle cx="${r1(x + Math.cos(a) * 90)}" cy="${r1(y + Math.sin(a) * 90)}" r="4" fill="#fff3c2" opacity="0.7"/>`;
  }).join(
    '',
  )}<circle cx="${x}" cy="${y}" r="78" fill="#c62a1f"/><circle cx="${x}" cy="${y}" r="72" fill="none" stroke="#ffd54a" stroke-width="2.5"/>
<text x="${x}" y="${y + 8}" font-family="${FONT_LABEL}" font-weight="700" font-size="42" fill="#fff" text-anchor="middle" letter-spacing="1">OCOP</text>${starsSvg}
<text x="${x}" y="${y - 34}" font-family="${FONT_LABEL}" font-weight="700" font-size="17" fill="#ffe9a6" text-anchor="middle">${n} SAO</text></g>`;
}

function backgroundPattern(kind, p, id, rng) {
  const variant = kind ?? Math.floor(rng() * 3);
  if (variant === 0) {
    return `<pattern id="${id}pt" width="56" height="56" patternUnits="userSpaceOnUse"><circle cx="14" cy="14" r="4" fill="${p.dark}" opacity="0.09"/><circle cx="42" cy="42" r="4" fill="${p.dark}" opacity="0.09"/></pattern>`;
  }
  if (variant === 1) {
    return `<pattern id="${id}pt" width="40" height="40" patternUnits="userSpaceOnUse" patternTransform="rotate(35)"><rect width="16" height="40" fill="${p.dark}" opacity="0.05"/></pattern>`;
  }
  return `<pattern id="${id}pt" width="120" height="104" patternUnits="userSpaceOnUse"><path d="M 0 52 Q 30 22 60 52 T 120 52" stroke="${p.dark}" stroke-width="3" fill="none" opacity="0.08"/><path d="M 0 104 Q 30 74 60 104 T 120 104" stroke="${p.dark}" stroke-width="3" fill="none" opacity="0.05"/></pattern>`;
}

// ---------------------------------------------------------------------------------------------------------------
// Compositions
// ---------------------------------------------------------------------------------------------------------------

/**
 * Square packshot-style cover: group palette, a package with the Vietnamese name on its label, the product's
 * motif as props. No OCOP badge unless showBadge: an image cannot know whether the recognition is still valid,
 * so the site's StarBadge, which does, is the only badge a shopper sees.
 * @param {ProductArt} product
 * @returns {string}
 */
export function productCoverSvg({
  slug,
  name,
  group = 'food',
  tags = [],
  stars = 3,
  provinceName,
  showBadge = false,
}) {
  const nameObj = typeof name === 'string' ? { vi: name, en: name } : (name ?? {});
  const title = nameObj.vi || nameObj.en || slug;
  const seed = hashString(`cover:${slug}`);
  const rng = seededRandom(seed);
  const id = `c${seed.toString(36)}`;
  const { subject, form, accent } = chooseMotifs({ slug, name: nameObj, tags, group });
  const p = pickPalette(group, subject, rng);
  const pkgKind = packageFor(subject, form, group, rng);
  const pkg = drawPackage(pkgKind, p, id, subject);
  const subjectSvg = drawMotif(subject, p);
  const formSvg = form && form !== subject ? drawMotif(form, p) : null;
  const accentSvg = accent ? drawMotif(accent, p) : null;
  const flip = rng() < 0.5 ? -1 : 1;
  const tilt = (rng() - 0.5) * 16;

  let back = '';
  let front = '';
  let scene = '';
  if (pkg.pile) {
    const pile = [
      [380, 520, 1.35, -12],
      [620, 520, 1.35, 14],
      [500, 470, 1.5, tilt],
      [300, 560, 1.1, -30],
      [700, 560, 1.1, 30],
    ];
    back += pile.map(([x, y, s, r]) => place(subjectSvg, x, y, s, r)).join('');
  } else if (pkg.fabric) {
    back += place(M.fabric({}, p), 500, 470, 2.6, 0);
    back += place(M.fabric({}, { ...p, pack: p.dark }), 500, 280, 2.2, 0);
  } else if (pkg.hero) {
    back += place(subjectSvg, 500, 480, 2.7, 0);
  } else if (pkg.scene) {
    scene = landscapeSvg(sceneForProvince(null, regionForGroup(group, rng)), rng, id, {
      clip: `<rect x="150" y="170" width="700" height="620" rx="28"/>`,
    });
    back += place(subjectSvg, 500, 470, 1.6, 0);
  } else {
    back += place(subjectSvg, 500 - flip * 280, 680, 1.4, -flip * 14 + tilt);
    front += place(accentSvg ?? subjectSvg, 500 + flip * 295, 850, 1.3, flip * 12 + tilt);
    front += place(formSvg ?? subjectSvg, 500 - flip * 250, 885, formSvg ? 0.95 : 0.85, -flip * 25);
  }

  // Label
  const L = pkg.label;
  let label = '';
  const bandH = 44;
  const textColor = p.ink;
  const subtitle = provinceName ? `Đặc sản ${provinceName}` : (GROUP_LABELS_VI[group] ?? 'Sản phẩm OCOP');
  if (pkg.labelStyle === 'tag' || pkg.labelStyle === 'ticket') {
    const lw = L.w;
    label += `<g transform="rotate(${pkg.labelStyle === 'tag' ? r1(tilt / 3 - 2) : 0} ${L.x + lw / 2} ${L.y + L.h / 2})"><rect x="${L.x + 6}" y="${L.y + 10}" width="${lw}" height="${L.h}" rx="18" fill="#000" opacity="0.18"/><rect x="${L.x}" y="${L.y}" width="${lw}" height="${L.h}" rx="18" fill="${p.label}" stroke="${p.pack}" stroke-width="6"/><rect x="${L.x + 12}" y="${L.y + 12}" width="${lw - 24}" height="${L.h - 24}" rx="12" fill="none" stroke="${p.accent}" stroke-width="2.5"/>`;
    label += textBlock({
      x: L.x + lw / 2,
      y: L.y + 18,
      width: lw - 60,
      height: L.h - 62,
      text: title,
      fill: textColor,
      maxSize: 58,
      minSize: 24,
      maxLines: 3,
    });
    label += `<text x="${L.x + lw / 2}" y="${L.y + L.h - 22}" font-family="${FONT_SERIF}" font-style="italic" font-size="20" fill="${p.pack}" text-anchor="middle">${escapeXml(subtitle)}</text></g>`;
  } else if (pkg.labelStyle === 'band') {
    label += `<rect x="${L.x - 40}" y="${L.y}" width="${L.w + 80}" height="${L.h}" rx="8" fill="${p.label}"/><rect x="${L.x - 40}" y="${L.y}" width="${L.w + 80}" height="12" fill="${p.accent}"/><rect x="${L.x - 40}" y="${L.y + L.h - 12}" width="${L.w + 80}" height="12" fill="${p.accent}"/>`;
    label += textBlock({
      x: L.x + L.w / 2,
      y: L.y + 18,
      width: L.w,
      height: L.h - 64,
      text: title,
      fill: textColor,
      maxSize: 56,
      minSize: 24,
      maxLines: 3,
    });
    label += `<text x="${L.x + L.w / 2}" y="${L.y + L.h - 26}" font-family="${FONT_SERIF}" font-style="italic" font-size="20" fill="${p.pack}" text-anchor="middle">${escapeXml(subtitle)}</text>`;
  } else {
    const iconSize = 74;
    label += `<rect x="${L.x + 5}" y="${L.y + 8}" width="${L.w}" height="${L.h}" rx="22" fill="#000" opacity="0.15"/><rect x="${L.x}" y="${L.y}" width="${L.w}" height="${L.h}" rx="22" fill="${p.label}"/><path d="M ${L.x} ${L.y + 22} A 22 22 0 0 1 ${L.x + 22} ${L.y} H ${L.x + L.w - 22} A 22 22 0 0 1 ${L.x + L.w} ${L.y + 22} V ${L.y + bandH} H ${L.x} Z" fill="${p.accent}"/>`;
    label += `<text x="${L.x + L.w / 2}" y="${L.y + 30}" font-family="${FONT_LABEL}" font-weight="700" font-size="19" letter-spacing="3" fill="${isDark(p.accent) ? '#ffffff' : p.ink}" text-anchor="middle">${escapeXml(subtitle.toUpperCase())}</text>`;
    label += place(subjectSvg, L.x + L.w / 2, L.y + bandH + 14 + iconSize / 2, iconSize / 200, 0);
    const textTop = L.y + bandH + iconSize + 26;
    label += textBlock({
      x: L.x + L.w / 2,
      y: textTop,
      width: L.w - 44,
      height: L.y + L.h - textTop - 16,
      text: title,
      fill: textColor,
      maxSize: 52,
      minSize: 22,
      maxLines: 4,
    });
  }

  const pattern = backgroundPattern(null, p, id, rng);
  const sunX = 500 + (rng() - 0.5) * 160;
  const sunY = 430 + (rng() - 0.5) * 80;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="1000" viewBox="0 0 1000 1000">
<defs>
<radialGradient id="${id}bg" cx="0.5" cy="0.42" r="0.75"><stop offset="0" stop-color="${p.bg1}"/><stop offset="1" stop-color="${p.bg2}"/></radialGradient>
<linearGradient id="${id}tb" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.dark}" stop-opacity="0.22"/><stop offset="1" stop-color="${p.dark}" stop-opacity="0.35"/></linearGradient>
<filter id="${id}sh" x="-20%" y="-20%" width="140%" height="140%"><feGaussianBlur stdDeviation="18"/></filter>
<filter id="${id}ds" x="-10%" y="-10%" width="120%" height="130%"><feGaussianBlur in="SourceAlpha" stdDeviation="7"/><feOffset dx="6" dy="10"/><feComponentTransfer><feFuncA type="linear" slope="0.28"/></feComponentTransfer><feMerge><feMergeNode/><feMergeNode in="SourceGraphic"/></feMerge></filter>
${pattern}${pkg.defs}
</defs>
<rect width="1000" height="1000" fill="url(#${id}bg)"/>
<rect width="1000" height="1000" fill="url(#${id}pt)"/>
<circle cx="${r1(sunX)}" cy="${r1(sunY)}" r="340" fill="#fff" opacity="0.35"/>
<path d="M 0 760 C 300 730 700 730 1000 760 L 1000 1000 L 0 1000 Z" fill="url(#${id}tb)"/>
<ellipse cx="500" cy="835" rx="330" ry="48" fill="#000" opacity="0.28" filter="url(#${id}sh)"/>
${scene}
<g filter="url(#${id}ds)">${back}</g>
<g filter="url(#${id}ds)">${pkg.body}</g>
${label}
<g filter="url(#${id}ds)">${front}</g>
${showBadge ? ocopBadge(stars, 860, 130, id) : ''}
</svg>`;
  return svg;
}

// ---------------------------------------------------------------------------------------------------------------
// Landscapes for the detail image
// ---------------------------------------------------------------------------------------------------------------

const PROVINCE_SCENES = {
  'ca-mau': 'mangrove',
  'bac-lieu': 'mangrove',
  'soc-trang': 'mangrove',
  'tra-vinh': 'coconut-river',
  'ben-tre': 'coconut-river',
  'vinh-long': 'coconut-river',
  'tien-giang': 'coconut-river',
  'dong-thap': 'ricefield',
  'an-giang': 'ricefield',
  'can-tho': 'coconut-river',
  'hau-giang': 'coconut-river',
  'kien-giang': 'coast',
  'long-an': 'ricefield',
  'son-la': 'terraces',
  'lao-cai': 'terraces',
  'yen-bai': 'terraces',
  'ha-giang': 'terraces',
  'lai-chau': 'terraces',
  'dien-bien': 'terraces',
  'hoa-binh': 'terraces',
  'cao-bang': 'karst',
  'lang-son': 'mountains',
  'bac-kan': 'mountains',
  'tuyen-quang': 'tea-hills',
  'thai-nguyen': 'tea-hills',
  'phu-tho': 'tea-hills',
  'bac-giang': 'orchard',
  'thai-binh': 'ricefield',
  'nam-dinh': 'ricefield',
  'ha-nam': 'ricefield',
  'hung-yen': 'orchard',
  'hai-duong': 'orchard',
  'ninh-binh': 'karst',
  'quang-ninh': 'karst',
  'hai-phong': 'coast',
  'ha-noi': 'ricefield',
  'bac-ninh': 'ricefield',
  'vinh-phuc': 'ricefield',
  'thanh-hoa': 'ricefield',
  'nghe-an': 'tea-hills',
  'ha-tinh': 'orchard',
  'quang-binh': 'karst',
  'quang-tri': 'mountains',
  hue: 'coast',
  'thua-thien-hue': 'coast',
  'da-nang': 'coast',
  'quang-nam': 'coast',
  'quang-ngai': 'coast',
  'binh-dinh': 'coast',
  'phu-yen': 'coast',
  'khanh-hoa': 'coast',
  'ninh-thuan': 'coast',
  'binh-thuan': 'coast',
  'kon-tum': 'highlands',
  'gia-lai': 'highlands',
  'dak-lak': 'highlands',
  'dak-nong': 'highlands',
  'lam-dong': 'highlands',
  'binh-phuoc': 'orchard',
  'tay-ninh': 'ricefield',
  'binh-duong': 'orchard',
  'dong-nai': 'orchard',
  'ba-ria-vung-tau': 'coast',
  'ho-chi-minh': 'coconut-river',
};
const REGION_SCENES = {
  northwest: 'terraces',
  northeast: 'tea-hills',
  'red-river-delta': 'ricefield',
  'north-central': 'ricefield',
  'south-central-coast': 'coast',
  'central-highlands': 'highlands',
  southeast: 'orchard',
  'mekong-delta': 'coconut-river',
};

/**
 * The landscape used for a province (by id), else for its region, else null.
 * @param {string | null | undefined} province
 * @param {string | null | undefined} [region]
 */
export function sceneForProvince(province, region) {
  return PROVINCE_SCENES[province] ?? REGION_SCENES[region] ?? null;
}

function regionForGroup(group, rng) {
  const list = Object.keys(REGION_SCENES);
  return list[Math.floor(rng() * list.length)];
}

function palm(x, y, h, lean, color = '#2f5a2a') {
  const tx = x + lean;
  const ty = y - h;
  let s = `<path d="M ${x} ${y} Q ${x + lean * 0.2} ${y - h * 0.6} ${tx} ${ty}" stroke="#6b4a2a" stroke-width="${h / 22}" fill="none"/>`;
  for (let i = 0; i < 7; i++) {
    const a = -170 + i * 27;
    const rad = (a * Math.PI) / 180;
    const ex = tx + Math.cos(rad) * h * 0.38;
    const ey = ty + Math.sin(rad) * h * 0.2 + h * 0.1;
    s += `<path d="M ${tx} ${ty} Q ${r1((tx + ex) / 2)} ${r1(ty - h * 0.12)} ${r1(ex)} ${r1(ey)}" stroke="${color}" stroke-width="${r1(h / 18)}" fill="none" stroke-linecap="round"/>`;
  }
  s += `<circle cx="${tx}" cy="${ty + 6}" r="${r1(h / 26)}" fill="#5a3a1a"/>`;
  return s;
}

function hills(baseY, amp, color, rng, count = 4) {
  let d = `M 0 ${baseY}`;
  const step = 1000 / count;
  for (let i = 0; i < count; i++) {
    const x1 = i * step + step / 2;
    const y1 = baseY - amp * (0.5 + rng() * 0.8);
    d += ` Q ${r1(x1)} ${r1(y1)} ${r1((i + 1) * step)} ${r1(baseY - amp * 0.1 * rng())}`;
  }
  return `<path d="${d} L 1000 1000 L 0 1000 Z" fill="${color}"/>`;
}

/** A full-frame landscape; `opts.clip` restricts it to a shape. */
function landscapeSvg(scene, rng, id, opts = {}) {
  const skies = [
    ['#ffd9a8', '#fff4e0', '#ffb347'],
    ['#9fd0f0', '#eaf6ff', '#fff2b0'],
    ['#f7b4a8', '#ffe8d6', '#ff8a5c'],
  ];
  const [sk1, sk2, sun] = skies[Math.floor(rng() * skies.length)];
  const sunX = 200 + rng() * 600;
  let s = `<defs><linearGradient id="${id}sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sk1}"/><stop offset="1" stop-color="${sk2}"/></linearGradient>${opts.clip ? `<clipPath id="${id}lc">${opts.clip}</clipPath>` : ''}</defs>`;
  s += `<g${opts.clip ? ` clip-path="url(#${id}lc)"` : ''}><rect width="1000" height="1000" fill="url(#${id}sky)"/><circle cx="${r1(sunX)}" cy="230" r="80" fill="${sun}" opacity="0.85"/>`;
  for (let i = 0; i < 3; i++) {
    const cx = rng() * 1000;
    const cy = 120 + rng() * 150;
    s += `<g opacity="0.8" fill="#fff"><ellipse cx="${r1(cx)}" cy="${r1(cy)}" rx="70" ry="20"/><ellipse cx="${r1(cx + 40)}" cy="${r1(cy - 12)}" rx="40" ry="22"/></g>`;
  }
  switch (scene) {
    case 'mangrove': {
      s += hills(560, 40, '#6f9a7a', rng, 5);
      s += '<rect x="0" y="600" width="1000" height="400" fill="#6aa0a8"/>';
      for (let i = 0; i < 8; i++) {
        const x = 40 + i * 130 + rng() * 40;
        const y = 600 + rng() * 20;
        s += `<g>${[-30, -10, 10, 30].map((dx) => `<path d="M ${x} ${y - 40} Q ${x + dx} ${y - 20} ${x + dx * 1.6} ${y + 10}" stroke="#4a3a26" stroke-width="5" fill="none"/>`).join('')}<ellipse cx="${r1(x)}" cy="${r1(y - 80)}" rx="${r1(70 + rng() * 30)}" ry="${r1(50 + rng() * 20)}" fill="${i % 2 ? '#2f6a3a' : '#3d7c44'}"/></g>`;
      }
      s +=
        '<path d="M 0 720 Q 250 700 500 730 T 1000 720" stroke="#fff" stroke-width="3" fill="none" opacity="0.4"/>';
      break;
    }
    case 'terraces':
    case 'tea-hills':
    case 'mountains': {
      s += hills(430, 160, '#8fb0c8', rng, 3);
      s += hills(520, 150, '#6e9a6a', rng, 3);
      s += hills(650, 160, scene === 'terraces' ? '#c9b24a' : '#4f8a3e', rng, 2);
      const col = scene === 'terraces' ? '#a68a2a' : '#3a6f2e';
      for (let i = 0; i < 12; i++) {
        const y = 560 + i * 38;
        s += `<path d="M -20 ${y} Q 250 ${y - 50 + (i % 3) * 20} 500 ${y - 10} T 1020 ${y - 30}" stroke="${col}" stroke-width="${scene === 'terraces' ? 7 : 12}" fill="none" opacity="0.7" ${scene === 'tea-hills' ? 'stroke-dasharray="14 8" stroke-linecap="round"' : ''}/>`;
      }
      break;
    }
    case 'karst': {
      for (let i = 0; i < 7; i++) {
        const x = rng() * 1000;
        const w = 80 + rng() * 90;
        const h = 220 + rng() * 200;
        s += `<path d="M ${r1(x - w)} 640 C ${r1(x - w)} ${r1(640 - h)} ${r1(x - w * 0.2)} ${r1(640 - h * 1.1)} ${r1(x)} ${r1(640 - h)} C ${r1(x + w * 0.4)} ${r1(640 - h * 1.05)} ${r1(x + w)} ${r1(640 - h * 0.7)} ${r1(x + w)} 640 Z" fill="${i < 3 ? '#9ab8b0' : '#5f8a6e'}"/>`;
      }
      s +=
        '<rect x="0" y="640" width="1000" height="360" fill="#7fb2b4"/><path d="M 380 760 l 120 0 l -20 18 l -80 0 Z" fill="#6b4a2a"/><path d="M 420 760 l 30 -60 l 10 60" fill="#e9cf94"/>';
      break;
    }
    case 'coast': {
      s +=
        '<rect x="0" y="520" width="1000" height="300" fill="#3f8fc0"/><path d="M 0 800 Q 500 740 1000 800 L 1000 1000 L 0 1000 Z" fill="#efd9a0"/>';
      for (let i = 0; i < 8; i++)
        s += `<path d="M ${r1(rng() * 900)} ${r1(560 + rng() * 200)} q 20 -10 40 0 q 20 10 40 0" stroke="#fff" stroke-width="4" fill="none" opacity="0.6"/>`;
      for (let i = 0; i < 3; i++) {
        const x = 150 + i * 280 + rng() * 80;
        const y = 620 + rng() * 80;
        s += `<path d="M ${r1(x)} ${r1(y)} l 120 0 l -20 24 l -80 0 Z" fill="#2f4a6a"/><path d="M ${r1(x + 60)} ${r1(y)} l 0 -90 l 50 80 Z" fill="#e9552a"/>`;
      }
      s += palm(880, 860, 260, -60);
      break;
    }
    case 'highlands': {
      s += hills(460, 120, '#8fae9a', rng, 3);
      s += hills(560, 140, '#4f7e3a', rng, 3);
      s += '<path d="M 0 700 Q 500 600 1000 700 L 1000 1000 L 0 1000 Z" fill="#b9603a"/>';
      for (let r = 0; r < 5; r++)
        for (let c = 0; c < 9; c++) {
          const x = c * 120 + (r % 2) * 60;
          const y = 700 + r * 70;
          s += `<circle cx="${x}" cy="${y}" r="${28 + r * 6}" fill="${r % 2 ? '#2f6a2a' : '#3d7c34'}"/>`;
        }
      break;
    }
    case 'orchard': {
      s += hills(520, 100, '#9cc08a', rng, 4);
      s += '<rect x="0" y="600" width="1000" height="400" fill="#7fae4a"/>';
      for (let r = 0; r < 4; r++)
        for (let c = 0; c < 7; c++) {
          const x = c * 160 + (r % 2) * 80 + 20;
          const y = 640 + r * 100;
          const k = 0.6 + r * 0.25;
          s += `<rect x="${r1(x - 6 * k)}" y="${r1(y)}" width="${r1(12 * k)}" height="${r1(40 * k)}" fill="#6b4a2a"/><circle cx="${x}" cy="${r1(y - 20 * k)}" r="${r1(46 * k)}" fill="#3f7a34"/>${[0, 1, 2].map((j) => `<circle cx="${r1(x - 20 * k + j * 20 * k)}" cy="${r1(y - 30 * k + (j % 2) * 20 * k)}" r="${r1(7 * k)}" fill="#f2b13a"/>`).join('')}`;
        }
      break;
    }
    case 'coconut-river': {
      s += hills(560, 40, '#7fae6a', rng, 5);
      s +=
        '<path d="M 0 640 Q 400 600 1000 660 L 1000 820 Q 500 760 0 840 Z" fill="#5f9a3e"/><path d="M 0 660 Q 400 620 1000 680 L 1000 800 Q 500 750 0 820 Z" fill="#8fb8b0"/><path d="M 100 700 q 40 -8 80 0 M 600 720 q 40 -8 80 0 M 350 750 q 40 -8 80 0" stroke="#fff" stroke-width="4" fill="none" opacity="0.5"/>';
      s += '<path d="M 0 820 Q 500 760 1000 800 L 1000 1000 L 0 1000 Z" fill="#5f9a3e"/>';
      for (let i = 0; i < 7; i++)
        s += palm(
          60 + i * 150 + rng() * 40,
          640 + rng() * 20,
          180 + rng() * 80,
          (rng() - 0.5) * 80,
          i % 2 ? '#2f6a2a' : '#3d7c34',
        );
      s +=
        '<path d="M 420 730 l 160 0 q -10 24 -30 24 l -100 0 q -20 0 -30 -24 Z" fill="#6b3a1a"/><path d="M 470 730 q 30 -40 60 0" fill="#e9cf94"/>';
      break;
    }
    default: {
      // ricefield
      s += hills(500, 60, '#9ab88a', rng, 4);
      s += '<rect x="0" y="540" width="1000" height="460" fill="#8cc04a"/>';
      for (let i = 0; i < 14; i++) {
        s += `<path d="M ${500 + (i - 7) * 30} 540 L ${500 + (i - 7) * 180} 1000" stroke="#6f9a34" stroke-width="4"/>`;
      }
      for (let i = 0; i < 6; i++)
        s += `<path d="M 0 ${560 + i * i * 14} H 1000" stroke="#b9d86a" stroke-width="${2 + i}" opacity="0.6"/>`;
      s += palm(140, 560, 150, 20) + palm(860, 560, 130, -20);
      s +=
        '<path d="M 600 640 L 640 600 L 680 640 Z" fill="#e8cf94"/><rect x="632" y="640" width="16" height="40" fill="#3f5a8a"/>';
    }
  }
  s += '</g>';
  return s;
}

/**
 * Second image: the landscape the product comes from (chosen by province / region), with a close-up of the
 * motif in the foreground on a wooden board. Without a known place, a close-up pattern of the motif instead.
 */
/** @param {ProductArt} product @returns {string} */
export function productDetailSvg({ slug, name, group = 'food', tags = [], province, region }) {
  const nameObj = typeof name === 'string' ? { vi: name, en: name } : (name ?? {});
  const seed = hashString(`detail:${slug}`);
  const rng = seededRandom(seed);
  const id = `d${seed.toString(36)}`;
  const { subject, form } = chooseMotifs({ slug, name: nameObj, tags, group });
  const p = pickPalette(group, subject, rng);
  const subjectSvg = drawMotif(subject, p);
  const scene = sceneForProvince(province, region);
  const flip = rng() < 0.5 ? -1 : 1;
  let body;
  if (scene) {
    body = landscapeSvg(scene, rng, id);
    body += `<path d="M 0 880 L 1000 820 L 1000 1000 L 0 1000 Z" fill="#8a5a32"/><path d="M 0 880 L 1000 820 L 1000 840 L 0 900 Z" fill="#a8744a"/>${[0, 1, 2].map((i) => `<path d="M 0 ${920 + i * 30} L 1000 ${862 + i * 30}" stroke="#6e4524" stroke-width="3" opacity="0.6"/>`).join('')}`;
    body += `<ellipse cx="${500 + flip * 180}" cy="880" rx="260" ry="40" fill="#000" opacity="0.25" filter="url(#${id}bl)"/>`;
    body += `<g filter="url(#${id}ds)">`;
    body += place(subjectSvg, 500 + flip * 230, 720, 2.3, flip * 10);
    body += place(
      form && form !== subject ? drawMotif(form, p) : subjectSvg,
      500 - flip * 130,
      830,
      1.5,
      -flip * 18,
    );
    body += '</g>';
  } else {
    const cells = [];
    for (let r = 0; r < 5; r++)
      for (let c = 0; c < 5; c++) {
        cells.push(
          place(subjectSvg, c * 240 + (r % 2) * 120 - 20, r * 230 + 40, 0.85, ((r * 5 + c) * 37) % 360),
        );
      }
    body = `<rect width="1000" height="1000" fill="${p.bg2}"/><g opacity="0.9">${cells.join('')}</g><rect width="1000" height="1000" fill="${p.pack}" opacity="0.12"/>`;
    body += `<circle cx="500" cy="500" r="300" fill="${p.label}" stroke="${p.accent}" stroke-width="14"/><circle cx="500" cy="500" r="280" fill="none" stroke="${p.pack}" stroke-width="3"/><g filter="url(#${id}ds)">${place(subjectSvg, 500, 500, 2.4, 0)}</g>`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="1000" viewBox="0 0 1000 1000">
<defs><filter id="${id}bl" x="-20%" y="-50%" width="140%" height="200%"><feGaussianBlur stdDeviation="16"/></filter>
<filter id="${id}ds" x="-10%" y="-10%" width="120%" height="130%"><feGaussianBlur in="SourceAlpha" stdDeviation="6"/><feOffset dx="5" dy="9"/><feComponentTransfer><feFuncA type="linear" slope="0.3"/></feComponentTransfer><feMerge><feMergeNode/><feMergeNode in="SourceGraphic"/></feMerge></filter></defs>
<title>${escapeXml(nameObj.vi ?? slug)}</title>
${body}
</svg>`;
}

// ---------------------------------------------------------------------------------------------------------------
// Producer logos
// ---------------------------------------------------------------------------------------------------------------

const LEGAL_WORDS = new Set(
  [
    'công ty',
    'cong ty',
    'tnhh',
    'mtv',
    'một thành viên',
    'cổ phần',
    'cp',
    'hợp tác xã',
    'htx',
    'hộ kinh doanh',
    'hkd',
    'cơ sở',
    'cơ sở sản xuất',
    'tổ hợp tác',
    'doanh nghiệp tư nhân',
    'dntn',
    'sản xuất',
    'thương mại',
    'tổng hợp',
    'dịch vụ',
    'nông nghiệp',
    'xuất nhập khẩu',
    'đầu tư',
    'phát triển',
    'chế biến',
    'kinh doanh',
    'và',
    'tm',
    'dv',
    'sx',
    'xnk',
    'co',
    'ltd',
    'jsc',
    'company',
    'cooperative',
  ].map((w) => w.normalize('NFC')),
);

/** Initials of a producer name, skipping legal-form words ("Công ty TNHH ... Đông Á" → "ĐA"). */
export function initialsFor(name) {
  let text = ` ${String(name ?? '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[.,()]/g, ' ')} `;
  const phrases = [...LEGAL_WORDS].sort((a, b) => b.length - a.length);
  for (const ph of phrases) text = text.replace(new RegExp(`(?<=\\s)${ph}(?=\\s)`, 'gu'), ' ');
  let words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (!words.length)
    words = String(name ?? '?')
      .split(/\s+/)
      .filter(Boolean);
  const picked = words.length > 3 ? words.slice(-3) : words;
  return picked
    .map((w) => {
      const first = [...w][0];
      return first === 'đ' || first === 'Đ' ? 'Đ' : first.normalize('NFD')[0].toUpperCase();
    })
    .join('')
    .slice(0, 3);
}

/** @param {{ id: string, name: string, kind?: string }} producer @returns {string} */
export function producerLogoSvg({ id, name, kind = 'enterprise' }) {
  const seed = hashString(`logo:${id}`);
  const rng = seededRandom(seed);
  const names = Object.keys(PALETTES);
  const p = PALETTES[names[Math.floor(rng() * names.length)]];
  const initials = initialsFor(name);
  const sid = `l${seed.toString(36)}`;
  const size = initials.length >= 3 ? 70 : initials.length === 2 ? 92 : 118;
  let shape;
  let ty;
  if (kind === 'cooperative') {
    // round seal with a wreath of rice grains
    let grains = '';
    for (let i = 0; i < 26; i++) {
      const a = (Math.PI * 2 * i) / 26;
      if (i === 0 || i === 13) continue;
      const x = 128 + Math.cos(a + Math.PI / 2) * 100;
      const y = 128 + Math.sin(a + Math.PI / 2) * 100;
      grains += `<ellipse cx="${r1(x)}" cy="${r1(y)}" rx="5" ry="11" transform="rotate(${r1((a * 180) / Math.PI + 90 + 25)} ${r1(x)} ${r1(y)})" fill="${p.accent}"/>`;
    }
    shape = `<circle cx="128" cy="128" r="122" fill="${p.pack}"/><circle cx="128" cy="128" r="114" fill="none" stroke="${p.label}" stroke-width="3"/>${grains}<circle cx="128" cy="128" r="82" fill="${p.dark}"/>${star(128, 66, 10, p.accent)}`;
    ty = 140 + size * 0.3;
  } else if (kind === 'business-household') {
    // a house: roof over a rounded body
    shape = `<path d="M 128 10 L 246 110 L 218 110 L 218 232 Q 218 246 204 246 L 52 246 Q 38 246 38 232 L 38 110 L 10 110 Z" fill="${p.pack}"/><path d="M 128 34 L 216 108" stroke="${p.accent}" stroke-width="8" stroke-linecap="round"/><path d="M 128 34 L 40 108" stroke="${p.accent}" stroke-width="8" stroke-linecap="round"/><rect x="58" y="122" width="140" height="106" rx="10" fill="${p.dark}"/>`;
    ty = 175 + size * 0.3;
  } else {
    // enterprise: bold rounded square with an inner rule
    shape = `<rect x="8" y="8" width="240" height="240" rx="48" fill="${p.pack}"/><rect x="24" y="24" width="208" height="208" rx="36" fill="none" stroke="${p.accent}" stroke-width="6"/><path d="M 40 200 Q 128 176 216 200" stroke="${p.label}" stroke-width="4" fill="none" opacity="0.6"/>`;
    ty = 120 + size * 0.36;
  }
  const fs =
    kind === 'business-household'
      ? Math.round(size * 0.78)
      : kind === 'cooperative'
        ? Math.round(size * 0.82)
        : size;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256" data-id="${escapeXml(sid)}">
<title>${escapeXml(name)}</title>
${shape}
<text x="128" y="${r1(ty)}" font-family="${FONT_SERIF}" font-weight="700" font-size="${fs}" fill="${p.label}" text-anchor="middle">${escapeXml(initials)}</text>
</svg>`;
}

export const MOTIF_KEYS = Object.keys(MOTIFS);
