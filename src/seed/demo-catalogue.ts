/**
 * Fixed lists the demo district is drawn from. Fictional people, schools and issuers; no protected
 * attributes anywhere (names and work emails only identify people, they never describe them).
 */

export const DEMO_DOMAIN = 'demo.pathways.test';
export const UNESCO = 'UNESCO-AI-CFT-2024';
export const DISTRICT = 'DISTRICT-AI-READINESS';

export type FrameworkCode = typeof UNESCO | typeof DISTRICT;
export interface CompetencyRef {
  framework: FrameworkCode;
  code: string;
}
const d = (code: string): CompetencyRef => ({ framework: DISTRICT, code });
const u = (code: string): CompetencyRef => ({ framework: UNESCO, code });

export type SchoolLevel = 'ELEMENTARY' | 'MIDDLE' | 'HIGH';

/**
 * `adoption` scales how likely a building's staff are to hold more than workshop hours: expertise
 * sits in pockets, and Sunnyside has nobody beyond workshops (the "which buildings have nobody?" case).
 */
export const BUILDINGS: ReadonlyArray<{ code: string; name: string; level: SchoolLevel; staff: number; adoption: number }> = [
  { code: 'CGE', name: 'Cedar Grove Elementary', level: 'ELEMENTARY', staff: 32, adoption: 1.2 },
  { code: 'MRE', name: 'Maple Ridge Elementary', level: 'ELEMENTARY', staff: 28, adoption: 0.9 },
  { code: 'RSE', name: 'Riverside Elementary', level: 'ELEMENTARY', staff: 30, adoption: 0.6 },
  { code: 'OHE', name: 'Oak Hollow Elementary', level: 'ELEMENTARY', staff: 31, adoption: 0.3 },
  { code: 'SSE', name: 'Sunnyside Elementary', level: 'ELEMENTARY', staff: 29, adoption: 0 },
  { code: 'LMS', name: 'Lincoln Middle School', level: 'MIDDLE', staff: 42, adoption: 1.5 },
  { code: 'HVM', name: 'Harbor View Middle School', level: 'MIDDLE', staff: 38, adoption: 0.8 },
  { code: 'WMS', name: 'Westfield Middle School', level: 'MIDDLE', staff: 40, adoption: 0.5 },
  { code: 'CHS', name: 'Central High School', level: 'HIGH', staff: 68, adoption: 1.6 },
  { code: 'NHS', name: 'Northgate High School', level: 'HIGH', staff: 62, adoption: 1.0 },
];

export const ASSIGNMENTS: Record<SchoolLevel, readonly string[]> = {
  ELEMENTARY: [
    'Kindergarten teacher',
    'Grade 1 teacher',
    'Grade 2 teacher',
    'Grade 3 teacher',
    'Grade 4 teacher',
    'Grade 5 teacher',
    'Reading specialist',
    'Math interventionist',
    'Special education teacher',
    'English learner teacher',
    'Library media specialist',
    'Art teacher',
    'Music teacher',
    'Physical education teacher',
  ],
  MIDDLE: [
    'Grade 6 ELA teacher',
    'Grade 7 ELA teacher',
    'Grade 8 ELA teacher',
    'Grade 6 math teacher',
    'Grade 7 math teacher',
    'Grade 8 math teacher',
    'Science teacher',
    'Social studies teacher',
    'Special education teacher',
    'Computer science teacher',
    'World languages teacher',
    'Library media specialist',
    'Art teacher',
  ],
  HIGH: [
    'English 9 teacher',
    'English 10 teacher',
    'AP English Literature teacher',
    'Algebra teacher',
    'Geometry teacher',
    'Calculus teacher',
    'Biology teacher',
    'Chemistry teacher',
    'Physics teacher',
    'US history teacher',
    'World history teacher',
    'AP Computer Science teacher',
    'Spanish teacher',
    'French teacher',
    'Special education teacher',
    'Career and technical education teacher',
    'Library media specialist',
  ],
};

