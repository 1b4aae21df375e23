// Reliability: mutated inputs through every input path — each ingest kind (POST /api/v1/ingest/:kind), the JSON API
// (POST /api/v1/observations), STIX import (the `vigil import stix` path) and TAXII POST — against one server on the
// bundled data. A case is a crash when it answers 5xx or throws something that is not a Vigil input error; a partial
// write when it is refused yet a row (or a received STIX object) appears; unlocated when an input error's message
// names no place (`file[:line]: field: problem`, or a field in its details).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../app/paths.js';
import { isVigilError } from '../../errors/index.js';
import { withId, type ObservationInput } from '../../model/index.js';
import { decodeUtf8 } from '../../model/utf8-text.js';
import { startFixtureServer, type FixtureServer } from '../../server/server-fixture.js';
import { importStixObjects } from '../../sharing/import-stix.js';
import type { SharingContext } from '../../sharing/sharing-context.js';
import { buildBundle } from '../../sharing/stix/build-bundle.js';
import { observationToStix } from '../../sharing/stix/observation-to-stix.js';
import { identityObject } from '../../sharing/stix/producer-identity.js';
import { parseJsonText, stixObjectsOf } from '../../sharing/stix/read-bundle.js';
import { sourceParsers } from '../../sources/registry.js';
import type { BenchFigure, BenchOptions } from '../bench-types.js';

/** A small deterministic PRNG (mulberry32): the same cases on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY: (string | Buffer)[] = [
  '"',
  ',',
  '\n',
  '\r\n',
  '\u0000',
  '{',
  '}',
  '[',
  ']',
  ':',
  '\\',
  '\ufeff',
  '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
  '<!DOCTYPE x [<!ENTITY a "b">]>',
  '<?xml version="1.0" encoding="utf-"8"?>',
  '0000-01-01',
  '9999-12-31',
  '2024-02-30',
  '"tlp":"red","tlp":"clear",',
  '-1e309',
  'NaN',
  '1e400',
  '-0',
  '99999999999999999999999',
  'x'.repeat(5000),
  '\u202e',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  '<script>',
  '../../etc/passwd',
  Buffer.from([0xff]),
  Buffer.from([0xc3, 0x28]),
  Buffer.from([0xed, 0xa0, 0x80]),
  Buffer.from([0xf4, 0x90, 0x80, 0x80]),
];

export function mutate(seed: Buffer, random: () => number): Buffer {
  let b = seed;
  const ops = 1 + Math.floor(random() * 3);
  for (let k = 0; k < ops; k++) {
    const at = Math.floor(random() * (b.length + 1));
    const op = Math.floor(random() * 8);
    if (op === 0 && b.length > 0)
      b = Buffer.concat([b.subarray(0, at), Buffer.from([Math.floor(random() * 256)]), b.subarray(at + 1)]);
    else if (op === 1) b = b.subarray(0, at);
    else if (op === 2)
      b = Buffer.concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + 1 + Math.floor(random() * 40)))]);
    else if (op === 3 || op === 4) {
      const token = NASTY[Math.floor(random() * NASTY.length)];
      b = Buffer.concat([b.subarray(0, at), Buffer.isBuffer(token) ? token : Buffer.from(token), b.subarray(at)]);
    } else if (op === 5) {
      const lines = b.toString('latin1').split('\n');
      const i = Math.floor(random() * lines.length);
      lines.splice(i, 0, lines[Math.floor(random() * lines.length)]);
      b = Buffer.from(lines.join('\n'), 'latin1');
    } else if (op === 6) {
      // A digit run replaced: dates, years and counts out of range.
      const text = b.toString('latin1');
      const runs = [...text.matchAll(/\d+/g)];
      if (runs.length > 0) {
        const r = runs[Math.floor(random() * runs.length)];
        const value = ['0', '0000', '9999', '-1', '13', '32', '99999999999', String(Math.floor(random() * 3000))][
          Math.floor(random() * 8)
        ];
        b = Buffer.from(text.slice(0, r.index) + value + text.slice(r.index! + r[0].length), 'latin1');
      }
    } else {
      const depth = 100 + Math.floor(random() * 4000);
      b = Buffer.concat([b.subarray(0, at), Buffer.from(`${'['.repeat(depth)}${']'.repeat(depth)}`), b.subarray(at)]);
    }
  }
  return b;
}

/** One valid input file per ingest kind: the first committed test fixture the kind accepts, cut to ≤ 64 KiB of whole lines. */
function seeds(): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const kind of Object.keys(sourceParsers)) {
    const dir = join(PACKAGE_ROOT, 'test', 'fixtures', 'sources', kind);
    let files: string[] = [];
    try {
      files = readdirSync(dir)
        .filter((f) => !/^(README|LICENSE)/.test(f))
        .sort();
    } catch {
      continue;
    }
    for (const file of files) {
      const whole = readFileSync(join(dir, file));
      // Whole lines only, and only a file the kind accepts: a seed must be valid before it is mutated.
      const bytes = whole.length <= 64 * 1024 ? whole : whole.subarray(0, whole.lastIndexOf(0x0a, 64 * 1024) + 1);
      try {
        sourceParsers[kind].parse(bytes.toString('utf8'), { file });
      } catch {
        continue;
      }
      out.set(kind, bytes);
      break;
    }
  }
  return out;
}

