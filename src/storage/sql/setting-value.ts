// How a setting's value is stored by every relational adapter: JSON text, refused when it cannot be JSON.
import { vigilError } from '../../errors/index.js';

/** The JSON text of a setting's value; VIGIL_INPUT_INVALID for values JSON cannot hold (functions, cycles, BigInt). */
export function settingJson(key: string, value: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    throw vigilError('VIGIL_INPUT_INVALID', `setting ${key}: value is not JSON-serialisable`, { cause: error });
  }
  if (json === undefined) throw vigilError('VIGIL_INPUT_INVALID', `setting ${key}: value is not JSON-serialisable`);
  return json;
}
