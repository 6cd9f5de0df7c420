// `npm run bench:ask`: offline answer latency of one chat turn (handleMessage, in-process) on the
// sample data and on the generated 10,000-account data set, and the wall time of `kam ask` as a
// process, on the embedded database or (DATABASE_URL set) on that PostgreSQL server. Targets (issue 4): p95 < 150 ms in-process at 10,000 accounts; `kam ask` < 1.5 s wall.
// Options: --sizes 10000 (generated sizes; 0 to skip), --rounds N (repetitions of the question
// set, default 5), --write (replace the "ask" section of bench/RESULTS.md with the results).
// Run with tsx (bench/run.mjs does): node --import tsx bench/ask.mjs
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';
import { generate } from './generate.mjs';
import { benchDatabase, engineLabel, machine, option, percentile, report, runMeasured, writeResultsSection } from './lib.mjs';
import { importDir } from '../src/importing/import-dir.ts';
import { afterImportSteps } from '../src/importing/after-import.ts';
import { refreshPlannerStatistics } from '../src/store/planner-statistics.ts';
import { refreshAccountLatinKeys } from '../src/nlu/latin-keys.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/app.ts';
import { handleMessage } from '../src/conversation/engine.ts';

const sizes = option('sizes', '10000').split(',').map(Number).filter((n) => n > 0);
const rounds = Number(option('rounds', '5'));
const write = process.argv.includes('--write');
const TZ = 'Asia/Shanghai';
const AT = new Date('2026-11-24T10:00:00+08:00');
const SAMPLE = join(import.meta.dirname, '..', '..', 'shared', 'sample-data');
const { lines, say } = report();

