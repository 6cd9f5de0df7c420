// The human start banner of `kam start` in a terminal: where to open the console, whom to act as,
// which platforms are connected, LLM or offline. Not printed when stdout is a pipe or a file
// (there the JSON log line "KAM Assistant is running" says the same).
import type { AppContext } from '../app.ts';
import { bannerTexts } from '../../prompts/start-banner.ts';
import { t } from '../../prompts/index.ts';
import { suggestedConsoleUser } from '../store/banner-queries.ts';

export async function startBanner(app: AppContext, o: { url: string; platforms: string[] }): Promise<string> {
  const lang = app.config.lang;
  const { config } = app;
  const user = await suggestedConsoleUser(app.db);
  const lines = [
    t(bannerTexts, 'running', lang, { url: o.url }),
    user
      ? t(bannerTexts, 'pickUser', lang, { name: user.name, id: user.id, role: user.role, reports: user.reports ? t(bannerTexts, 'reports', lang, { count: user.reports }) : '' })
      : t(bannerTexts, 'noUsers', lang),
    t(bannerTexts, config.apiToken ? 'token' : 'loopback', lang),
    o.platforms.length ? t(bannerTexts, 'platforms', lang, { list: o.platforms.join(', ') }) : t(bannerTexts, 'noPlatforms', lang),
    config.llm ? t(bannerTexts, 'llm', lang, { model: config.llm.model }) : t(bannerTexts, 'offline', lang),
    t(bannerTexts, 'data', lang, { where: config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : config.dataDir }),
    t(bannerTexts, 'stop', lang),
  ];
  return lines.join('\n') + '\n';
}
