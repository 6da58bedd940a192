import type DataLoader from 'dataloader';
import { loaderFor, oneByKey } from '../common/loaders.js';
import type { RequestContext } from '../access/request-context.js';
import { toBuildingModel } from './building.mapper.js';
import type { BuildingsService } from './buildings.service.js';
import type { BuildingModel } from './models/building.model.js';

/** One per-request building loader shared by every nested `building` field (educators, roles, ...). */
export function buildingLoader(ctx: RequestContext, buildings: BuildingsService): DataLoader<string, BuildingModel | null> {
  return loaderFor<string, BuildingModel | null>(ctx, 'building.byId', async (ids) => {
    const rows = await buildings.byIds(ids);
    return oneByKey(ids, rows.map(toBuildingModel), (b) => b.id);
  });
}
