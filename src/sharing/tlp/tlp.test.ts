import { describe, expect, it } from 'vitest';
import { oasisValidator } from '../sharing-fixtures.js';
import { isExternalSource, maxTlp, mayReshare, minTlp, partnerSource } from './tlp-ceiling.js';
import { TLP2_EXTENSION_ID, tlpMarkingDefinition, tlpOfMarkingRefs } from './tlp-markings.js';

// As published by OASIS in cti-stix-common-objects, extension-definition-specifications/tlp-2.0 (examples/tlp-*.json
// and the extension's JSON schema): written out again here so a typo in the table cannot agree with itself.
const PUBLISHED = [
  ['clear', 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487', 'TLP:CLEAR'],
  ['green', 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb', 'TLP:GREEN'],
  ['amber', 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421', 'TLP:AMBER'],
  ['amber+strict', 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003', 'TLP:AMBER+STRICT'],
  ['red', 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1', 'TLP:RED'],
] as const;

describe('TLP 2.0 marking definitions', () => {
  it.each(PUBLISHED)(
    '%s has the published id, name, created time and extension, and is a valid STIX marking',
    (tlp, id, name) => {
      const m = tlpMarkingDefinition(tlp);
      expect(m).toEqual({
        type: 'marking-definition',
        spec_version: '2.1',
        id,
        created: '2022-10-01T00:00:00.000Z',
        name,
        extensions: {
          'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d': {
            extension_type: 'property-extension',
            tlp_2_0: tlp,
          },
        },
      });
      expect(TLP2_EXTENSION_ID).toBe('extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d');
      expect(oasisValidator().validate(m as never)).toEqual([]);
    },
  );

  it('reads the most restrictive TLP among an object’s markings, TLP 1.0 ids included', () => {
    expect(tlpOfMarkingRefs([PUBLISHED[1][1], PUBLISHED[2][1]])).toBe('amber');
    expect(tlpOfMarkingRefs(['marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9'])).toBe('clear');
    expect(tlpOfMarkingRefs(['marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed'])).toBe('red');
    expect(tlpOfMarkingRefs(['marking-definition--00000000-0000-4000-8000-000000000000'])).toBeUndefined();
    expect(tlpOfMarkingRefs(undefined)).toBeUndefined();
  });
});

describe('ceilings and re-sharing', () => {
  it('takes the stricter of two ceilings', () => {
    expect(minTlp('amber', 'green')).toBe('green');
    expect(minTlp('red', 'amber+strict')).toBe('amber+strict');
    expect(maxTlp(['green', 'amber', 'clear'])).toBe('amber');
    expect(maxTlp([])).toBe('clear');
  });

  it('passes on what partners gave us only up to GREEN, and never back to the sender', () => {
    expect(isExternalSource(partnerSource('alpha'))).toBe(true);
    expect(isExternalSource('stix:misp')).toBe(true);
    expect(mayReshare('mnd', 'red', 'beta')).toBe(true);
    expect(mayReshare('partner:alpha', 'green', 'beta')).toBe(true);
    expect(mayReshare('partner:alpha', 'amber', 'beta')).toBe(false);
    expect(mayReshare('partner:alpha', 'amber+strict', 'beta')).toBe(false);
    expect(mayReshare('partner:alpha', 'red', 'beta')).toBe(false);
    expect(mayReshare('stix:misp', 'amber', 'beta')).toBe(false);
    expect(mayReshare('partner:alpha', 'clear', 'alpha')).toBe(false);
  });
});
