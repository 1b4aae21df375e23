// The contract every ingest kind meets: registered by name, schema-valid and deterministic output, idempotent
// re-ingest into a real store, and malformed input refused as `file:line: field: problem` with nothing written.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../app/ingest-files.js';
import { isVigilError } from '../../errors/index.js';
import { parseObservationInput } from '../../model/index.js';
import { openObservationStore } from '../../storage/open-store.js';
import { getSourceParser } from '../registry.js';

export interface SourceParserContractOptions {
  /** Well-formed fixture files (file URLs), each giving at least one observation. */
  fixtures: readonly URL[];
  /** Malformed inputs: each must be refused with `file:line: field: problem`. The file name ends with `extension`. */
  badInputs: ReadonlyArray<{ name: string; text: string }>;
  extension: string;
  skip?: boolean;
}

const NOW = '2030-01-01T00:00:00.000Z';

export function runSourceParserContract(kind: string, options: SourceParserContractOptions): void {
  describe.skipIf(options.skip ?? false)(`source parser contract: ${kind}`, () => {
    const dir = mkdtempSync(join(tmpdir(), `vigil-contract-${kind}-`));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const paths = options.fixtures.map((url) => fileURLToPath(url));

    it('is registered under its kind', () => {
      expect(getSourceParser(kind).kind).toBe(kind);
    });

    it('gives schema-valid observations, the same ones on every run', async () => {
      const { readFileSync } = await import('node:fs');
      for (const path of paths) {
        const text = readFileSync(path, 'utf8');
        const observations = getSourceParser(kind).parse(text, { file: path });
        expect(observations.length).toBeGreaterThan(0);
        for (const observation of observations)
          expect(parseObservationInput(structuredClone(observation), path)).toStrictEqual(observation);
        expect(getSourceParser(kind).parse(text, { file: path })).toStrictEqual(observations);
      }
    });

    // Only kinds with a streaming reader have this test (no skipped test for every other kind).
    if (getSourceParser(kind).readFile !== undefined)
      it('streams a file to exactly what parse gives for its text', async () => {
        const { readFileSync } = await import('node:fs');
        const parser = getSourceParser(kind);
        for (const path of paths) {
          expect(await parser.readFile!(path, { file: path })).toStrictEqual(
            parser.parse(readFileSync(path, 'utf8'), { file: path }),
          );
        }
        await expect(
          ingestFiles(openObservationStore(':memory:'), kind, [join(dir, 'missing.file')], { now: NOW }),
        ).rejects.toMatchObject({
          code: 'VIGIL_FILE_NOT_FOUND',
          message: expect.stringContaining('cannot read file (ENOENT)'),
        });
      });

    it('re-ingests idempotently (content hash): the second import writes nothing', async () => {
      const store = openObservationStore(':memory:');
      await store.migrate();
      try {
        const first = await ingestFiles(store, kind, paths, { now: NOW });
        expect(first.reduce((s, r) => s + r.inserted, 0)).toBeGreaterThan(0);
        const second = await ingestFiles(store, kind, paths, { now: NOW });
        expect(second.map((r) => r.inserted)).toEqual(paths.map(() => 0));
        expect(second.map((r) => r.unchanged)).toEqual(second.map((r) => r.observations));
      } finally {
        await store.close();
      }
    });

    it.each(options.badInputs.map((b) => [b.name, b.text] as const))(
      'refuses %s with file:line: field: problem, writing nothing',
      async (name, text) => {
        const bad = join(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}${options.extension}`);
        writeFileSync(bad, text);
        const store = openObservationStore(':memory:');
        await store.migrate();
        try {
          let thrown: unknown;
          try {
            await ingestFiles(store, kind, [...paths, bad], { now: NOW });
          } catch (error) {
            thrown = error;
          }
          expect(isVigilError(thrown) && thrown.code).toBe('VIGIL_INPUT_INVALID');
          const message = (thrown as Error).message;
          expect(message.startsWith(`${bad}:`)).toBe(true);
          expect(message.slice(bad.length)).toMatch(/^:\d+: [^:]+: \S/);
          expect(await store.queryObservations()).toEqual([]);
        } finally {
          await store.close();
        }
      },
    );
  });
}
