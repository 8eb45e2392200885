import type { Exec } from '../graph/sql-estate.ts';

/*
 * A risk register generated inside the database (INSERT … SELECT generate_series), for bench/risk/register.ts:
 * owners, applied controls, scenarios on one 5×5 criteria set with a realistic spread of ratings, statuses
 * and treatment, about three links each (affected assets, a threat, planned controls) and acceptances for the
 * accepted ones. Works on PostgreSQL and PGlite. Assets must exist already, numbered as bench/graph/sql-estate.ts
 * numbers them (its assetIdSql).
 */

export interface RegisterSeed {
  orgId: string;
  criteriaId: string;
  /** The 5×5 matrix of the criteria (matrix[likelihood][consequence] = level). */
  matrix: number[][];
  scenarios: number;
  /** Assets 1..assets exist (sql-estate numbering); 0: no asset links. */
  assets: number;
  /** Distinguishes generated ids and emails when several organizations are seeded in one store. */
  tag: string;
  owners?: number;
  controls?: number;
  threats?: number;
}

export interface SeededRegister {
  scenarios: number;
  links: number;
  acceptances: number;
  byStatus: Record<string, number>;
  byLevel: Record<string, number>;
  /** Values the bench's queries use: an owner, an asset and a threat that scenarios name. */
  probes: { ownerId: string; assetId: string; threatId: string };
}

const q = (value: string): string => `'${value.replaceAll("'", "''")}'`;
/** A valid version-4 UUID from md5(tag || n), as a SQL expression. */
const uuidSql = (tag: string, n: string): string =>
  `(overlay(overlay(md5(${q(tag)} || ${n}) placing '4' from 13) placing '8' from 17))::uuid`;
const assetIdSql = (n: string): string => uuidSql('a', n);

const THREATS = [
  'Ransomware',
  'Phishing',
  'Credential stuffing',
  'Insider misuse',
  'Supplier compromise',
  'DDoS',
  'Data leak',
  'Misconfiguration',
  'Unpatched vulnerability',
  'Lost device',
  'Power failure',
  'Flood',
  'Fraudulent payment',
  'Privilege escalation',
  'Malware',
  'Account takeover',
  'Backup failure',
  'API abuse',
  'Social engineering',
  'Sabotage',
];
const TARGETS = [
  'file servers',
  'payroll system',
  'customer portal',
  'ERP',
  'e-mail service',
  'payment gateway',
  'HR records',
  'source code',
  'data warehouse',
  'VPN',
  'Active Directory',
  'web shop',
  'CRM',
  'backup vault',
  'cloud tenant',
  'factory network',
  'call centre',
  'mobile app',
  'partner extranet',
  'finance team',
  'laptops',
  'data centre',
  'DNS',
  'CI pipeline',
  'archive',
];

