// Build step: the app icon (resources/icons/256x256.png) as the tile's BITMAP resource. LogonUI takes an
// HBITMAP without transparency and crops it to a circle on Windows 10/11, so transparent pixels are laid
// on the icon's own blue. The icon is drawn in blue and white only (make-icons.sh), so every pixel lies on
// the blue→white line: an 8-bit BMP with a 256-step blue→white palette holds it exactly (64 KB instead of
// 192 KB for 24-bit), and the build fails if a future icon uses other colours.
// Usage: node png-to-bmp.mjs <in.png> <out.bmp>
import { readFileSync, writeFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

const BLUE = [0x1f, 0x5f, 0xa8];
const WHITE = [0xff, 0xff, 0xff];
const MAX_ERROR = 8; // per channel, out of 255: the resized edges stray from the line by up to 7

function decodePng(file) {
  const png = readFileSync(file);
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error(`${file}: not a PNG`);
  let offset = 8;
  let header;
  const data = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR')
      header = {
        width: body.readUInt32BE(0),
        height: body.readUInt32BE(4),
        depth: body[8],
        color: body[9],
        interlace: body[12],
      };
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const channels = { 2: 3, 6: 4 }[header?.color];
  if (!channels || ![8, 16].includes(header.depth) || header.interlace !== 0)
    throw new Error(`${file}: only non-interlaced 8/16-bit RGB(A) PNGs are supported`);
  const bpp = (channels * header.depth) / 8;
  const stride = header.width * bpp;
  const raw = inflateSync(Buffer.concat(data));
  const pixels = Buffer.alloc(stride * header.height);
  for (let y = 0; y < header.height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? pixels[y * stride + x - bpp] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= bpp && y > 0 ? pixels[(y - 1) * stride + x - bpp] : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
      if (predictor === undefined) throw new Error(`${file}: bad PNG filter ${filter}`);
      pixels[y * stride + x] = (line[x] + predictor) & 0xff;
    }
  }
  const sample = (i) => (header.depth === 16 ? pixels.readUInt16BE(i * 2) / 65535 : pixels[i] / 255);
  const rgba = (x, y) => {
    const i = (y * header.width + x) * channels;
    return [sample(i), sample(i + 1), sample(i + 2), channels === 4 ? sample(i + 3) : 1];
  };
  return { width: header.width, height: header.height, rgba };
}

function toPaletteBmp({ width, height, rgba }) {
  const palette = Array.from({ length: 256 }, (_, i) => BLUE.map((b, k) => Math.round(b + ((WHITE[k] - b) * i) / 255)));
  const rowBytes = Math.ceil(width / 4) * 4;
  const pixelOffset = 14 + 40 + 256 * 4;
  const bmp = Buffer.alloc(pixelOffset + rowBytes * height);
  bmp.write('BM', 0, 'latin1');
  bmp.writeUInt32LE(bmp.length, 2);
  bmp.writeUInt32LE(pixelOffset, 10);
  bmp.writeUInt32LE(40, 14); // BITMAPINFOHEADER
  bmp.writeInt32LE(width, 18);
  bmp.writeInt32LE(height, 22); // positive: bottom-up rows
  bmp.writeUInt16LE(1, 26);
  bmp.writeUInt16LE(8, 28);
  bmp.writeUInt32LE(rowBytes * height, 34); // BI_RGB, uncompressed
  bmp.writeUInt32LE(256, 46);
  palette.forEach(([r, g, b], i) => bmp.writeUInt32LE((r << 16) | (g << 8) | b, 54 + i * 4));
  let worst = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b, a] = rgba(x, y);
      const rgb = [r, g, b].map((v, k) => v * 255 * a + BLUE[k] * (1 - a)); // over the icon's blue
      const t =
        rgb.reduce((s, v, k) => s + (v - BLUE[k]) * (WHITE[k] - BLUE[k]), 0) /
        WHITE.reduce((s, w, k) => s + (w - BLUE[k]) ** 2, 0);
      const index = Math.min(255, Math.max(0, Math.round(t * 255)));
      worst = Math.max(worst, ...rgb.map((v, k) => Math.abs(v - palette[index][k])));
      bmp[pixelOffset + (height - 1 - y) * rowBytes + x] = index;
    }
  }
  if (worst > MAX_ERROR)
    throw new Error(`icon is not blue/white only (max colour error ${worst.toFixed(1)}): extend png-to-bmp.mjs`);
  return bmp;
}

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node png-to-bmp.mjs <in.png> <out.bmp>');
  process.exit(2);
}
writeFileSync(output, toPaletteBmp(decodePng(input)));