export const FIRST_NAMES = [
  'Aaliyah',
  'Aaron',
  'Abigail',
  'Adrian',
  'Aisha',
  'Alejandro',
  'Amara',
  'Andrew',
  'Anita',
  'Beatriz',
  'Benjamin',
  'Bianca',
  'Caleb',
  'Camila',
  'Carlos',
  'Chloe',
  'Connor',
  'Daniela',
  'David',
  'Deborah',
  'Diego',
  'Elena',
  'Elijah',
  'Emily',
  'Emmanuel',
  'Fatima',
  'Gabriel',
  'Grace',
  'Hana',
  'Hannah',
  'Hiroshi',
  'Imani',
  'Isaac',
  'Isabel',
  'Jacob',
  'Jamal',
  'Jasmine',
  'Javier',
  'Jennifer',
  'Jessica',
  'Joseph',
  'Julia',
  'Kareem',
  'Katherine',
  'Kevin',
  'Kiara',
  'Laura',
  'Leah',
  'Leila',
  'Marcus',
  'Maria',
  'Matthew',
  'Mei',
  'Michael',
  'Nadia',
  'Natalie',
  'Nathan',
  'Nia',
  'Noah',
  'Olivia',
  'Omar',
  'Paul',
  'Rachel',
  'Rafael',
  'Rebecca',
  'Samir',
  'Samuel',
  'Sara',
  'Sofia',
  'Stephen',
  'Tamara',
  'Thomas',
  'Valentina',
  'Victor',
  'Wei',
  'William',
  'Yusuf',
  'Zoe',
];

export const LAST_NAMES = [
  'Abbott',
  'Adeyemi',
  'Alvarez',
  'Anderson',
  'Bailey',
  'Banerjee',
  'Bennett',
  'Brooks',
  'Campbell',
  'Castillo',
  'Chen',
  'Clarke',
  'Coleman',
  'Cruz',
  'Dawson',
  'Delgado',
  'Diaz',
  'Edwards',
  'Evans',
  'Fernandez',
  'Fischer',
  'Foster',
  'Garcia',
  'Goldberg',
  'Gonzalez',
  'Gupta',
  'Hall',
  'Harris',
  'Hayes',
  'Hernandez',
  'Hughes',
  'Ibrahim',
  'Jackson',
  'Jensen',
  'Johnson',
  'Kaur',
  'Kelly',
  'Kim',
  'Kowalski',
  'Lee',
  'Lewis',
  'Lopez',
  'Martin',
  'Martinez',
  'Mendoza',
  'Mitchell',
  'Morales',
  'Murphy',
  'Nakamura',
  'Nguyen',
  'Novak',
  "O'Brien",
  'Okonkwo',
  'Olsen',
  'Owens',
  'Park',
  'Patel',
  'Perez',
  'Petrov',
  'Phillips',
  'Price',
  'Quinn',
  'Ramirez',
  'Reed',
  'Reyes',
  'Richardson',
  'Rivera',
  'Robinson',
  'Rossi',
  'Russell',
  'Sanchez',
  'Santos',
  'Schmidt',
  'Shah',
  'Silva',
  'Singh',
  'Sullivan',
  'Tanaka',
  'Taylor',
  'Thompson',
  'Torres',
  'Tran',
  'Turner',
  'Vasquez',
  'Walker',
  'Wang',
  'Washington',
  'Williams',
  'Wilson',
  'Wright',
  'Yamamoto',
  'Young',
  'Zhang',
];

/** A theme evidence is about, and the competencies such evidence may plausibly claim. */
export interface Topic {
  label: string;
  competencies: readonly CompetencyRef[];
}

export const TOPICS: readonly Topic[] = [
  { label: 'Generative AI basics for teachers', competencies: [u('3.1'), u('4.1'), u('1.1')] },
  { label: 'AI-supported feedback on student writing', competencies: [d('AI-FEEDBACK'), u('4.2'), u('3.2')] },
  { label: 'Assessment redesign for an AI world', competencies: [d('ASSESS-REDESIGN'), d('ACADEMIC-INTEGRITY'), u('4.3')] },
  { label: 'Evaluating AI tools for instructional alignment', competencies: [d('AI-TOOL-EVAL'), d('DATA-PRIVACY'), u('2.2')] },
  { label: 'Bias in AI systems', competencies: [d('AI-BIAS'), u('2.1'), u('1.2')] },
  { label: 'Student data privacy and AI tools', competencies: [d('DATA-PRIVACY'), d('DATA-ETHICS'), u('2.2')] },
  { label: 'Differentiation and accessibility with AI', competencies: [d('AI-DIFFERENTIATION'), u('4.2'), u('3.2')] },
  { label: 'Academic integrity and classroom AI policies', competencies: [d('ACADEMIC-INTEGRITY'), u('2.3'), u('2.1')] },
  { label: 'AI in professional learning communities', competencies: [u('5.1'), u('5.2'), d('PL-DESIGN')] },
  { label: 'Data ethics and governance in schools', competencies: [d('DATA-ETHICS'), u('2.3'), u('1.3')] },
  { label: 'Teaching students about AI', competencies: [u('3.2'), u('1.1'), u('4.2')] },
  { label: 'Designing classroom pilots of new practice', competencies: [d('PILOT-LEAD'), u('5.3'), u('4.3')] },
];

