// `kam rules` lists every tunable setting (rule thresholds, health weights, schedules, outbox);
// `kam rules set KEY VALUE` changes one (validated), `kam rules reset KEY` restores its default.
import type { Command } from 'commander';
import { withApp } from '../context.ts';
import { ALL_SETTINGS, findSetting, loadTunables, resetTunable, setTunable } from '../../insights/settings.ts';
import { rulesTexts, settingDescriptions } from '../../../prompts/insights.ts';
import { t } from '../../../prompts/index.ts';

const show = (v: unknown) => (Array.isArray(v) ? v.join(',') : typeof v === 'string' ? v : JSON.stringify(v));

export function register(program: Command) {
  const rules = program
    .command('rules')
    .description('list alert thresholds and the other tunable settings; `set KEY VALUE` changes one')
    .option('--json', 'print [{"key","value","default","changed"}]')
    .action(async (opts: { json?: boolean }) => {
      await withApp(async (app) => {
        const tun = await loadTunables(app.db);
        const lang = app.config.lang;
        const rows = ALL_SETTINGS.map((d) => ({ key: d.key, value: tun.values.get(d.key), default: d.default, changed: tun.changed.has(d.key) }));
        if (opts.json) {
          process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
          return;
        }
        console.log(t(rulesTexts, 'header', lang));
        const width = Math.max(...rows.map((r) => r.key.length));
        for (const r of rows) {
          const desc = settingDescriptions[r.key] ? t(settingDescriptions, r.key, lang) : '';
          console.log(`${r.changed ? '*' : ' '} ${r.key.padEnd(width)}  ${show(r.value).padEnd(12)}  ${desc}`);
        }
      });
    });
  rules
    .command('set')
    .argument('<key>', 'e.g. exec_silence.days')
    .argument('<value>', 'e.g. 60, true, S,A or "0 9 * * *"')
    .description('change one setting (validated; an unknown key or a bad value exits 1)')
    .action(async (key: string, value: string) => {
      findSetting(key);
      await withApp(async (app) => {
        const saved = await setTunable(app.db, key, value, new Date());
        console.log(t(rulesTexts, 'saved', app.config.lang, { key, value: show(saved), default: show(findSetting(key).default) }));
      });
    });
  rules
    .command('reset')
    .argument('<key>', 'e.g. exec_silence.days')
    .description('restore the default of one setting')
    .action(async (key: string) => {
      await withApp(async (app) => {
        await resetTunable(app.db, key);
        console.log(t(rulesTexts, 'reset', app.config.lang, { key, default: show(findSetting(key).default) }));
      });
    });
}
