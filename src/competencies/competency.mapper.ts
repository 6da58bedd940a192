import type { CompetencyFrameworkEntity } from './competency-framework.entity.js';
import type { CompetencyEntity } from './competency.entity.js';
import type { CompetencyFrameworkModel, CompetencyModel } from './models/competency.model.js';

export function toCompetencyModel(c: CompetencyEntity): CompetencyModel {
  return {
    id: c.id,
    frameworkId: c.frameworkId,
    code: c.code,
    name: c.name,
    description: c.description,
    dimension: c.dimension,
    progression: c.progression,
    retired: c.retiredAt !== null,
    retiredAt: c.retiredAt,
    levels: [...(c.levels ?? [])]
      .sort((a, b) => a.level - b.level)
      .map((l) => ({ level: l.level, label: l.label, descriptor: l.descriptor })),
    followsFrameworkLevels: c.followsFrameworkLevels,
    version: c.version,
  };
}

export function toFrameworkModel(f: CompetencyFrameworkEntity): CompetencyFrameworkModel {
  return {
    id: f.id,
    code: f.code,
    title: f.title,
    description: f.description,
    publisher: f.publisher,
    retired: f.retiredAt !== null,
    retiredAt: f.retiredAt,
    version: f.version,
    updatedAt: f.updatedAt,
  };
}