export const COURSE_FORMATS: ReadonlyArray<{ name: string; hours: readonly [number, number] }> = [
  { name: 'Workshop', hours: [3, 6] },
  { name: 'After-school session', hours: [1.5, 2] },
  { name: 'Online course', hours: [8, 20] },
  { name: 'Summer institute', hours: [12, 30] },
  { name: 'Webinar series', hours: [2, 6] },
];

export const COURSE_PROVIDERS = [
  'District Professional Learning',
  'County Education Service Center',
  'State Ed-Tech Network',
  'University Extension',
  'Regional Teacher Center',
];

/** Fictional credentials: title, issuer, what they show, and for how many years they stay valid (null: no expiry). */
export const CERTIFICATIONS: ReadonlyArray<{ title: string; issuer: string; claims: readonly CompetencyRef[]; years: number | null }> = [
  {
    title: 'AI Educator Certification',
    issuer: 'Institute for AI in Education',
    claims: [d('AI-TOOL-EVAL'), u('4.2'), u('2.2')],
    years: 3,
  },
  {
    title: 'Responsible AI in Schools Certificate',
    issuer: 'Digital Pedagogy Council',
    claims: [d('AI-BIAS'), d('DATA-ETHICS'), u('2.2')],
    years: 3,
  },
  {
    title: 'Student Data Privacy Practitioner',
    issuer: 'Student Privacy Alliance',
    claims: [d('DATA-PRIVACY'), d('DATA-ETHICS')],
    years: 2,
  },
  {
    title: 'Certified Instructional Technology Coach',
    issuer: 'Association for Digital Learning Coaches',
    claims: [d('PL-DESIGN'), u('5.2'), u('4.2')],
    years: 3,
  },
  {
    title: 'Assessment Design with AI Micro-credential',
    issuer: 'State University Extension',
    claims: [d('ASSESS-REDESIGN'), d('ACADEMIC-INTEGRITY')],
    years: null,
  },
];

export const ARTIFACT_FORMS = [
  'Unit plan',
  'Redesigned assessment',
  'Lesson sequence',
  'Student-facing AI use guide',
  'Rubric',
  'Classroom case study',
];

export const VENUES: ReadonlyArray<{ name: string; level: 2 | 3 }> = [
  { name: 'District Innovation Showcase', level: 2 },
  { name: 'Building staff meeting', level: 2 },
  { name: 'Regional AI in Education Summit', level: 3 },
  { name: 'State Educational Technology Conference', level: 3 },
  { name: 'National Teaching and Learning Conference', level: 3 },
];

export const PILOT_OUTCOMES = [
  'Students received feedback within two days instead of two weeks; revision rates rose.',
  'Teachers reported saving about an hour a week on routine feedback.',
  'Identified two tools that failed the privacy review before wider rollout.',
  'Student reflections showed clearer understanding of when AI help is allowed.',
  'Mixed results: useful for drafting, weaker for math explanations; recommended a narrower scope.',
  'Produced a checklist the building now uses before adopting any AI tool.',
];

export interface RoleSpec {
  key: string;
  title: string;
  summary: string;
  building: string | null;
  classroomFte: number;
  roleFte: number;
  stipend: number;
  openings: number;
  closesInDays: number;
  status: 'OPEN' | 'DRAFT';
  minYearsOfService?: number;
  requirements: ReadonlyArray<{ code: string; minLevel: 2 | 3; weight: number; kind: 'REQUIRED' | 'PREFERRED' }>;
}

