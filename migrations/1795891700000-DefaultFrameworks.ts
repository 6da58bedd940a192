import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ships the two default frameworks: the UNESCO AI Competency Framework for Teachers (2024) and the
 * district AI-readiness set. Both use the district's four proficiency levels so one attendance cap and
 * one level scale serve every requirement.
 */
const LEVELS: Array<[number, string, string]> = [
  [1, 'Aware', 'Knows the ideas and can describe them'],
  [2, 'Practising', 'Applies it in their own teaching, with results they can show'],
  [3, 'Leading others', 'Helps colleagues do it: coaching, designing and delivering professional learning, leading pilots'],
  [4, 'Shaping the system', 'Shapes district practice, policy or programmes'],
];

const UNESCO: Array<[string, string, Array<[string, string]>]> = [
  [
    '1',
    'Human-centred mindset',
    [
      ['Acquire', 'Human agency'],
      ['Deepen', 'Human accountability'],
      ['Create', 'Social responsibility'],
    ],
  ],
  [
    '2',
    'Ethics of AI',
    [
      ['Acquire', 'Ethical principles'],
      ['Deepen', 'Safe and responsible use'],
      ['Create', 'Co-creating ethical rules'],
    ],
  ],
  [
    '3',
    'AI foundations and applications',
    [
      ['Acquire', 'Basic AI techniques and applications'],
      ['Deepen', 'Application skills'],
      ['Create', 'Creating with AI'],
    ],
  ],
  [
    '4',
    'AI pedagogy',
    [
      ['Acquire', 'AI-assisted teaching'],
      ['Deepen', 'AI-pedagogy integration'],
      ['Create', 'AI-enhanced pedagogical transformation'],
    ],
  ],
  [
    '5',
    'AI for professional development',
    [
      ['Acquire', 'AI enabling lifelong professional learning'],
      ['Deepen', 'AI to enhance organizational learning'],
      ['Create', 'AI to support professional transformation'],
    ],
  ],
];

const DISTRICT: Array<[string, string, string, string]> = [
  [
    'AI-TOOL-EVAL',
    'AI tool evaluation for instructional alignment',
    'Evaluation and safety',
    'Judges whether an AI tool serves the curriculum and the learners it is meant for',
  ],
  ['AI-BIAS', 'AI bias evaluation', 'Evaluation and safety', 'Finds and weighs bias in AI tools and their outputs'],
  ['DATA-PRIVACY', 'Student data privacy', 'Evaluation and safety', 'Protects student data when AI tools are chosen and used'],
  [
    'ASSESS-REDESIGN',
    'Assessment redesign for AI',
    'Teaching and assessment',
    'Redesigns assessment so it stays valid where AI is available',
  ],
  ['AI-FEEDBACK', 'AI-supported feedback', 'Teaching and assessment', 'Uses AI to give students timely, useful feedback'],
  [
    'AI-DIFFERENTIATION',
    'Differentiation and accessibility with AI',
    'Teaching and assessment',
    'Uses AI to reach every learner, including learners with disabilities',
  ],
  ['ACADEMIC-INTEGRITY', 'Academic integrity', 'Teaching and assessment', 'Sets and upholds fair rules for AI use in student work'],
  [
    'PL-DESIGN',
    'Professional learning design and facilitation',
    'Leadership',
    'Designs and facilitates professional learning for colleagues',
  ],
  ['PILOT-LEAD', 'Pilot design and leadership', 'Leadership', 'Designs, runs and evaluates pilots of new practice'],
  ['DATA-ETHICS', 'Data ethics and governance', 'Leadership', 'Shapes how the district governs data and AI use'],
];

export class DefaultFrameworks1795891700000 implements MigrationInterface {
  name = 'DefaultFrameworks1795891700000';

  public async up(q: QueryRunner): Promise<void> {
    const [unesco] = await q.query(
      `INSERT INTO competency_framework (code, title, description, publisher, version)
       VALUES ($1, $2, $3, $4, 1) RETURNING id`,
      [
        'UNESCO-AI-CFT-2024',
        'UNESCO AI Competency Framework for Teachers',
        'Five dimensions across three progression levels: Acquire, Deepen, Create.',
        'UNESCO',
      ],
    );
    let order = 0;
    for (const [dimCode, dimension, cells] of UNESCO) {
      for (const [i, [progression, name]] of cells.entries()) {
        await this.competency(q, unesco.id, `${dimCode}.${i + 1}`, name, dimension, progression, `${dimension}: ${progression}`, order++);
      }
    }
    const [district] = await q.query(
      `INSERT INTO competency_framework (code, title, description, publisher, version)
       VALUES ($1, $2, $3, $4, 1) RETURNING id`,
      [
        'DISTRICT-AI-READINESS',
        'District AI-readiness capacities',
        'The capacities the district needs to adopt AI well, each on four levels.',
        'District',
      ],
    );
    order = 0;
    for (const [code, name, dimension, description] of DISTRICT) {
      await this.competency(q, district.id, code, name, dimension, null, description, order++);
    }
  }

  private async competency(
    q: QueryRunner,
    frameworkId: string,
    code: string,
    name: string,
    dimension: string,
    progression: string | null,
    description: string,
    order: number,
  ): Promise<void> {
    const [row] = await q.query(
      `INSERT INTO competency (framework_id, code, name, description, dimension, progression, sort_order, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 1) RETURNING id`,
      [frameworkId, code, name, description, dimension, progression, order],
    );
    for (const [level, label, descriptor] of LEVELS) {
      await q.query(`INSERT INTO competency_level (competency_id, level, label, descriptor) VALUES ($1, $2, $3, $4)`, [
        row.id,
        level,
        label,
        descriptor,
      ]);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    const codes = ['UNESCO-AI-CFT-2024', 'DISTRICT-AI-READINESS'];
    await q.query(
      `DELETE FROM competency_level WHERE competency_id IN (SELECT c.id FROM competency c JOIN competency_framework f ON f.id = c.framework_id WHERE f.code = ANY($1))`,
      [codes],
    );
    await q.query(`DELETE FROM competency WHERE framework_id IN (SELECT id FROM competency_framework WHERE code = ANY($1))`, [codes]);
    await q.query(`DELETE FROM competency_framework WHERE code = ANY($1)`, [codes]);
  }
}
