// `vigil import stix FILE [--partner NAME]`: store the observations of a STIX 2.1 bundle; keep the rest as received.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { vigilError } from '../../errors/index.js';
import { decodeUtf8 } from '../../model/utf8-text.js';
import { importStixObjects } from '../../sharing/import-stix.js';
import { identityStixId } from '../../sharing/stix/producer-identity.js';
import { checkSignature } from '../../sharing/signing/signed-document.js';
import { parseJsonText, stixObjectsOf } from '../../sharing/stix/read-bundle.js';
import { IMPORTED_SOURCE_PREFIX, partnerSource, UNMARKED_TLP } from '../../sharing/tlp/tlp-ceiling.js';
import { tlpFlag, withSharing } from './partner.js';

export function registerImport(program: Command): void {
  const imp = program.command('import').description('import data in exchange formats');
  imp
    .command('stix')
    .description('import a STIX 2.1 bundle: Vigil observations are stored, other objects kept unused')
    .argument('<file>', 'bundle.json')
    .option(
      '--partner <name>',
      'it came from this partner: the partner becomes the source and its signature rules apply',
    )
    .option('--default-tlp <tlp>', 'TLP for objects without a TLP marking', UNMARKED_TLP)
    .action(async (file: string, flags: { partner?: string; defaultTlp: string }, cmd: Command) => {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (cause) {
        throw vigilError(
          'VIGIL_FILE_NOT_FOUND',
          `${file}: cannot read file (${(cause as NodeJS.ErrnoException).code ?? 'error'})`,
          { cause },
        );
      }
      const document = parseJsonText(decodeUtf8(bytes, file), file);
      const objects = stixObjectsOf(document, file, 'bundle');
      await withSharing(cmd, async (ctx, sharing) => {
        let source: string;
        let signature = 'not checked';
        if (flags.partner !== undefined) {
          const partner = await sharing.registry.getPartner(flags.partner);
          if (partner === undefined)
            throw vigilError('VIGIL_NOT_FOUND', `no partner named ${flags.partner} (see \`vigil partner list\`)`);
          signature = checkSignature(
            document as Record<string, unknown>,
            { publicKey: partner.publicKey, required: partner.requireSignatures, signer: `partner ${partner.name}` },
            file,
          );
          source = partnerSource(partner.name);
        } else {
          const producer = objects.find((o) => o.type === 'identity' && typeof o.name === 'string');
          const slug =
            String(producer?.name ?? 'unknown')
              .toLowerCase()
              .replace(/[^a-z0-9]+/g, '-')
              .replace(/^-|-$/g, '') || 'unknown';
          source = `${IMPORTED_SOURCE_PREFIX}${slug}`;
        }
        const s = await importStixObjects(
          {
            store: ctx.store,
            ledger: sharing.ledger,
            writes: ctx.writes,
            actor: ctx.actor,
            action: 'stix.import',
            ownIdentityId: identityStixId(sharing.keys.identity.publicKey),
          },
          objects,
          {
            file,
            source,
            defaultTlp: tlpFlag(flags.defaultTlp, '--default-tlp'),
            receivedAt: ctx.now().toISOString(),
          },
        );
        const ignored = Object.entries(s.ignored)
          .map(([t, n]) => `${n} ${t}`)
          .join(', ');
        console.log(
          `${file}: ${s.observations} observations (${s.inserted} new, ${s.unchanged} already stored) as ${source}; ${s.assessments} assessments, ${s.alerts} alerts, ${s.kept} other objects kept${s.skipped > 0 ? `; ${s.skipped} of our own objects skipped (already ours)` : ''}; signature ${signature}${ignored ? `; not analysed: ${ignored}` : ''}`,
        );
      });
    });
}
