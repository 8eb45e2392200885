import { describe, expect, it } from 'vitest';
import { CvssError, scoreCvss, severityOf } from './cvss.ts';

describe('scoreCvss', () => {
  it.each([
    // Scores as FIRST's calculators and NVD give them.
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', '3.1', 9.8, 'Critical'],
    ['CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N', '3.1', 6.4, 'Medium'],
    ['CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', '3.1', 7.8, 'High'],
    ['CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N', '3.1', 3.1, 'Low'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N', '3.1', 0, 'None'],
    ['CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', '3.0', 9.8, 'Critical'],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', '4.0', 9.3, 'Critical'],
    ['CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', '4.0', 8.5, 'High'],
  ] as const)('%s → %s %s %s', (vector, version, score, severity) => {
    expect(scoreCvss(vector)).toEqual({ vector, version, baseScore: score, severity });
  });

  it('gives the base score, not the temporal or threat-adjusted one', () => {
    // E:U lowers the 3.1 temporal score to 9.0 and the 4.0 CVSS-BT score to 8.1; the base stays.
    expect(scoreCvss('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U').baseScore).toBe(9.8);
    expect(scoreCvss('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U').baseScore).toBe(9.3);
  });

  it('keeps the vector without surrounding blanks', () => {
    expect(scoreCvss('  CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\n').vector).toBe('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H');
  });

  it.each([
    ['', /starts with "CVSS:3.0\/"/],
    ['AV:N/AC:L/Au:N/C:P/I:P/A:P', /starts with/],
    ['CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P', /version 2\.0 is not supported/],
    ['CVSS:3.1/AV:N/AC:L', /base metrics PR, UI, S, C, I, A missing/],
    ['CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', /base metric AV missing/],
    ['CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', /AV:Q is not allowed \(AV is one of X, N, A, L, P\)/],
    ['CVSS:3.1/AV:N/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', /metric AV is given twice/],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/ZZ:H', /CVSS 3\.1 has no metric ZZ/],
    ['CVSS:3.1/AVN/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', /"AVN" is not METRIC:VALUE/],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/', /"" is not METRIC:VALUE/],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/C:H/I:H/A:H', /CVSS 4\.0 has no metric C/],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H', /base metrics SC, SI, SA missing/],
  ])('refuses %j', (vector, message) => {
    expect(() => scoreCvss(vector)).toThrow(CvssError);
    expect(() => scoreCvss(vector)).toThrow(message);
  });
});

describe('severityOf', () => {
  it('uses the specification bands', () => {
    expect([0, 0.1, 3.9, 4, 6.9, 7, 8.9, 9, 10].map(severityOf)).toEqual([
      'None',
      'Low',
      'Low',
      'Medium',
      'Medium',
      'High',
      'High',
      'Critical',
      'Critical',
    ]);
  });
});
