import type { DataSource } from 'typeorm';

/**
 * A small district built by hand for the capacity reports, where every figure can be counted on paper.
 * Competencies: T = AI-TOOL-EVAL, B = AI-BIAS, P = DATA-PRIVACY, L = PL-DESIGN, E = DATA-ETHICS
 * (district AI-readiness framework, levels 1-4). Policy: the shipped default (attendance capped at level 1).
 *
 * NORTH (4 on staff)
 *   n1  VERIFIED certification 2023-01-10: T2 B2 P2; VERIFIED pilot LEAD 2023: T3;
 *       VERIFIED PD 2023: L3; VERIFIED presentation 2023: L3
 *   n2  ENDORSED artifact 2024-02-01: T2 B3; VERIFIED PD from 2024-09-01: P2
 *   n3  SELF_REPORTED presentation 2023: T2 B2 P2; ENDORSED artifact 2023: L3
 *   n4  VERIFIED course, 120 hours 2022: T3 B3 P3 (capped at 1); ENDORSED artifact 2023: L3
 * SOUTH (4)
 *   s1  VERIFIED certification 2022-01-01, expires 2024-12-31: T2 B2 P2 E3
 *   s2  VERIFIED pilot CO_LEAD 2023-09-01: T2 B2; ENDORSED artifact 2023-10-01: P2
 *   s3  VERIFIED artifact 2023: T1
 *   s4  nothing
 * WEST (4; w4 hired 2025-01-15)
 *   w1  VERIFIED certification 2020-03-01: T4 B2 P3
 *   w2  VERIFIED PD 2023: T2 B2
 *   w3  nothing
 *   w4  VERIFIED certification 2021-05-01: T2 B2 P2 (earned before joining)
 * EMPTY (nobody on staff)
 *
 * Hybrid commitments: n1 0.40 (from 2024-08-01, open) + 0.20 (2025-01-01 to 2025-12-31);
 * s2 0.20 (from 2024-08-01); w1 0.40 (2023-01-01 to 2025-03-31); w2 0.30 (from 2025-09-01).
 */
export interface CapacityDistrict {
  buildings: Record<'NORTH' | 'SOUTH' | 'WEST' | 'EMPTY', string>;
  educators: Record<string, string>;
  competencies: Record<'T' | 'B' | 'P' | 'L' | 'E', string>;
}

type Claims = Partial<Record<'T' | 'B' | 'P' | 'L' | 'E', number>>;

interface EvidenceSpec {
  kind: 'CERTIFICATION' | 'PILOT' | 'PROFESSIONAL_LEARNING' | 'PRESENTATION' | 'ARTIFACT' | 'COURSE';
  status: 'VERIFIED' | 'ENDORSED' | 'SELF_REPORTED';
  on: string;
  expires?: string;
  part?: 'LEAD' | 'CO_LEAD' | 'MEMBER';
  claims: Claims;
}

const COMPETENCY_CODES = { T: 'AI-TOOL-EVAL', B: 'AI-BIAS', P: 'DATA-PRIVACY', L: 'PL-DESIGN', E: 'DATA-ETHICS' } as const;

const STAFF: Array<[string, keyof CapacityDistrict['buildings'], string, EvidenceSpec[]]> = [
  [
    'n1',
    'NORTH',
    '2015-08-01',
    [
      { kind: 'CERTIFICATION', status: 'VERIFIED', on: '2023-01-10', claims: { T: 2, B: 2, P: 2 } },
      { kind: 'PILOT', part: 'LEAD', status: 'VERIFIED', on: '2023-02-01', claims: { T: 3 } },
      { kind: 'PROFESSIONAL_LEARNING', status: 'VERIFIED', on: '2023-03-01', claims: { L: 3 } },
      { kind: 'PRESENTATION', status: 'VERIFIED', on: '2023-04-01', claims: { L: 3 } },
    ],
  ],
  [
    'n2',
    'NORTH',
    '2015-08-01',
    [
      { kind: 'ARTIFACT', status: 'ENDORSED', on: '2024-02-01', claims: { T: 2, B: 3 } },
      { kind: 'PROFESSIONAL_LEARNING', status: 'VERIFIED', on: '2024-09-01', claims: { P: 2 } },
    ],
  ],
  [
    'n3',
    'NORTH',
    '2015-08-01',
    [
      { kind: 'PRESENTATION', status: 'SELF_REPORTED', on: '2023-05-01', claims: { T: 2, B: 2, P: 2 } },
      { kind: 'ARTIFACT', status: 'ENDORSED', on: '2023-06-01', claims: { L: 3 } },
    ],
  ],
  [
    'n4',
    'NORTH',
    '2015-08-01',
    [
      { kind: 'COURSE', status: 'VERIFIED', on: '2022-06-01', claims: { T: 3, B: 3, P: 3 } },
      { kind: 'ARTIFACT', status: 'ENDORSED', on: '2023-06-01', claims: { L: 3 } },
    ],
  ],
  [
    's1',
    'SOUTH',
    '2015-08-01',
    [{ kind: 'CERTIFICATION', status: 'VERIFIED', on: '2022-01-01', expires: '2024-12-31', claims: { T: 2, B: 2, P: 2, E: 3 } }],
  ],
  [
    's2',
    'SOUTH',
    '2015-08-01',
    [
      { kind: 'PILOT', part: 'CO_LEAD', status: 'VERIFIED', on: '2023-09-01', claims: { T: 2, B: 2 } },
      { kind: 'ARTIFACT', status: 'ENDORSED', on: '2023-10-01', claims: { P: 2 } },
    ],
  ],
  ['s3', 'SOUTH', '2015-08-01', [{ kind: 'ARTIFACT', status: 'VERIFIED', on: '2023-01-01', claims: { T: 1 } }]],
  ['s4', 'SOUTH', '2015-08-01', []],
  ['w1', 'WEST', '2012-08-01', [{ kind: 'CERTIFICATION', status: 'VERIFIED', on: '2020-03-01', claims: { T: 4, B: 2, P: 3 } }]],
  ['w2', 'WEST', '2018-08-01', [{ kind: 'PROFESSIONAL_LEARNING', status: 'VERIFIED', on: '2023-03-01', claims: { T: 2, B: 2 } }]],
  ['w3', 'WEST', '2019-08-01', []],
  ['w4', 'WEST', '2025-01-15', [{ kind: 'CERTIFICATION', status: 'VERIFIED', on: '2021-05-01', claims: { T: 2, B: 2, P: 2 } }]],
];

