// The `vigil` command line: one file per command under commands/, errors printed as one line, never a stack trace.
import { Command, CommanderError } from 'commander';
import { debugEnabled, readEnvironment } from '../app/config/index.js';
import { isVigilError } from '../errors/index.js';
import { registerAlerts } from './commands/alerts.js';
import { registerAudit } from './commands/audit.js';
import { registerAssess } from './commands/assess.js';
import { registerBrief } from './commands/brief.js';
import { registerWarning } from './commands/warning.js';
import { registerBacktest } from './commands/backtest.js';
import { registerCalibrate } from './commands/calibrate.js';
import { registerIngest } from './commands/ingest.js';
import { registerInit } from './commands/init.js';
import { registerNote } from './commands/note.js';
import { registerSources } from './commands/sources.js';
import { registerCollect } from './commands/collect.js';
import { registerPack } from './commands/pack.js';
import { registerRules } from './commands/rules.js';
import { registerServe } from './commands/serve.js';
import { registerSilence } from './commands/silence.js';
import { registerStart } from './commands/start.js';
import { registerUser } from './commands/user.js';
import { registerExport } from './commands/export.js';
import { registerImport } from './commands/import.js';
import { registerPartner } from './commands/partner.js';

export function buildProgram(): Command {
  const program = new Command('vigil')
    .description('Vigil — strategic early warning on public data')
    .option('--db <url>', 'database: a SQLite path or postgres://… URL (default ./vigil.db, or $VIGIL_DB)')
    .option('--pack <path-or-id>', 'scenario pack file or bundled pack id (default taiwan-strait, or $VIGIL_PACK)')
    .showHelpAfterError()
    .exitOverride();
  for (const register of [
    registerStart,
    registerInit,
    registerIngest,
    registerNote,
    registerSources,
    registerCollect,
    registerAssess,
    registerBrief,
    registerWarning,
    registerBacktest,
    registerCalibrate,
    registerPack,
    registerServe,
    registerRules,
    registerAlerts,
    registerSilence,
    registerUser,
    registerAudit,
    registerExport,
    registerImport,
    registerPartner,
  ])
    register(program);
  program.commands.forEach((c) => c.exitOverride());
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError)
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0
        ? 0
        : 2;
    if (isVigilError(error)) {
      process.stderr.write(`vigil: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`vigil: internal error: ${(error as Error).message}\n`);
    if (debugEnabled(readEnvironment())) process.stderr.write(`${(error as Error).stack}\n`);
    return 70;
  }
}