/** The five emerging roles from the domain brief, a building variant, and one draft. */
export const ROLES: readonly RoleSpec[] = [
  {
    key: 'ai-integration-specialist',
    title: 'AI Integration Specialist',
    building: null,
    summary: 'Helps schools choose, evaluate and adopt AI tools that serve instruction, safely and with student data protected.',
    classroomFte: 0.6,
    roleFte: 0.4,
    stipend: 6500,
    openings: 2,
    closesInDays: 35,
    status: 'OPEN',
    requirements: [
      { code: 'AI-TOOL-EVAL', minLevel: 3, weight: 3, kind: 'REQUIRED' },
      { code: 'DATA-PRIVACY', minLevel: 2, weight: 2, kind: 'REQUIRED' },
      { code: 'PL-DESIGN', minLevel: 2, weight: 2, kind: 'REQUIRED' },
      { code: 'AI-BIAS', minLevel: 2, weight: 1, kind: 'PREFERRED' },
      { code: 'PILOT-LEAD', minLevel: 2, weight: 1, kind: 'PREFERRED' },
    ],
  },
  {
    key: 'innovation-coach-lms',
    title: 'Instructional Innovation Coach',
    building: 'LMS',
    summary: 'Coaches colleagues through new practice: AI-supported feedback, redesigned assessment, small pilots.',
    classroomFte: 0.5,
    roleFte: 0.5,
    stipend: 8000,
    openings: 1,
    closesInDays: 28,
    status: 'OPEN',
    requirements: [
      { code: 'PL-DESIGN', minLevel: 3, weight: 3, kind: 'REQUIRED' },
      { code: 'AI-FEEDBACK', minLevel: 2, weight: 2, kind: 'REQUIRED' },
      { code: 'ASSESS-REDESIGN', minLevel: 2, weight: 2, kind: 'PREFERRED' },
      { code: 'PILOT-LEAD', minLevel: 3, weight: 2, kind: 'PREFERRED' },
    ],
  },
  {
    key: 'innovation-coach-cge',
    title: 'Innovation Coach (Elementary)',
    building: 'CGE',
    summary: 'Supports elementary teams in trying new practice with young learners, with accessibility first.',
    classroomFte: 0.6,
    roleFte: 0.4,
    stipend: 5000,
    openings: 1,
    closesInDays: 30,
    status: 'OPEN',
    requirements: [
      { code: 'PL-DESIGN', minLevel: 2, weight: 2, kind: 'REQUIRED' },
      { code: 'AI-DIFFERENTIATION', minLevel: 2, weight: 2, kind: 'REQUIRED' },
      { code: 'AI-FEEDBACK', minLevel: 2, weight: 1, kind: 'PREFERRED' },
    ],
  },
  {
    key: 'digital-learning-leader-chs',
    title: 'Digital Learning Leader',
    building: 'CHS',
    summary: 'Leads the building digital learning plan and the team that keeps it current.',
    classroomFte: 0.8,
    roleFte: 0.2,
    stipend: 3500,
    openings: 1,
    closesInDays: 42,
    status: 'OPEN',
    minYearsOfService: 3,
    requirements: [
      { code: 'AI-TOOL-EVAL', minLevel: 2, weight: 2, kind: 'REQUIRED' },
      { code: 'AI-DIFFERENTIATION', minLevel: 2, weight: 2, kind: 'REQUIRED' },
      { code: 'PL-DESIGN', minLevel: 2, weight: 1, kind: 'PREFERRED' },
      { code: 'ACADEMIC-INTEGRITY', minLevel: 2, weight: 1, kind: 'PREFERRED' },
    ],
  },
  {
    key: 'curriculum-redesign-facilitator',
    title: 'Curriculum Redesign Facilitator',
    building: null,
    summary: 'Facilitates department teams redesigning units and assessments so they stay valid where AI is available.',
    classroomFte: 0.6,
    roleFte: 0.4,
    stipend: 6000,
    openings: 2,
    closesInDays: 49,
    status: 'OPEN',
    requirements: [
      { code: 'ASSESS-REDESIGN', minLevel: 3, weight: 3, kind: 'REQUIRED' },
      { code: 'ACADEMIC-INTEGRITY', minLevel: 2, weight: 2, kind: 'REQUIRED' },
      { code: 'AI-FEEDBACK', minLevel: 2, weight: 1, kind: 'PREFERRED' },
      { code: 'PL-DESIGN', minLevel: 2, weight: 1, kind: 'PREFERRED' },
    ],
  },
  {
    key: 'data-ethics-team',
    title: 'Data Ethics Team Member',
    building: null,
    summary: 'Reviews AI tools and data practices for bias, privacy and fairness; advises the district on policy.',
    classroomFte: 0.9,
    roleFte: 0.1,
    stipend: 2000,
    openings: 3,
    closesInDays: 21,
    status: 'OPEN',
    requirements: [
      { code: 'DATA-ETHICS', minLevel: 2, weight: 2, kind: 'REQUIRED' },
      { code: 'DATA-PRIVACY', minLevel: 2, weight: 2, kind: 'REQUIRED' },
      { code: 'AI-BIAS', minLevel: 2, weight: 1, kind: 'PREFERRED' },
    ],
  },
  {
    key: 'ai-literacy-lead-draft',
    title: 'AI Literacy Lead (Elementary)',
    building: null,
    summary: 'Draft: would build AI literacy lessons for grades 3-5 and coach teachers using them.',
    classroomFte: 0.8,
    roleFte: 0.2,
    stipend: 3000,
    openings: 1,
    closesInDays: 70,
    status: 'DRAFT',
    requirements: [
      { code: 'AI-DIFFERENTIATION', minLevel: 2, weight: 2, kind: 'REQUIRED' },
      { code: 'PL-DESIGN', minLevel: 2, weight: 1, kind: 'PREFERRED' },
    ],
  },
];
