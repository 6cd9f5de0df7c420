// SVG → PNG for chat platforms that show pictures, not markup (resvg, in process). Chinese text
// needs a CJK font: the first one found among the usual system font folders is loaded by file
// (Debian: apt-get install fonts-wqy-zenhei or fonts-noto-cjk); without one, text falls back to
// whatever system font there is and CJK glyphs may show as boxes, which is logged once.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const FONT_DIRS = ['/usr/share/fonts', '/usr/local/share/fonts', join(homedir(), '.local/share/fonts'), join(homedir(), '.fonts'), '/System/Library/Fonts', '/Library/Fonts', 'C:\\Windows\\Fonts'];
/** File names of fonts with Chinese glyphs, best first. */
const CJK_FONT = [/wqy-?zenhei/i, /NotoSansCJK/i, /NotoSansSC/i, /SourceHanSans/i, /wqy-?microhei/i, /DroidSansFallback/i, /PingFang/i, /msyh/i, /simhei/i];

let cjkFont: string | null | undefined;

/** Path of a CJK font file on this machine, or null. */
export function findCjkFont(dirs = FONT_DIRS): string | null {
  const files: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > 4 || !existsSync(dir)) return;
    for (const name of safeList(dir)) {
      const path = join(dir, name);
      if (/\.(ttf|ttc|otf)$/i.test(name)) files.push(path);
      else if (isDir(path)) walk(path, depth + 1);
    }
  };
  for (const dir of dirs) walk(dir, 0);
  for (const pattern of CJK_FONT) {
    const hit = files.find((f) => pattern.test(f));
    if (hit) return hit;
  }
  return null;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export interface PngOptions {
  /** Scale factor for sharper pictures on high-density phone screens. */
  scale?: number;
  /** Called once when no CJK font was found. */
  onMissingFont?: () => void;
}

export function svgToPng(svg: string, opts: PngOptions = {}): Buffer {
  if (cjkFont === undefined) {
    cjkFont = findCjkFont();
    if (!cjkFont) opts.onMissingFont?.();
  }
  const resvg = new Resvg(svg, {
    background: '#ffffff',
    fitTo: { mode: 'zoom', value: opts.scale ?? 2 },
    font: { loadSystemFonts: true, fontFiles: cjkFont ? [cjkFont] : [] },
  });
  return resvg.render().asPng();
}
