// Profiling helper (not committed): starts our server under --cpu-prof, drives the billing scenario.
const { spawn } = require('child_process');
const fs = require('fs'); const os = require('os'); const path = require('path');
const { MessagesDriver } = require('./dist/bench/lib/messagesDriver');
const { runLoad } = require('./dist/bench/lib/loadGenerator');
const { OutboxCodeReader } = require('./dist/bench/lib/outboxCodes');
const { writeDirectory } = require('./dist/bench/lib/people');
const { BillingScenario } = require('./dist/bench/lib/scenario');
(async () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'prof-'));
  const directory = path.join(work, 'directory.json');
  const askers = writeDirectory(directory, 1500);
  const dbPath = path.join(work, 'bot.sqlite');
  const port = 4567;
  const args = process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir=/work/prof'] : [];
  const child = spawn(process.execPath, [...args, '--disable-warning=DEP0111', 'dist/index.js'], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DB_PATH: dbPath, DEMO_DATA_PATH: directory, LOG_LEVEL: process.env.LL || 'info' }, stdio: ['ignore', 'ignore', 'ignore'] });
  for (;;) { try { if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break; } catch {} await new Promise(r => setTimeout(r, 100)); }
  const driver = new MessagesDriver({ baseUrl: `http://127.0.0.1:${port}`, sockets: 16 });
  const codes = await OutboxCodeReader.open(dbPath);
  const result = await runLoad({ driver, scenario: new BillingScenario(askers), concurrency: 16, durationMs: Number(process.env.DUR || 15) * 1000, warmupMs: 2000, codes, onProgress: () => {} });
  const s = result; console.log(JSON.stringify({ turns: s.turns, tps: s.turnsPerSecond, errors: s.errors, p50: s.latencyMs?.p50, p99: s.latencyMs?.p99 }));
  driver.close(); await codes.close();
  child.kill('SIGTERM'); await new Promise(r => child.on('exit', r));
  fs.rmSync(work, { recursive: true, force: true });
})();