export async function seedRegister(exec: Exec, seed: RegisterSeed): Promise<SeededRegister> {
  const org = q(seed.orgId);
  const owners = seed.owners ?? 40;
  const controls = seed.controls ?? 2000;
  const threats = seed.threats ?? 300;
  const tag = seed.tag;
  const matrix = `array[${seed.matrix.map((row) => `array[${row.join(',')}]`).join(',')}]`;
  await exec('select setseed(0.17)');

  await exec(`insert into users (id, email, name, password_hash, is_instance_admin, created_at)
              select ${uuidSql(`${tag}-user`, 'k')}, 'owner-' || k || '@${tag}.bench.example',
                     (array['Alice','Bob','Chen','Dana','Emeka','Farah','Goran','Hana'])[1 + k % 8] || ' ' || (array['Martin','Okafor','Wei','Lefebvre','Novak','Silva','Berg','Khan','Rossi','Tanaka'])[1 + k % 10],
                     null, false, now()
                from generate_series(1, ${owners}) k`);
  await exec(`insert into memberships (org_id, user_id, role, created_at)
              select ${org}, ${uuidSql(`${tag}-user`, 'k')}, 'risk-manager', now() from generate_series(1, ${owners}) k`);
  await exec(`insert into applied_controls (org_id, id, ref_id, title, status, attributes, tags, version, created_at, updated_at)
              select ${org}, ${uuidSql(`${tag}-control`, 'k')}, 'AC-' || k, 'Control ' || k,
                     (array['planned','planned','planned','in-progress','in-progress','implemented','implemented','implemented','implemented','verified'])[1 + k % 10],
                     '{"controlTypes":[],"properties":[],"concepts":[],"capabilities":[],"domains":[]}'::jsonb, '{}'::text[], 1, now(), now()
                from generate_series(1, ${controls}) k`);

  // Current ratings lean to the middle of the scales; inherent is one step worse or so, target one or two
  // better; residual is current for the untreated, halfway for those in treatment, target for the treated.
  await exec(`
    insert into risk_scenarios (org_id, id, ref_id, title, description, approach, status, owner_id, risk_source_id, desired_end_state,
      criteria_id, criteria_version, inherent_likelihood, inherent_consequence, inherent_level, current_likelihood, current_consequence,
      current_level, target_likelihood, target_consequence, target_level, residual_likelihood, residual_consequence, residual_level,
      rationale, strength_of_knowledge, evaluation, treatment_option, treatment_justification, review_due, last_reviewed_at, tags, version,
      created_at, updated_at)
    with base as (
      select g, abs(hashtext(g::text || 'rated')) % 20 <> 0 as rated, least(4, floor(random() * 3.2 + random() * 1.8))::int as cl,
             least(4, floor(random() * 3.0 + random() * 2.0))::int as cc, random() as r1, random() as r2, random() as r3, random() as r4
        from generate_series(1, ${seed.scenarios}) g
    ), shaped as (
      select *, case when not rated then 'identified' when r1 < 0.25 then 'assessed' when r1 < 0.55 then 'in-treatment'
                     when r1 < 0.70 then 'treated' when r1 < 0.85 then 'accepted' when r1 < 0.95 then 'assessed' else 'closed' end as status,
             least(4, cl + (r2 < 0.6)::int) as il, least(4, cc + (r3 < 0.3)::int) as ic,
             greatest(0, cl - 1 - (r2 < 0.5)::int) as tl, greatest(0, cc - (r3 < 0.4)::int) as tc
        from base
    ), rated as (
      select *, case status when 'treated' then tl when 'in-treatment' then (cl + tl) / 2 else cl end as rl,
                case status when 'treated' then tc when 'in-treatment' then (cc + tc) / 2 else cc end as rc
        from shaped
    )
    select ${org}, ${uuidSql(`${tag}-scenario`, 'g')}, 'R-' || lpad(g::text, 5, '0'),
           (array[${THREATS.map(q).join(',')}])[1 + g % ${THREATS.length}] || ' affecting the ' ||
             (array[${TARGETS.map(q).join(',')}])[1 + (g / ${THREATS.length}) % ${TARGETS.length}] || ' (' || g || ')',
           null, case when g % 4 = 0 then 'event-based' else 'asset-based' end, status,
           case when r4 < 0.92 then ${uuidSql(`${tag}-user`, `(1 + floor(r4 * 1000)::int % ${owners})`)} end,
           case when g % 4 = 0 then ${uuidSql(`${tag}-threat`, `(1 + g % 30)`)} end, null,
           ${q(seed.criteriaId)}::uuid, 1,
           case when rated then il end, case when rated then ic end, case when rated then (${matrix})[il + 1][ic + 1] end,
           case when rated then cl end, case when rated then cc end, case when rated then (${matrix})[cl + 1][cc + 1] end,
           case when rated then tl end, case when rated then tc end, case when rated then (${matrix})[tl + 1][tc + 1] end,
           case when rated then rl end, case when rated then rc end, case when rated then (${matrix})[rl + 1][rc + 1] end,
           '{}'::jsonb, 'medium',
           case when not rated then null when (${matrix})[cl + 1][cc + 1] >= 2 then 'to-treat' else 'acceptable' end,
           case when status in ('in-treatment', 'treated') then (array['modify','modify','modify','modify','modify','modify','modify','share','share','avoid'])[1 + floor(r2 * 10)::int]
                when status = 'accepted' then 'retain' when status = 'assessed' and r3 < 0.5 then 'modify' end,
           null,
           case when rated then current_date + (floor(r3 * 540)::int - 190) end, null, '{}'::text[], 1,
           now() - interval '400 days', now() - r4 * interval '365 days'
      from rated`);

  // About three links a scenario: 1–2 affected assets, a threat for half of them, 1–3 planned controls for those in treatment.
  const asset = (expr: string): string => assetIdSql(`(1 + floor(${expr} * ${Math.max(1, seed.assets)})::int)`);
  if (seed.assets > 0) {
    await exec(`insert into risk_scenario_links (org_id, scenario_id, role, target_type, target_id, position)
                select ${org}, s.id, 'asset', 'asset', ${asset('random()')}, k
                  from risk_scenarios s cross join generate_series(0, 1) k
                 where s.org_id = ${org} and (k = 0 or abs(hashtext(s.ref_id)) % 2 = 0)
                on conflict do nothing`);
  }
  await exec(`insert into risk_scenario_links (org_id, scenario_id, role, target_type, target_id, position)
              select ${org}, s.id, 'threat', 'threat', ${uuidSql(`${tag}-threat`, `(1 + floor(random() * ${threats})::int)`)}, 0
                from risk_scenarios s where s.org_id = ${org} and abs(hashtext(s.ref_id || 't')) % 2 = 0
              on conflict do nothing`);
  await exec(`insert into risk_scenario_links (org_id, scenario_id, role, target_type, target_id, position)
              select ${org}, s.id, 'planned-control', 'control', ${uuidSql(`${tag}-control`, `(1 + floor(random() * ${controls})::int)`)}, k
                from risk_scenarios s cross join generate_series(0, 2) k
               where s.org_id = ${org} and s.status in ('in-treatment', 'treated') and k <= abs(hashtext(s.ref_id || 'c')) % 3
              on conflict do nothing`);
  await exec(`insert into risk_acceptances (org_id, id, scenario_id, level, criteria_version, accepted_by, accepted_by_label, authority,
                                            justification, accepted_at, expires_on)
              select ${org}, ${uuidSql(`${tag}-acceptance`, 's.ref_id')}, s.id, s.current_level, 1, ${uuidSql(`${tag}-user`, '1')}, 'Owner 1',
                     'risk-owner', 'Within appetite', now() - interval '200 days', current_date + (floor(random() * 500)::int - 120)
                from risk_scenarios s where s.org_id = ${org} and s.status = 'accepted'`);

  const one = async (text: string): Promise<Record<string, unknown>> => (await exec(text)).rows[0]!;
  const counts = await one(`select (select count(*) from risk_scenarios where org_id = ${org})::int as scenarios,
                                   (select count(*) from risk_scenario_links where org_id = ${org})::int as links,
                                   (select count(*) from risk_acceptances where org_id = ${org})::int as acceptances`);
  const tally = async (column: string): Promise<Record<string, number>> =>
    Object.fromEntries(
      (
        await exec(
          `select coalesce(${column}::text, 'none') as k, count(*)::int as n from risk_scenarios where org_id = ${org} group by 1 order by 1`,
        )
      ).rows.map((row) => [String(row.k), Number(row.n)]),
    );
  // No asset row when seeded with assets: 0.
  const [asset1] = (await exec(`select target_id::text as id from risk_scenario_links where org_id = ${org} and role = 'asset' limit 1`))
    .rows;
  const threat1 = await one(`select target_id::text as id from risk_scenario_links where org_id = ${org} and role = 'threat' limit 1`);
  return {
    scenarios: Number(counts.scenarios),
    links: Number(counts.links),
    acceptances: Number(counts.acceptances),
    byStatus: await tally('status'),
    byLevel: await tally('current_level'),
    probes: {
      ownerId: String((await one(`select ${uuidSql(`${tag}-user`, '3')}::text as id`)).id),
      assetId: String(asset1?.id ?? ''),
      threatId: String(threat1.id),
    },
  };
}
