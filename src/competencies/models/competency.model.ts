import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination.js';

@ObjectType('ProficiencyLevel')
export class ProficiencyLevelModel {
  @Field(() => Int)
  level: number;

  @Field()
  label: string;

  @Field()
  descriptor: string;
}

@ObjectType('Competency')
export class CompetencyModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  frameworkId: string;

  @Field({ description: 'Human coding scheme within the framework' })
  code: string;

  @Field()
  name: string;

  @Field()
  description: string;

  @Field({ description: 'The group of competencies this one belongs to' })
  dimension: string;

  @Field(() => String, { nullable: true, description: "The framework's own progression stage, e.g. Acquire / Deepen / Create" })
  progression: string | null;

  @Field({ description: 'Retired competencies stay readable but accept no new claims or requirements' })
  retired: boolean;

  @Field(() => Date, { nullable: true })
  retiredAt: Date | null;

  @Field(() => [ProficiencyLevelModel], { description: 'Ordered from lowest to highest' })
  levels: ProficiencyLevelModel[];

  @Field({ description: "Its levels are the framework's scale and change with it (false: levels of its own)" })
  followsFrameworkLevels: boolean;

  @Field(() => Int)
  version: number;
}

@ObjectType('CompetencyFramework')
export class CompetencyFrameworkModel {
  @Field(() => ID)
  id: string;

  @Field()
  code: string;

  @Field()
  title: string;

  @Field()
  description: string;

  @Field()
  publisher: string;

  @Field({ description: 'Retired frameworks stay readable (history, explanations, reports) but take no new requirements, claims or competencies' })
  retired: boolean;

  @Field(() => Date, { nullable: true })
  retiredAt: Date | null;

  @Field(() => Int)
  version: number;

  @Field(() => Date)
  updatedAt: Date;
}

@ObjectType('CompetencyFrameworkConnection')
export class CompetencyFrameworkConnection extends Connection(CompetencyFrameworkModel) {}
