import { defineLoader, oneByKey } from '../common/loaders.js';
import type { CompetenciesService } from './competencies.service.js';
import { toCompetencyModel } from './competency.mapper.js';
import type { CompetencyModel } from './models/competency.model.js';

/** Competencies by id, one batch per request for every nested `competency` field (requirements, claims, ...). */
export const competencyById = defineLoader<string, CompetencyModel | null, CompetenciesService>(
  'competency.byId',
  async (competencies, ids) => oneByKey(ids, (await competencies.byIds(ids)).map(toCompetencyModel), (c) => c.id),
);
