// Renders the PNG versions of the town's marks once (committed in public/): the web app manifest's icons and the
// logo the e-mails show (mail clients do not all show SVG). Run `node scripts/icons.mjs` after changing an SVG.
// sharp comes with Next.js (image optimisation); its SVG renderer uses the system's fonts for the logo's text.
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';

const icon = await readFile('app/icon.svg');
for (const size of [192, 512]) {
  await sharp(icon, { density: (72 * size) / 64 })
    .resize(size, size)
    .png()
    .toFile(`public/icon-${size}.png`);
}
// maskable: the mark inside the safe zone (80 %), on the brand colour to the edges
const maskable = Buffer.from(
  icon
    .toString()
    .replace('viewBox="0 0 64 64"', 'viewBox="-8 -8 80 80"')
    .replace('<rect width="64" height="64" rx="12"', '<rect x="-8" y="-8" width="80" height="80"'),
);
await sharp(maskable, { density: (72 * 512) / 64 })
  .resize(512, 512)
  .png()
  .toFile('public/icon-maskable-512.png');
await sharp(icon, { density: (72 * 180) / 64 })
  .resize(180, 180)
  .png()
  .toFile('app/apple-icon.png');
// the e-mails' logo: 260 × 64 shown, drawn at twice that for sharp screens
const logo = await readFile('public/logo.svg');
await sharp(logo, { density: 144 }).resize(520, 128).png().toFile('public/logo-email.png');
console.log('public/icon-192.png, icon-512.png, icon-maskable-512.png, app/apple-icon.png, public/logo-email.png');