const COMMITMENTS: Array<[string, string, number, string, string | null]> = [
  ['n1', 'Innovation coach', 0.4, '2024-08-01', null],
  ['n1', 'Data ethics team member', 0.2, '2025-01-01', '2025-12-31'],
  ['s2', 'Data ethics team member', 0.2, '2024-08-01', null],
  ['w1', 'AI integration specialist', 0.4, '2023-01-01', '2025-03-31'],
  ['w2', 'Digital learning leader', 0.3, '2025-09-01', null],
];

const one = async (ds: DataSource, sql: string, params: unknown[]): Promise<string> => (await ds.query(sql, params))[0].id;

export async function buildCapacityDistrict(ds: DataSource): Promise<CapacityDistrict> {
  const competencies = {} as CapacityDistrict['competencies'];
  for (const [key, code] of Object.entries(COMPETENCY_CODES)) {
    competencies[key as keyof typeof COMPETENCY_CODES] = await one(
      ds,
      `SELECT c.id FROM competency c JOIN competency_framework f ON f.id = c.framework_id WHERE f.code = 'DISTRICT-AI-READINESS' AND c.code = $1`,
      [code],
    );
  }
  const buildings = {} as CapacityDistrict['buildings'];
  for (const code of ['NORTH', 'SOUTH', 'WEST', 'EMPTY'] as const) {
    buildings[code] = await one(ds, `INSERT INTO building (code, name, level) VALUES ($1, $2, 'OTHER') RETURNING id`, [
      code,
      `${code[0]}${code.slice(1).toLowerCase()} School`,
    ]);
  }
  const educators: Record<string, string> = {};
  for (const [key, building, hired, evidence] of STAFF) {
    educators[key] = await one(
      ds,
      `INSERT INTO educator (full_name, work_email, building_id, hire_date, version) VALUES ($1, $2, $3, $4, 1) RETURNING id`,
      [`Educator ${key.toUpperCase()}`, `${key}@capacity.example`, buildings[building], hired],
    );
    for (const e of evidence) await insertEvidence(ds, educators[key], e, competencies);
  }
  for (const [key, title, fte, starts, ends] of COMMITMENTS) {
    const role = await one(
      ds,
      `INSERT INTO hybrid_role (title, classroom_fte, role_fte, status, version) VALUES ($1, $2, $3, 'FILLED', 1) RETURNING id`,
      [`${title} (${key})`, 1 - fte, fte],
    );
    await ds.query(`INSERT INTO hybrid_commitment (educator_id, role_id, role_fte, starts_on, ends_on) VALUES ($1, $2, $3, $4, $5)`, [
      educators[key],
      role,
      fte,
      starts,
      ends,
    ]);
  }
  return { buildings, educators, competencies };
}

async function insertEvidence(
  ds: DataSource,
  educatorId: string,
  e: EvidenceSpec,
  competencies: CapacityDistrict['competencies'],
): Promise<void> {
  const cert = e.kind === 'CERTIFICATION';
  const id = await one(
    ds,
    `INSERT INTO evidence (educator_id, kind, title, verification_status, started_on, issuer, issued_on, expires_on, pilot_part, sessions, attendees, hours, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1) RETURNING id`,
    [
      educatorId,
      e.kind,
      `${e.kind} ${e.on}`,
      e.status,
      cert ? null : e.on,
      cert ? 'Issuer' : null,
      cert ? e.on : null,
      e.expires ?? null,
      e.part ?? null,
      e.kind === 'PROFESSIONAL_LEARNING' ? 3 : null,
      e.kind === 'PROFESSIONAL_LEARNING' ? 20 : null,
      e.kind === 'COURSE' ? 120 : null,
    ],
  );
  for (const [key, level] of Object.entries(e.claims)) {
    await ds.query(`INSERT INTO evidence_claim (evidence_id, competency_id, level) VALUES ($1, $2, $3)`, [
      id,
      competencies[key as keyof Claims],
      level,
    ]);
  }
}
