import { buildProgram } from './cli/program.ts';
import { reportCliError } from './cli/cli-kit.ts';

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  process.exitCode = reportCliError(error);
}
