// `vigil warning …`: the warning product's commands (the formal warning record and the scorecard of the machine level).
import type { Command } from 'commander';
import { registerWarningRecord } from './warning-record.js';
import { registerWarningScorecard } from './warning-scorecard.js';

export function registerWarning(program: Command): void {
  const warning = program
    .command('warning')
    .description(
      'the warning product: formal warnings (draft, dissent, coordinate, issue, withdraw, list) and the scorecard',
    );
  registerWarningRecord(warning);
  registerWarningScorecard(warning);
  warning.commands.forEach((c) => c.exitOverride());
}
