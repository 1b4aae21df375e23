// `vigil warning …`: the warning product's commands (the scorecard of the machine level).
import type { Command } from 'commander';
import { registerWarningScorecard } from './warning-scorecard.js';

export function registerWarning(program: Command): void {
  const warning = program.command('warning').description('the warning product: scorecard of what the machine level said');
  registerWarningScorecard(warning);
  warning.commands.forEach((c) => c.exitOverride());
}
