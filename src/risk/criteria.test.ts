import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCisoAssistantLibrary, writeCisoAssistantLibrary, LibraryFormatError } from './criteria-ciso-assistant.ts';
import { rate, ZCriteriaDefinition } from './criteria.definition.ts';
import { CRITERIA_TEMPLATES, criteriaTemplate } from './criteria.templates.ts';

const fixture = fs.readFileSync(path.join(import.meta.dirname, '../../test/fixtures/risk/ciso-assistant-3x3.yaml'), 'utf8');

const issuesOf = (input: unknown): string[] => {
  const result = ZCriteriaDefinition.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('risk criteria definitions', () => {
  it('ships valid 5×5, 4×4 and 3×3 templates whose risk grows with likelihood and consequence', () => {
    for (const template of CRITERIA_TEMPLATES) {
      const definition = criteriaTemplate(template);
      const size = Number(template[0]);
      expect(definition.likelihood).toHaveLength(size);
      expect(definition.consequence).toHaveLength(size);
      for (let l = 0; l < size; l++) {
        for (let c = 0; c < size; c++) {
          if (l > 0) expect(rate(definition, l, c).level).toBeGreaterThanOrEqual(rate(definition, l - 1, c).level);
          if (c > 0) expect(rate(definition, l, c).level).toBeGreaterThanOrEqual(rate(definition, l, c - 1).level);
        }
      }
      expect(rate(definition, 0, 0).level).toBe(0);
      expect(rate(definition, size - 1, size - 1).level).toBe(definition.levels.length - 1);
      expect(definition.acceptance.at(-1)!.by).toBe('nobody');
    }
  });

  it('names every mismatch between the matrix, the scales and the rules', () => {
    const good = criteriaTemplate('3x3');
    expect(issuesOf(good)).toEqual([]);
    expect(issuesOf({ ...good, matrix: good.matrix.slice(0, 2) })).toContainEqual(
      expect.stringMatching(/^matrix: needs one row per likelihood level \(3\), has 2/),
    );
    expect(issuesOf({ ...good, matrix: [[0, 0], ...good.matrix.slice(1)] })).toContainEqual(
      expect.stringMatching(/^matrix\.0: needs one cell per consequence level/),
    );
    expect(issuesOf({ ...good, matrix: [[0, 0, 7], ...good.matrix.slice(1)] })).toContainEqual(
      expect.stringMatching(/^matrix\.0\.2: names risk level 7/),
    );
    expect(issuesOf({ ...good, acceptance: good.acceptance.slice(1) })).toContainEqual(
      expect.stringMatching(/^acceptance: needs one rule per risk level/),
    );
    expect(issuesOf({ ...good, acceptance: [{ by: 'role', role: null, maxDays: 10 }, ...good.acceptance.slice(1)] })).toContainEqual(
      'acceptance.0.role: name the role that may accept',
    );
    expect(issuesOf({ ...good, acceptance: [...good.acceptance.slice(0, 2), { by: 'nobody', role: null, maxDays: 30 }] })).toContainEqual(
      'acceptance.2.maxDays: a level nobody may accept has no acceptance period',
    );
    expect(issuesOf({ ...good, levels: [good.levels[0], { ...good.levels[1]!, name: 'low' }, good.levels[2]] })).toContainEqual(
      'levels.1.name: "low" appears twice',
    );
    expect(issuesOf({ ...good, levels: [{ ...good.levels[0]!, colour: 'green' }, ...good.levels.slice(1)] })).toContainEqual(
      'levels.0.colour: a colour as #RRGGBB',
    );
    expect(issuesOf({ ...good, likelihood: good.likelihood.slice(0, 1), matrix: good.matrix.slice(0, 1) })).toContainEqual(
      expect.stringMatching(/^likelihood: /),
    );
  });

  it('refuses to rate outside the scales', () => {
    expect(() => rate(criteriaTemplate('3x3'), 3, 0)).toThrow(RangeError);
  });
});

describe('CISO Assistant libraries', () => {
  it('reads each risk matrix of a library: scales, levels with colours, the grid, and proposed acceptance', () => {
    const [three, two] = readCisoAssistantLibrary(fixture);
    expect(three!.sourceId).toBe('urn:example:risk:matrix:three');
    const definition = ZCriteriaDefinition.parse(three!.definition);
    expect(definition.likelihood.map((level) => level.name)).toEqual(['Seldom', 'Sometimes', 'Often']);
    expect(definition.consequence.map((level) => level.name)).toEqual(['Small', 'Noticeable', 'Grave']);
    expect(definition.levels.map((level) => [level.name, level.colour])).toEqual([
      ['Acceptable', '#00FF00'],
      ['Watch', '#FFFF00'],
      ['Unacceptable', '#FF0000'],
    ]);
    expect(rate(definition, 2, 0).level).toBe(1);
    expect(rate(definition, 1, 2).level).toBe(2);
    expect(definition.acceptance.map((rule) => rule.by)).toEqual(['risk-owner', 'role', 'nobody']);
    // A colour CISO Assistant would not render either falls back to grey rather than failing the import.
    expect(ZCriteriaDefinition.parse(two!.definition).levels[1]!.colour).toBe('#868E96');
  });

  it('writes a library that reads back to the same criteria', () => {
    const original = criteriaTemplate('5x5');
    const yaml = writeCisoAssistantLibrary(original, { version: 4, publishedOn: '2026-11-27' });
    expect(yaml).toContain('urn: urn:bulwark:risk:matrix:standard-5-5');
    const [back] = readCisoAssistantLibrary(yaml);
    const definition = ZCriteriaDefinition.parse(back!.definition);
    expect(definition.matrix).toEqual(original.matrix);
    expect(definition.likelihood.map((level) => [level.name, level.description])).toEqual(
      original.likelihood.map((level) => [level.name, level.description]),
    );
    expect(definition.levels.map((level) => [level.name, level.colour])).toEqual(
      original.levels.map((level) => [level.name, level.colour]),
    );
  });

  it('explains what is wrong with a file that is not such a library', () => {
    const attempt = (content: string): LibraryFormatError => {
      try {
        readCisoAssistantLibrary(content);
      } catch (error) {
        if (error instanceof LibraryFormatError) return error;
        throw error;
      }
      throw new Error('no error');
    };
    expect(attempt('objects: [unclosed').errors[0]!.path).toBe('content');
    expect(attempt('objects: { framework: {} }').errors.map((e) => e.path)).toContain('content.objects.risk_matrix');
    const noGrid = fixture.replace(/ {6}grid:\n( {8}- \[.*\]\n){3}/, '');
    expect(attempt(noGrid).errors.map((e) => e.path)).toContain('content.objects.risk_matrix.0.grid');
  });
});
