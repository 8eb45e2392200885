import { Command } from 'commander';
import { assetCommand } from './asset.command.ts';
import { auditCommand } from './audit.command.ts';
import { exportCommand } from './export.command.ts';
import { importCommand } from './import.command.ts';
import { inventoryCommand } from './inventory.command.ts';
import { migrateCommand } from './migrate.command.ts';
import { orgCommand } from './org.command.ts';
import { outsideOrgCommand } from './outside-org.command.ts';
import { serveCommand } from './serve.command.ts';
import { riskCommand } from './risk.command.ts';
import { simulateCommand } from './simulate.command.ts';
import { threatCommand } from './threat.command.ts';
import { tokenCommand } from './token.command.ts';
import { userCommand } from './user.command.ts';
import { vulnerabilityCommand } from './vulnerability.command.ts';

/** Every CLI command. Each one is a thin adapter over the same services the HTTP routes call. */
export function buildProgram(): Command {
  return new Command('bulwark')
    .description('Bulwark: cybersecurity management (inventory, risk, controls, incidents, sharing)')
    .version('0.1.0')
    .addCommand(serveCommand)
    .addCommand(migrateCommand)
    .addCommand(userCommand)
    .addCommand(orgCommand)
    .addCommand(tokenCommand)
    .addCommand(auditCommand)
    .addCommand(assetCommand)
    .addCommand(inventoryCommand)
    .addCommand(outsideOrgCommand)
    .addCommand(exportCommand)
    .addCommand(importCommand)
    .addCommand(riskCommand)
    .addCommand(simulateCommand)
    .addCommand(threatCommand)
    .addCommand(vulnerabilityCommand);
}
