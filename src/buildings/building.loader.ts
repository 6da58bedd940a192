import type DataLoader from 'dataloader';
import { defineLoader, oneByKey, type LoaderContext } from '../common/loaders.js';
import { toBuildingModel } from './building.mapper.js';
import type { BuildingsService } from './buildings.service.js';
import type { BuildingModel } from './models/building.model.js';

/** Buildings by id, one batch per request for every nested `building` field (educators, roles, ...). */
export const buildingById = defineLoader<string, BuildingModel | null, BuildingsService>('building.byId', async (buildings, ids) =>
  oneByKey(ids, (await buildings.byIds(ids)).map(toBuildingModel), (b) => b.id),
);

export function buildingLoader(ctx: LoaderContext, buildings: BuildingsService): DataLoader<string, BuildingModel | null> {
  return buildingById.of(ctx, buildings);
}
