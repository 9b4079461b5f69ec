import QRCode from 'qrcode';

/** An inline SVG QR code for a URL (error correction M survives a scuffed label). */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 1,
    color: { dark: '#000000', light: '#ffffff' },
  });
}
