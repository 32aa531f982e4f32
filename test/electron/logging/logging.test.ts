import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFileLogger, formatLine } from '../../../electron/logging/logger';
import { redactText, redactValue, REDACTED, SecretMask } from '../../../electron/logging/redact';
import { RotatingLog } from '../../../electron/logging/rotatingLog';
import { FileKeyVault } from '../../../electron/vault/fileKeyVault';
import { BoundSecrets } from '../../../electron/vault/boundSecrets';

describe('redaction', () => {
  it('masks values of secret-looking keys in JSON, query strings and prose', () => {
    const cases: Array<[string, string]> = [
      ['{"password":"hunter2","username":"demo"}', `{"password":"${REDACTED}","username":"demo"}`],
      ['{"pass_code": "8642", "identifier":"CARD1"}', `{"pass_code": "${REDACTED}", "identifier":"CARD1"}`],
      ['{"passCode":8642}', `{"passCode":"${REDACTED}"}`],
      ['{\\"token\\":\\"abc-session\\"}', `{\\"token\\":\\"${REDACTED}\\"}`],
      ['{"sealedPassCode":"zzz"}', `{"sealedPassCode":"${REDACTED}"}`],
      ['login password=hunter2&username=demo', `login password=${REDACTED}&username=demo`],
      ['session token: 6f1c2d…', `session token: ${REDACTED}`],
      ['Authorization: Bearer abc.def.ghi', `Authorization: ${REDACTED}`],
      ['pass code 1234 sent', 'pass code 1234 sent'],
    ];
    for (const [input, expected] of cases) expect(redactText(input), input).toBe(expected);
  });

  it('masks sealed blobs: the file vault\'s v1:… and long random base64', async () => {
    const sealed = await new FileKeyVault(join(await mkdtemp(join(tmpdir(), 'redact-')), 'k')).seal('8642');
    expect(redactText(`queued ${sealed} ok`)).toBe(`queued ${REDACTED} ok`);
    const safeStorageLike = Buffer.from('v10' + 'x'.repeat(10) + 'q9Z'.repeat(12)).toString('base64');
    expect(redactText(`blob ${safeStorageLike}`)).toBe(`blob ${REDACTED}`);
    expect(redactText('/home/counter/projects/tokendesk/release/linuxunpacked/resources')).toBe('/home/counter/projects/tokendesk/release/linuxunpacked/resources');
  });

  it('masks secrets the vault has handled, wherever they show up', async () => {
    const mask = new SecretMask();
    const secrets = new BoundSecrets(new FileKeyVault(join(await mkdtemp(join(tmpdir(), 'mask-')), 'k')), mask);
    await secrets.open(await secrets.seal('Vq7-kestrel-5531', 'passCode', 'https://crm.example'), 'passCode');
    expect(redactText('CRM said: invalid login Vq7-kestrel-5531 for demo', mask)).toBe(`CRM said: invalid login ${REDACTED} for demo`);
    mask.add('12');
    expect(redactText('12 tokens', mask)).toBe('12 tokens');
  });

  it('does not mask text a caller only asked to seal (it was never used as a secret)', async () => {
    const mask = new SecretMask();
    const secrets = new BoundSecrets(new FileKeyVault(join(await mkdtemp(join(tmpdir(), 'mask-')), 'k')), mask);
    await secrets.seal('https://attacker.example', 'passCode', 'https://crm.example');
    expect(redactText('sent to https://attacker.example', mask)).toBe('sent to https://attacker.example');
  });

  it('masks secret keys in structured fields, and keeps the rest', () => {
    expect(redactValue({ password: 'x', passwordSet: true, nested: [{ pass_code: '1234', identifier: 'C1' }], crm: 'ok' })).toEqual({
      password: REDACTED,
      passwordSet: true,
      nested: [{ pass_code: REDACTED, identifier: 'C1' }],
      crm: 'ok',
    });
  });

  it('never lets a pass code or password through a log line, whatever the message and fields', () => {
    const mask = new SecretMask();
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{4,12}$/), fc.string(), fc.constantFrom('password', 'passCode', 'pass_code', 'token', 'sealedPassCode'), (secret, noise, key) => {
        mask.add(secret);
        const line = formatLine(new Date(0), 'info', `${noise} ${key}=${secret} ${noise}`, { [key]: secret, detail: `${noise}${secret}` }, mask);
        expect(line).not.toContain(secret);
      }),
    );
  });
});

describe('rotating log file', () => {
  it('rotates by size and keeps N old files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rotate-'));
    const log = new RotatingLog({ dir, maxBytes: 1024, keep: 2 });
    for (let i = 0; i < 100; i += 1) void log.append(`line ${String(i).padStart(3, '0')} ${'x'.repeat(40)}`);
    await log.flush();
    expect((await readdir(dir)).sort()).toEqual(['main.log', 'main.log.1', 'main.log.2']);
    for (const file of log.files()) expect((await stat(file)).size).toBeLessThanOrEqual(1024);
    const recent = await log.recentLines(5);
    expect(recent.map((l) => l.slice(0, 8))).toEqual(['line 095', 'line 096', 'line 097', 'line 098', 'line 099']);
    const all = await log.recentLines(1000);
    expect(all.length).toBeLessThan(100);
    expect(all.at(-1)).toMatch(/^line 099/);
  });

  it('appends after a restart and keeps one event on one line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rotate-'));
    await new RotatingLog({ dir }).append('first');
    await new RotatingLog({ dir }).append('second\nwith a newline');
    expect(await readFile(join(dir, 'main.log'), 'utf8')).toBe('first\nsecond ⏎ with a newline\n');
  });

  it('never throws when the log cannot be written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rotate-'));
    await writeFile(join(dir, 'blocker'), 'a file where the folder should be');
    const log = new RotatingLog({ dir: join(dir, 'blocker') });
    const logger = createFileLogger(log);
    logger.error('disk trouble');
    await expect(log.flush()).resolves.toBeUndefined();
    expect(log.failedWrites).toBe(1);
  });

  it('writes redacted lines with time and level', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rotate-'));
    const logger = createFileLogger(new RotatingLog({ dir }), { now: () => new Date('2026-01-02T03:04:05.000Z') });
    logger.warn('CRM sign-in failed', { username: 'demo', password: 'hunter2' });
    await logger.flush();
    expect(await readFile(join(dir, 'main.log'), 'utf8')).toBe(`2026-01-02T03:04:05.000Z WARN  CRM sign-in failed {"username":"demo","password":"${REDACTED}"}\n`);
  });
});
