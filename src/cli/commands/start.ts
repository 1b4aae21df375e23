// `vigil start` (what `npm start` runs): create the database, import the bundled data, print the board.
import type { Command } from 'commander';
import { assessAt, resolveAssessDay } from '../../app/assess-at.js';
import { withContext } from '../context.js';
import { renderBoard } from '../render-board.js';
import { importPackData } from './init.js';

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('initialise (idempotent), import the bundled data and print the warning board for the latest data')
    .action(async (_opts, cmd: Command) => {
      await withContext(cmd.optsWithGlobals(), async (ctx) => {
        const results = await importPackData(ctx.store, ctx.pack, ctx.now().toISOString());
        const added = results.reduce((s, r) => s + r.inserted, 0);
        const total = results.reduce((s, r) => s + r.observations, 0);
        console.error(`${ctx.pack.name}: ${total} bundled observations (${added} new) in ${cmd.optsWithGlobals().db ?? process.env.VIGIL_DB ?? './vigil.db'}`);
        const day = await resolveAssessDay(ctx.store, ctx.pack, undefined, ctx.now().getTime());
        const a = await assessAt(ctx.store, ctx.pack, day);
        console.log(renderBoard(a, { colour: ctx.colour, packName: ctx.pack.name, timeZone: ctx.pack.timeZone }));
      });
    });
}
