// tus-js-client (npm, the reference tus client) uploads a page to tongban-hub,
// aborting after the first chunk and resuming from the hub's offset; then a 20 MB page with
// tus-js-client's defaults (chunkSize Infinity: the whole file in one PATCH, issue 13).
// Usage: node upload.mjs /path/to/tongban-hub
import { spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import tus from 'tus-js-client';

const hubPath = process.argv[2];
const dataDir = mkdtempSync(join(tmpdir(), 'hub-tus-'));
const hub = spawn(hubPath, ['--data-dir', dataDir, '--listen', '127.0.0.1:0', '--seed-demo',
  '--pbkdf2-iterations', '1000'], { stdio: ['ignore', 'pipe', 'inherit'] });
const fail = (m) => { console.error('FAIL:', m); hub.kill('SIGKILL'); process.exit(1); };
setTimeout(() => fail('timeout'), 60000).unref();

const base = await new Promise((resolve) => {
  createInterface({ input: hub.stdout }).once('line', (l) => resolve(l.replace('listening on ', '').trim()));
});
const api = async (method, path, body, token) => {
  const r = await fetch(base + path, { method, headers: { 'Content-Type': 'application/json',
    ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: body && JSON.stringify(body) });
  return { status: r.status, json: await r.json().catch(() => ({})) };
};

const login = await api('POST', '/api/v1/session',
  { account: 'xh-tb-03-wangli', password: 'Tongban@2026', windowId: '410402-tb-03' });
if (login.status !== 200) fail(`login ${login.status}`);
const token = login.json.accessToken;
const file = randomBytes(300 * 1024);
const sha256 = createHash('sha256').update(file).digest('hex');
const pageId = randomUUID();
const bigFile = randomBytes(20 * 1000 * 1000);
const bigSha256 = createHash('sha256').update(bigFile).digest('hex');
const bigPageId = randomUUID();
const created = await api('POST', '/api/v1/cases', {
  clientCaseId: randomUUID(), itemCode: '41040201012001000',
  applicant: { kind: 'naturalPerson', name: '张三', idNumber: '11010519491231002X' },
  materials: [{ materialId: 'application', status: 'received',
    pages: [{ clientPageId: pageId, sha256, sizeBytes: file.length, mediaType: 'image/jpeg' },
      { clientPageId: bigPageId, sha256: bigSha256, sizeBytes: bigFile.length, mediaType: 'image/jpeg' }] }],
}, token);
if (created.status !== 201) fail(`case ${created.status} ${JSON.stringify(created.json)}`);
const caseId = created.json.caseId;

const options = (extra) => ({
  endpoint: `${base}/api/v1/uploads`, chunkSize: 100 * 1024, retryDelays: [],
  headers: { Authorization: `Bearer ${token}` },
  metadata: { caseId, clientPageId: pageId, sha256, mediaType: 'image/jpeg' }, ...extra,
});

// First attempt: stop after the first chunk.
const firstUrl = await new Promise((resolve, reject) => {
  const upload = new tus.Upload(file, options({
    onError: reject,
    onChunkComplete: (_chunk, sent) => { if (sent >= 100 * 1024) upload.abort().then(() => resolve(upload.url)); },
  }));
  upload.start();
});
// Second attempt: resume the same upload URL (HEAD, then PATCH from the offset).
let resumedFrom = -1;
await new Promise((resolve, reject) => {
  const upload = new tus.Upload(file, options({
    uploadUrl: firstUrl, onError: reject, onSuccess: resolve,
    onProgress: (sent) => { if (resumedFrom < 0) resumedFrom = sent; },
  }));
  upload.start();
}).catch((e) => fail(`resume: ${e}`));
if (resumedFrom < 100 * 1024) fail(`resume restarted from ${resumedFrom}`);

// The 20 MB page with every default of tus-js-client (no chunkSize, no checksum).
let patches = 0;
await new Promise((resolve, reject) => {
  const upload = new tus.Upload(bigFile, {
    endpoint: `${base}/api/v1/uploads`, headers: { Authorization: `Bearer ${token}` },
    metadata: { caseId, clientPageId: bigPageId, sha256: bigSha256, mediaType: 'image/jpeg' },
    onError: reject, onSuccess: resolve,
    onBeforeRequest: (req) => { if (req.getMethod() === 'PATCH') ++patches; },
  });
  upload.start();
}).catch((e) => fail(`defaults: ${e}`));
if (patches !== 1) fail(`defaults: ${patches} PATCH requests for the 20 MB page`);

const submitted = await api('POST', `/api/v1/cases/${caseId}/submit`, undefined, token);
if (submitted.status !== 200 || !/^410402-\d{8}-\d{6}$/.test(submitted.json.caseNumber))
  fail(`submit ${submitted.status} ${JSON.stringify(submitted.json)}`);
console.log(`PASS: tus-js-client uploaded ${file.length} bytes with a resume and ${bigFile.length} bytes in one PATCH; case ${submitted.json.caseNumber}`);
hub.kill('SIGTERM');
process.exit(0);
