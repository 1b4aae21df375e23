// The one place Vigil reads process.env: a frozen snapshot taken at start, handed to loadConfig.
export function readEnvironment(): Readonly<Record<string, string | undefined>> {
  return Object.freeze({ ...process.env });
}
