import { Command } from 'commander';
import { FairParameterError } from '../quant/fair/errors.ts';
import { runSimulation } from '../quant/fair/simulation.ts';
import { CliError } from './cli-kit.ts';
import { readJsonFile } from './risk-files.ts';

/**
 * `bulwark simulate FILE`: an Open FAIR Monte Carlo run from a JSON file, printed as JSON (summary, loss
 * exceedance curve, histogram; with `after`, what the control removes and returns). Needs no store.
 */
export const simulateCommand = new Command('simulate')
  .description('Run an Open FAIR Monte Carlo simulation described in a JSON file and print its results as JSON')
  .argument('<file>', '{ "model": "product"|"compound", "iterations", "seed", "inputs", "after"?, "controlYearlyCost"? }')
  .action((file: string) => {
    const spec = readJsonFile(file);
    try {
      process.stdout.write(`${JSON.stringify(runSimulation(spec), null, 2)}\n`);
    } catch (error) {
      if (error instanceof FairParameterError) throw new CliError(`${file}: ${error.message}`);
      throw error;
    }
  });
