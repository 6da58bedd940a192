import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination.js';

@ObjectType('ProficiencyLevel', {
  description: "One step of a competency's proficiency scale, e.g. 1 aware, 2 practising, 3 leading others, 4 shaping the system",
})
export class ProficiencyLevelModel {
  @Field(() => Int, { description: "The level's number, from 1; higher is more proficient" })
  level: number;

  @Field({ description: 'A short name for the level' })
  label: string;

  @Field({ description: 'What someone at this level can do; empty when the framework gives no descriptor' })
  descriptor: string;
}

@ObjectType('Competency', {
  description:
    'Something an educator can demonstrate with evidence, rated on proficiency levels, e.g. "AI tool evaluation for instructional alignment"',
})
export class CompetencyModel {
  @Field(() => ID, { description: "The competency's id" })
  id: string;

  @Field(() => ID, { description: 'The framework it belongs to' })
  frameworkId: string;

  @Field({ description: 'Human coding scheme within the framework' })
  code: string;

  @Field({ description: 'What it is called' })
  name: string;

  @Field({ description: 'What the competency covers; empty when the framework gives no description' })
  description: string;

  @Field({ description: 'The group of competencies this one belongs to' })
  dimension: string;

  @Field(() => String, { nullable: true, description: "The framework's own progression stage, e.g. Acquire / Deepen / Create" })
  progression: string | null;

  @Field({ description: 'Retired competencies stay readable but accept no new claims or requirements' })
  retired: boolean;

  @Field(() => Date, { nullable: true, description: 'When it was retired; null while it is in use' })
  retiredAt: Date | null;

  @Field(() => [ProficiencyLevelModel], { description: 'Ordered from lowest to highest' })
  levels: ProficiencyLevelModel[];

  @Field({ description: "Its levels are the framework's scale and change with it (false: levels of its own)" })
  followsFrameworkLevels: boolean;

  @Field(() => Int, { description: 'Increases with every change; send it back when you change or retire the competency' })
  version: number;
}

@ObjectType('CompetencyFramework', {
  description:
    'A set of competencies the district recognises, e.g. the UNESCO AI Competency Framework for Teachers or ISTE Standards for Educators',
})
export class CompetencyFrameworkModel {
  @Field(() => ID, { description: "The framework's id" })
  id: string;

  @Field({ description: 'Its short unique code, e.g. UNESCO-AI-CFT' })
  code: string;

  @Field({ description: 'Its full title' })
  title: string;

  @Field({ description: 'What the framework is for and where it comes from' })
  description: string;

  @Field({ description: 'Who publishes it, e.g. UNESCO, ISTE or the district' })
  publisher: string;

  @Field({
    description: 'Retired frameworks stay readable (history, explanations, reports) but take no new requirements, claims or competencies',
  })
  retired: boolean;

  @Field(() => Date, { nullable: true, description: 'When it was retired; null while in use' })
  retiredAt: Date | null;

  @Field(() => Int, { description: 'Increases with every change; send it back when you edit, retire or delete the framework' })
  version: number;

  @Field(() => Date, { description: 'When the framework or one of its competencies last changed' })
  updatedAt: Date;
}

@ObjectType('CompetencyFrameworkConnection', { description: 'A page of competency frameworks' })
export class CompetencyFrameworkConnection extends Connection(CompetencyFrameworkModel) {}
