// `vigil warning …`: the warning product's commands (the formal warning record).
import type { Command } from 'commander';
import { registerWarningRecord } from './warning-record.js';

export function registerWarning(program: Command): void {
  const warning = program.command('warning').description('the warning product: formal warnings (draft, dissent, coordinate, issue, withdraw, list)');
  registerWarningRecord(warning);
  warning.commands.forEach((c) => c.exitOverride());
}
