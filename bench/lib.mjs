// Shared benchmark helpers: machine facts, percentiles, peak RSS of a child process, command-line
// options, and the report lines a benchmark prints and may write into bench/RESULTS.md.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

export function machine() {
  return `${cpus().length} cores (${cpus()[0]?.model?.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs a command, sampling its peak resident set (VmHWM) from /proc; returns wall time and peak RSS. */
export function runMeasured(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    let out = '';
    let err = '';
    let peakKb = 0;
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        // the process has ended
      }
    };
    const timer = setInterval(sample, 50);
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve({ code, out, err, seconds: Number(process.hrtime.bigint() - t0) / 1e9, peakMb: Math.round(peakKb / 1024) });
    });
    sample();
  });
}

/** The value after `--name` on the command line, or the fallback. */
export function option(name, fallback) {
  const argv = process.argv.slice(2);
  return argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : fallback;
}

/** A report: `say` prints a line and keeps it in `lines` (for writeResultsSection). */
export function report() {
  const lines = [];
  return {
    lines,
    say(s) {
      console.log(s);
      lines.push(s);
    },
  };
}

/** Replaces the section that starts with `head` in bench/RESULTS.md (or appends it) with `body` lines. */
export function writeResultsSection(head, body) {
  const file = join(import.meta.dirname, 'RESULTS.md');
  const section = [head, '', ...body].join('\n');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n\n';
  const start = current.indexOf(head);
  const next = start >= 0 ? current.indexOf('\n## ', start + head.length) : -1;
  const updated = start < 0 ? current.trimEnd() + '\n\n' + section : current.slice(0, start) + section + (next >= 0 ? current.slice(next + 1) : '');
  writeFileSync(file, updated);
  console.log(`wrote ${file}`);
}