const LOCATED = /^[^\s:][^:]*?(:\d+)?: [^:]+?: \S/;
const INPUT_CODES = new Set([
  'VIGIL_INPUT_INVALID',
  'VIGIL_DATE_INVALID',
  'VIGIL_PATTERN_UNSUPPORTED',
  'VIGIL_SIGNATURE_INVALID',
]);

interface Outcome {
  refused: boolean;
  crash: boolean;
  located: boolean;
}

function fromResponse(status: number, body: string): Outcome {
  let problem: {
    code?: string;
    detail?: string;
    details?: { field?: string };
    description?: string;
    error_code?: string;
  } = {};
  try {
    problem = JSON.parse(body);
  } catch {
    // not JSON: a crash if it is a 5xx, otherwise nothing to locate
  }
  const code = problem.code ?? problem.error_code ?? '';
  const detail = problem.detail ?? problem.description ?? '';
  const isInput = status === 400 && INPUT_CODES.has(code);
  return {
    refused: status >= 400,
    crash: status >= 500,
    located: !isInput || LOCATED.test(detail) || problem.details?.field !== undefined,
  };
}

export async function runFuzzReliability(options: BenchOptions): Promise<BenchFigure[]> {
  // --scale runs only the parts that depend on the storage engine and the bus (kill, soak, outage).
  if (options.scale) return [];
  const server: FixtureServer = await startFixtureServer({ alerts: false });
  const closers: (() => Promise<void>)[] = [];
  const random = prng(20261206);
  const counts = { cases: 0, crashes: 0, partial: 0, unlocated: 0, accepted: 0 };
  const examples: string[] = [];
  try {
    // The server's own sharing tables (its one database): partners, ledger.
    const sharing: SharingContext = await server.vigil.sharing();
    const { token: partnerToken } = await sharing.registry.addPartner(
      { name: 'fuzz', tlpMax: 'amber', collections: ['default'], canWrite: true },
      '2026-09-01T00:00:00.000Z',
    );
    const auth = { authorization: `Bearer ${server.tokens.admin}` };
    let seq = Math.max(0, ...(await server.deps.store.queryObservations({ allRevisions: true })).map((o) => o.seq));
    let received =
      (await sharing.ledger.received('stix:fuzz')).length + (await sharing.ledger.received('partner:fuzz')).length;
    const perTarget = new Map<string, { accepted: number; refused: number }>();
    const check = async (what: string, outcome: Outcome) => {
      counts.cases++;
      const t = perTarget.get(what.split(' ')[0]) ?? { accepted: 0, refused: 0 };
      t[outcome.refused ? 'refused' : 'accepted']++;
      perTarget.set(what.split(' ')[0], t);
      const rows = await server.deps.store.queryObservations({ allRevisions: true, afterSeq: seq });
      const kept =
        (await sharing.ledger.received('stix:fuzz')).length + (await sharing.ledger.received('partner:fuzz')).length;
      if (outcome.refused && (rows.length > 0 || kept > received)) {
        counts.partial++;
        if (examples.length < 10) examples.push(`partial: ${what}`);
      }
      if (!outcome.refused) counts.accepted++;
      seq = Math.max(seq, ...rows.map((o) => o.seq));
      received = kept;
      if (outcome.crash) {
        counts.crashes++;
        if (examples.length < 10) examples.push(`crash: ${what}`);
      }
      if (!outcome.located) {
        counts.unlocated++;
        if (examples.length < 10) examples.push(`unlocated: ${what}`);
      }
    };

    const kinds = seeds();
    const observation = (i: number): ObservationInput => ({
      series: 'fuzz.probe',
      value: i,
      unit: 'count',
      periodStart: '2024-05-23T16:00:00Z',
      periodEnd: '2024-05-24T16:00:00Z',
      publishedAt: '2024-05-24T01:00:00Z',
      source: 'fuzz',
      reliability: 'B',
      credibility: 2,
      tlp: 'green',
      attributes: { note: 'seed' },
    });
    const jsonSeed = Buffer.from(JSON.stringify({ observations: [observation(1), observation(2)] }, null, 1));
    const producer = identityObject({
      name: 'Fuzz Org',
      publicKey: 'ed25519:11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    const stixObjects = buildBundle(
      [
        ...observationToStix(withId(observation(3)), producer.id),
        ...observationToStix(withId(observation(4)), producer.id),
      ],
      producer,
    );
    const stixSeed = Buffer.from(JSON.stringify(stixObjects, null, 1));
    const envelopeSeed = Buffer.from(JSON.stringify({ objects: stixObjects.objects }, null, 1));
    const targets = [...kinds.keys()].map((k) => `ingest:${k}`).concat(['json-api', 'stix-import', 'taxii-post']);
    const PER_TARGET = Math.ceil((Number(process.env.FUZZ_CASES) || 10_000) / targets.length);

    for (const target of targets) {
      for (let i = 0; i < PER_TARGET; i++) {
        if (target.startsWith('ingest:')) {
          const kind = target.slice('ingest:'.length);
          const body = mutate(kinds.get(kind)!, random);
          const res = await server.app.inject({
            method: 'POST',
            url: `/api/v1/ingest/${kind}`,
            payload: body,
            headers: { ...auth, 'content-type': 'text/plain' },
          });
          await check(
            `${target} #${i} → ${res.statusCode} ${res.body.slice(0, 160)}`,
            fromResponse(res.statusCode, res.body),
          );
        } else if (target === 'json-api') {
          const res = await server.app.inject({
            method: 'POST',
            url: '/api/v1/observations',
            payload: mutate(jsonSeed, random),
            headers: { ...auth, 'content-type': 'application/json' },
          });
          await check(
            `${target} #${i} → ${res.statusCode} ${res.body.slice(0, 160)}`,
            fromResponse(res.statusCode, res.body),
          );
        } else if (target === 'taxii-post') {
          const res = await server.app.inject({
            method: 'POST',
            url: '/taxii2/vigil/collections/default/objects/',
            payload: mutate(envelopeSeed, random),
            headers: {
              authorization: `Bearer ${partnerToken}`,
              accept: 'application/taxii+json;version=2.1',
              'content-type': 'application/taxii+json;version=2.1',
            },
          });
          await check(
            `${target} #${i} → ${res.statusCode} ${res.body.slice(0, 160)}`,
            fromResponse(res.statusCode, res.body),
          );
        } else {
          // The `vigil import stix FILE` path, in process: decode, parse, check the bundle, import.
          const bytes = mutate(stixSeed, random);
          let outcome: Outcome = { refused: false, crash: false, located: true };
          let what = `${target} #${i} → stored`;
          try {
            const document = parseJsonText(decodeUtf8(bytes, 'bundle.json'), 'bundle.json');
            await importStixObjects(
              {
                store: server.deps.store,
                ledger: sharing.ledger,
                writes: server.vigil.writes,
                actor: 'cli:fuzz',
                action: 'stix.import',
              },
              stixObjectsOf(document, 'bundle.json', 'bundle'),
              {
                file: 'bundle.json',
                source: 'stix:fuzz',
                defaultTlp: 'amber',
                receivedAt: '2026-09-01T00:00:00.000Z',
              },
            );
          } catch (error) {
            const input = isVigilError(error) && INPUT_CODES.has(error.code);
            outcome = {
              refused: true,
              crash: !isVigilError(error) || error.status >= 500,
              located: !input || LOCATED.test((error as Error).message),
            };
            what = `${target} #${i} → ${(error as Error).message.slice(0, 160)}`;
          }
          await check(what, outcome);
        }
      }
    }
    for (const [t, n] of perTarget) process.stderr.write(`fuzz: ${t}: ${n.accepted} accepted, ${n.refused} refused\n`);
    const health = await server.app.inject('/api/v1/health');
    if (health.statusCode !== 200) counts.crashes++;
  } finally {
    for (const close of closers) await close();
    await server.close();
  }
  for (const e of examples) process.stderr.write(`fuzz: ${e}\n`);
  return [
    { name: 'fuzz.cases', value: counts.cases, unit: 'inputs' },
    { name: 'fuzz.accepted', value: counts.accepted, unit: 'inputs' },
    { name: 'fuzz.crashes', value: counts.crashes, unit: 'inputs' },
    { name: 'fuzz.partial_writes', value: counts.partial, unit: 'inputs' },
    { name: 'fuzz.unlocated_errors', value: counts.unlocated, unit: 'inputs' },
  ];
}
