// What a new user met: raw library errors (a 0-byte .zip, a missing file, a mapping file that is not JSON, a server
// that is not running), a .zip of two CSVs quietly read in part, and "Run the same command again to resume" where
// nothing could be resumed. Each message now says what was wrong and where; the CLI exits non-zero.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { crc32 } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importAppPrincipal } from '../../src/api/import/app-principal';
import { CheckpointFile } from '../../src/api/import/checkpoint';
import { optionsKey, runImport, type ImportRun } from '../../src/api/import/run-import';
import { sourceIdentity, SourceError } from '../../src/api/import/source';
import { UnavailableError } from '../../src/data/errors';
import { SERVICENOW_EVENTS } from '../../src/domain/import/mapping';
import { httpPeopleDirectory } from '../../scripts/lib/import/http-directory';

const ROOT = resolve(import.meta.dirname, '../..');
const SAMPLE = join(ROOT, 'data/servicenow-sample/incidents-sample.csv');
let work: string;

/** A .zip of stored (uncompressed) entries, enough for the reader. */
function zipOf(path: string, entries: Record<string, string>): void {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const fileName = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    central.push(entry, fileName);
    offset += 30 + fileName.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(path, Buffer.concat([...locals, directory, end]));
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

function cli(args: string[]): { status: number | null; stderr: string; stdout: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/import.ts'), ...args, '--format', 'servicenow-events'], {
    cwd: work, encoding: 'utf8', env: { ...process.env, ITSM_DATA_DIR: join(work, 'data'), ITSM_GRAPH_BASE_URL: '' }, timeout: 60_000,
  });
  return { status: r.status, stderr: r.stderr.trim(), stdout: r.stdout.trim() };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'import-errors-'));
  mkdirSync(join(work, 'data'));
  writeFileSync(join(work, 'empty.zip'), '');
  writeFileSync(join(work, 'junk.zip'), 'not a zip\n');
  const sample = readFileSync(SAMPLE, 'utf8');
  zipOf(join(work, 'two.zip'), { 'export/incidents.csv': sample, 'export/incidents-2.csv': sample, 'readme.txt': 'hello' });
  zipOf(join(work, 'none.zip'), { 'readme.txt': 'hello' });
  writeFileSync(join(work, 'bad.json'), '{\n  "columns": { "number": "Ticket" },\n  "dateOrder": mdy\n}\n');
  writeFileSync(join(work, 'list.json'), '["mdy"]\n');
  writeFileSync(join(work, 'cut.json'), '{ "dateOrder": "mdy"');
});

describe('the import entry point refuses an export it cannot read, naming the file and what was wrong', () => {
  // Nothing is reached before the file is read: a target that is touched would fail the test with another error.
  const run = (file: string) => runImport({
    file, options: { mapping: SERVICENOW_EVENTS, zone: 'Europe/London' }, target: null as unknown as ImportRun['target'], directory: null,
    principal: importAppPrincipal('test'),
  });

  it.each([
    ['empty.zip', 'The export {w}/empty.zip is empty (0 bytes).'],
    ['missing.csv', 'The export {w}/missing.csv does not exist.'],
    ['two.zip', 'The export {w}/two.zip holds 2 .csv files (export/incidents.csv, export/incidents-2.csv); a .zip must hold exactly one. Unzip the one to import and name it instead.'],
    ['none.zip', 'The export {w}/none.zip holds no .csv file (it holds readme.txt).'],
    ['junk.zip', 'The export {w}/junk.zip is not a .zip archive that can be read (End of central directory record signature not found. Either not a zip file, or file is truncated).'],
  ])('%s', async (name, message) => {
    const error = await run(join(work, name)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toBe(message.replace('{w}', work));
  });
});

describe('npm run import', { timeout: 60_000 }, () => {
  it.each([
    ['empty.zip', 'The export {w}/empty.zip is empty (0 bytes).'],
    ['missing.csv', 'The export {w}/missing.csv does not exist.'],
    ['two.zip', 'The export {w}/two.zip holds 2 .csv files (export/incidents.csv, export/incidents-2.csv); a .zip must hold exactly one. Unzip the one to import and name it instead.'],
  ])('refuses %s with one clear line, exit 1, and no resume hint', (name, message) => {
    const r = cli([join(work, name), '--origin', 'http://127.0.0.1:9']);
    expect(r).toEqual({ status: 1, stderr: message.replace('{w}', work), stdout: '' });
  });

  it.each([
    ['bad.json', 'The mapping file {w}/bad.json is not valid JSON at line 3, column 16 (unexpected "m").'],
    ['cut.json', 'The mapping file {w}/cut.json is not valid JSON (it ends before the JSON is complete).'],
    ['list.json', 'The mapping file {w}/list.json must hold a JSON object ({"extends": "servicenow-events", ...}).'],
    ['nowhere.json', 'The mapping file {w}/nowhere.json does not exist.'],
  ])('names the mapping file %s and where it goes wrong, exit 2', (name, message) => {
    const r = cli([SAMPLE, '--mapping', join(work, name)]);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(message.replace('{w}', work));
    expect(r.stderr).not.toContain('resume');
  });

  it('names the origin it tried when the server is not running, and says how to start it', async () => {
    const port = await closedPort();
    const r = cli([SAMPLE, '--origin', `http://127.0.0.1:${port}`]);
    expect(r).toEqual({
      status: 1, stdout: '',
      stderr: `Cannot reach the server at http://127.0.0.1:${port} (fetch failed). Start it with \`npm start\`, or check PORT or --origin.`,
    });
  });

  it('says a run can be resumed only when a checkpoint of the same file and options holds written incidents', async () => {
    const port = await closedPort();
    const checkpoint = join(work, 'sample.checkpoint.json');
    new CheckpointFile(checkpoint).save(sourceIdentity(SAMPLE), optionsKey({ mapping: SERVICENOW_EVENTS, zone: 'Europe/London' }), 4, new Date());
    const r = cli([SAMPLE, '--origin', `http://127.0.0.1:${port}`, '--checkpoint', checkpoint]);
    expect(r).toEqual({
      status: 1, stdout: '',
      stderr: `Cannot reach the server at http://127.0.0.1:${port} (fetch failed). Start it with \`npm start\`, or check PORT or --origin.\nRun the same command again to resume; nothing is written twice.`,
    });
    // Another zone is another set of options: that checkpoint does not apply, and no resume is promised.
    const other = cli([SAMPLE, '--origin', `http://127.0.0.1:${port}`, '--checkpoint', checkpoint, '--zone', 'Europe/Paris']);
    expect(other.stderr).not.toContain('resume');
  });
});

describe('the directory of a server that stopped answering', () => {
  it('fails as an unreachable server (status 0), so the command line names the origin rather than "fetch failed"', async () => {
    const port = await closedPort();
    const directory = httpPeopleDirectory(`http://127.0.0.1:${port}`, { getAccessToken: () => Promise.resolve('token') });
    const error = await directory.ensurePeople([{ id: 'x', upn: 'x@example', name: 'X', source: 'Caller 1', jobTitle: '', department: '', roles: [], groups: [] }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnavailableError);
    expect(error).toMatchObject({ status: 0, code: 'directoryUnreachable', graphMessage: 'fetch failed', method: 'POST', path: '/dev/directory/people' });
  });
});