// target: a benchDatabase (embedded data dir or a server database); imported once, reused later
// (an embedded dir keeps a marker file; a server database is reused while it has accounts).
async function openImported(target, dataDir, marker) {
  const db = await target.open();
  const fresh = target.kind === 'server' ? (await db.query('SELECT count(*)::int AS n FROM accounts')).rows[0].n === 0 : !existsSync(join(target.dir, marker));
  if (fresh) {
    const t0 = Date.now();
    // Only the CRM rows matter here: health snapshots and retrieval chunks (after-import steps)
    // are not read by the questions below, and building them for a million interactions takes long.
    const steps = afterImportSteps.splice(0);
    await importDir(db, dataDir, TZ);
    afterImportSteps.push(...steps);
    await refreshPlannerStatistics(db);
    if (target.kind !== 'server') writeFileSync(join(target.dir, marker), new Date().toISOString());
    console.log(`  (imported ${dataDir} in ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
  // A data dir imported before migration 011 gets its pinyin keys now (a no-op when current).
  await refreshAccountLatinKeys(db);
  return db;
}

async function measure(label, db, questions) {
  const config = loadConfig({ KAM_DEMO: 'false', KAM_TIMEZONE: TZ });
  const app = { db, config, log: createLogger('warn') };
  // One warm-up pass: module loading and first-query planning are not per-turn costs.
  for (const q of questions) await turn(app, q, 'warmup');
  const times = [];
  const cpu = [];
  const perType = new Map();
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const reply = await turn(app, q, `bench-${r}`);
      const ms = performance.now() - t0;
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
      if (!reply.text) throw new Error(`empty reply to ${q.text}`);
      times.push(ms);
      perType.set(q.type, [...(perType.get(q.type) ?? []), ms]);
    }
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  say(`| ${label} | ${times.length} | ${percentile(times, 50).toFixed(0)} | ${percentile(times, 95).toFixed(0)} | ${times.at(-1).toFixed(0)} | ${percentile(cpu, 50).toFixed(0)} | ${percentile(cpu, 95).toFixed(0)} |`);
  const slow = [...perType.entries()].map(([type, ts]) => [type, ts.sort((a, b) => a - b)]).sort((a, b) => percentile(b[1], 95) - percentile(a[1], 95));
  console.log(`  slowest question types (p95 ms): ${slow.slice(0, 4).map(([t, ts]) => `${t} ${percentile(ts, 95).toFixed(0)}`).join(', ')}`);
}

let seq = 0;
function turn(app, q, tag) {
  return handleMessage(app, { platform: 'cli', platformUserId: q.user, userId: q.user, chatId: `${tag}-${++seq}`, chatType: 'p2p', mentioned: true, text: q.text, receivedAt: AT, now: AT });
}

const SAMPLE_QUESTIONS = JSON.parse(readFileSync(join(SAMPLE, '..', 'checks', 'questions.json'), 'utf8')).questions.map((q, i) => ({ user: q.user, text: q.text, type: `q${i + 1}` }));

function generatedQuestions(dataDir) {
  const rows = readFileSync(join(dataDir, 'accounts.csv'), 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split(','));
  const owned = rows.filter((r) => r[8] === 's_00000');
  const [a, b] = owned;
  const latin = (name) => (pinyin(name.replace(/\d+$/, '').replace(/工程集团$/, ''), { toneType: 'none', type: 'array' }).join(' ') + ' group');
  const out = [];
  for (const user of ['s_00000', 'm_0000', 'u_admin']) {
    out.push(
      { user, type: 'last_exec', text: `${a[1]}最近一次高层拜访是什么时候?` },
      { user, type: 'decision_chain', text: `${a[1]}的关键决策人是谁?` },
      { user, type: 'tree', text: `${a[1]}有哪些下属公司?` },
      { user, type: 'budget', text: `${b[2]}今年预算执行到多少了?` },
      { user, type: 'contracts', text: `${b[1]}的合同什么时候到期?` },
      { user, type: 'tickets', text: `${a[1]}有哪些未解决的工单?` },
      { user, type: 'overview', text: `介绍一下${b[1]}` },
      { user, type: 'english', text: `When did we last meet an executive at ${a[1]}?` },
      { user, type: 'pinyin', text: `Open tickets at ${latin(a[1])}?` },
      { user, type: 'not_found', text: '西山矿业的合同什么时候到期?' },
      { user, type: 'help', text: '你能做什么?' },
      { user, type: 'orders', text: `${a[1]}过去一年下了多少单?` },
      { user, type: 'orders_period', text: `${b[1]}上季度买了多少` },
      { user, type: 'traditional', text: `${a[1]}的合同什麼時候到期` },
      { user, type: 'small_talk', text: '你好' },
    );
  }
  out.push({ user: 's_00000', type: 'team_silence', text: '我的客户里哪些超过30天没有高层互动?' }, { user: 'm_0001', type: 'team_silence', text: '我团队里哪些客户超过30天没有高层互动?' });
  out.push({ user: 'm_0001', type: 'team_rank', text: '团队里哪个客户今年买得最多' }, { user: 's_00000', type: 'next_steps', text: '本月有哪些下一步要到期' }, { user: 'm_0001', type: 'team_tier_tickets', text: 'S级客户里哪些有未解决工单' });
  return out;
}

async function processWall(target, user, text, n) {
  const env = { ...target.env, TZ };
  for (const k of ['OPENAI_API_KEY', 'OPENAI_BASE_URL']) delete env[k];
  const walls = [];
  let peak = 0;
  for (let i = 0; i < n; i++) {
    const r = await runMeasured('./bin/kam', ['ask', '--user', user, '--at', AT.toISOString(), text], { env });
    if (r.code !== 0) throw new Error(r.err);
    walls.push(r.seconds);
    peak = Math.max(peak, r.peakMb);
  }
  walls.sort((x, y) => x - y);
  return { median: percentile(walls, 50), max: walls.at(-1), peak };
}

say(`Machine: ${machine()}; load average at start ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);
say('');
say('| data set (offline engine, handleMessage in-process) | turns | p50 ms | p95 ms | max ms | CPU p50 ms | CPU p95 ms |');
say('|---|---|---|---|---|---|---|');
const sampleTarget = await benchDatabase('ask_sample', { dir: mkdtempSync(join(tmpdir(), 'kam-bench-ask-sample-')) });
const sampleDb = await openImported(sampleTarget, SAMPLE, '.imported');
say(`Engine: ${await engineLabel(sampleDb)}`);
say('');
await measure('sample (8 accounts), the 11 EXPECTED questions', sampleDb, SAMPLE_QUESTIONS);
await sampleDb.close();

const bigDirs = [];
for (const n of sizes) {
  const data = join(tmpdir(), `kam-bench-gen-${n}`);
  if (!existsSync(join(data, 'budgets.csv'))) await generate({ accounts: n, out: data, seed: 42 });
  const target = await benchDatabase(`ask_${n}`, { dir: join(tmpdir(), `kam-bench-ask-db-${n}`), keep: true });
  const db = await openImported(target, data, '.imported');
  await measure(`generated ${n.toLocaleString('en-US')} accounts (users with 60, ~600 and all ${n.toLocaleString('en-US')} accounts)`, db, generatedQuestions(data));
  await db.close();
  bigDirs.push([n, target, data]);
}

say('');
say('| `kam ask` as a process (open the database, one turn, close) | runs | median s | max s | peak RSS MB |');
say('|---|---|---|---|---|');
const w = await processWall(sampleTarget, 'u_zhang', '中建华东最近一次高层拜访是什么时候?', 5);
say(`| sample data | 5 | ${w.median.toFixed(2)} | ${w.max.toFixed(2)} | ${w.peak} |`);
for (const [n, target, data] of bigDirs) {
  const q = generatedQuestions(data)[0];
  const big = await processWall(target, 'u_admin', q.text, 3);
  say(`| generated ${n.toLocaleString('en-US')} accounts, as u_admin | 3 | ${big.median.toFixed(2)} | ${big.max.toFixed(2)} | ${big.peak} |`);
}
await sampleTarget.drop();
const help = await runMeasured('./bin/kam', ['--help'], { env: { ...process.env, KAM_DEMO: 'false' } });
say(`| \`kam --help\` (module loading only, for comparison) | 1 | ${help.seconds.toFixed(2)} | ${help.seconds.toFixed(2)} | ${help.peakMb} |`);
say('');
say('Notes: the load average is printed above; on a busy machine wall times stretch (up to ~5x at load 10 on 2 cores), so the');
say('CPU columns (process.cpuUsage around each turn, PGlite runs on the same thread) are the better guide to an idle machine.');
say('The generated set is imported without the after-import steps (retrieval chunks, health backfill): no question here reads them.');
say('Most of a `kam ask` process is start-up, not the turn: compare with `kam --help`, which loads the same command modules.');

// Kept with the results on --write (they are written by hand, from the measurements above).
const NOTES = `What changed since the first measurement (6.9 s per \`kam ask\` at load 9): the CLI runs one esbuild
bundle of the sources instead of several hundred modules through tsx's loader (bin/kam, rebuilt
automatically when a source changes), the OpenAI SDK, chrono-node and the text splitter load only
when used, the database opens while the engine loads, and account mentions are looked up in a GIN
index of two-character runs (migration 070) instead of a LIKE over every name (cold 557 ms → 209 ms
at 10,000 accounts as an admin). What is left of a \`kam ask\` is mostly PGlite itself: creating the
embedded instance costs ≈ 0.6 s of CPU (WASM start and its file system), the module load ≈ 0.3 s.
Targets: in-process p95 < 150 ms at 10,000 accounts — met (137 ms, CPU 138 ms); \`kam ask\` < 1.5 s —
met on the sample data (median 1.48 s, ≈ 1.25–1.4 s with nothing else running), not at 10,000
accounts as an admin (1.76 s: the first queries read a cold 1.2 M-row database).`;

if (write) {
  writeResultsSection(`## ask: conversation engine (issue 4)${process.env.DATABASE_URL ? ', PostgreSQL server' : ''}`, [`Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:ask\` (bench/ask.mjs).`, '', ...lines, '', NOTES, '']);
}
