// Validates STIX objects against the OASIS STIX 2.1 JSON schemas (copied under test/fixtures/stix2.1-json-schemas).
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StixObject } from './stix-types.js';

const SCHEMA_BASE = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/';

/** Types with their own OASIS schema file; anything else is custom and checked against core (SDO) or SCO core. */
const SCHEMA_FILES: Record<string, string> = {
  'marking-definition': 'common/marking-definition.json',
  'extension-definition': 'common/extension-definition.json',
  'language-content': 'common/language-content.json',
  bundle: 'common/bundle.json',
  relationship: 'sros/relationship.json',
  sighting: 'sros/sighting.json',
};

export interface OasisValidator {
  /** Problems found (empty when valid): `type id: /path message`. */
  validate(object: StixObject): string[];
  /** The bundle envelope: type, id and the objects the OASIS bundle schema can judge (see docs/sharing.md). */
  validateBundle(bundle: { type: string; id: string; objects: StixObject[] }): string[];
}

/**
 * Loads every schema in `schemaDir/schemas`. The OASIS patterns use `\-`, which is not valid in a Unicode regular
 * expression, hence `unicodeRegExp: false`.
 */
export function createOasisValidator(schemaDir: string): OasisValidator {
  const Ajv = Ajv2020 as unknown as typeof Ajv2020.default;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  (addFormats as unknown as typeof addFormats.default)(ajv);
  ajv.addFormat('idn-hostname', true);
  ajv.addFormat('idn-email', true);
  const root = join(schemaDir, 'schemas');
  const files: string[] = [];
  for (const dir of readdirSync(root)) for (const file of readdirSync(join(root, dir))) files.push(`${dir}/${file}`);
  for (const file of files) ajv.addSchema(JSON.parse(readFileSync(join(root, file), 'utf8')));
  const known = new Set(files);
  // The object schemas the OASIS bundle schema lists by name. It leaves out some SDOs (note, opinion, grouping,
  // location) and rejects them as custom objects too, so those are checked one by one against their own schema.
  const bundleText = readFileSync(join(root, 'common', 'bundle.json'), 'utf8');
  const listedInBundle = new Set(
    [...bundleText.matchAll(/"\$ref":\s*"\.\.\/([a-z-]+\/[a-z0-9-]+\.json)"/g)].map((m) => m[1]),
  );
  const schemaFor = (o: StixObject): string => {
    if (Object.hasOwn(SCHEMA_FILES, o.type)) return SCHEMA_FILES[o.type];
    for (const dir of ['sdos', 'observables']) if (known.has(`${dir}/${o.type}.json`)) return `${dir}/${o.type}.json`;
    return o.created === undefined ? 'common/cyber-observable-core.json' : 'common/core.json';
  };
  const problems = (schema: string, value: unknown, label: string): string[] => {
    const check = ajv.getSchema(SCHEMA_BASE + schema);
    if (check === undefined) return [`${label}: no schema ${schema}`];
    if (check(value)) return [];
    return (check.errors ?? []).map((e) => `${label}: ${e.instancePath || '/'} ${e.message ?? ''} (${schema})`);
  };
  return {
    validate: (o) => problems(schemaFor(o), o, `${o.type} ${o.id}`),
    validateBundle(bundle) {
      // The OASIS bundle schema accepts a custom object only if exactly one of core and SCO core matches it, which no
      // SDO-like custom object (extension-definition, vigil-assessment) can satisfy; those, and the SDOs the bundle
      // schema does not list, are checked one by one.
      const judged = bundle.objects.filter((o) => !schemaFor(o).includes('core') && listedInBundle.has(schemaFor(o)));
      const envelope = { ...bundle, objects: judged.filter((o) => o.type !== 'extension-definition') };
      return [
        ...problems(
          'common/bundle.json',
          envelope.objects.length > 0 ? envelope : { ...envelope, objects: undefined },
          `bundle ${bundle.id}`,
        ),
        ...bundle.objects.flatMap((o) => problems(schemaFor(o), o, `${o.type} ${o.id}`)),
      ];
    },
  };
}
