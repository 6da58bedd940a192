import type { BuildingEntity } from './building.entity.js';
import type { BuildingModel } from './models/building.model.js';

export function toBuildingModel(b: BuildingEntity): BuildingModel {
  return { id: b.id, code: b.code, name: b.name, level: b.level, archivedAt: b.archivedAt, version: b.version };
}
