// The HTML document around every console page: head, stylesheet, script, and the language.
import type { Lang } from '../../../../prompts/index.ts';
import { ct } from '../../../../prompts/console.ts';
import { html, type Html } from '../html.ts';
import { ASSET_VERSION } from '../routes/assets.ts';

export function shell(lang: Lang, title: string, body: Html, opts: { script?: boolean } = {}): Html {
  return html`<!doctype html>
<html lang="${ct('html_lang', lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${ct('app_name', lang)}</title>
<link rel="stylesheet" href="/console/assets/console.css?v=${ASSET_VERSION}">
${opts.script !== false ? html`<script src="/console/assets/console.js?v=${ASSET_VERSION}" defer></script>` : ''}
</head>
<body>
${body}
</body>
</html>`;
}
