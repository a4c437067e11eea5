/** The Campaigns domain layer: what the API, the sheet push, the importer and the CLI call. */
export { loadCampaignsConfig, DEFAULT_CAMPAIGNS_CONFIG, todayIn, type CampaignsConfig } from './campaigns.config.js';
export {
  createCampaign,
  updateCampaign,
  transitionCampaign,
  softDeleteCampaign,
  duplicateCampaign,
  chooseCopyCode,
  getCampaign,
  getCampaignHistory,
  toCampaignView,
  type CampaignView,
} from './campaigns.service.js';
export { assignCreators, unassignCreators, assignProducts, unassignProducts, updateCreatorAssignment, updateProductAssignment, type AssignmentResult, type AssignmentChange } from './campaign-assignments.service.js';
export { getCampaignsHealth, getCampaignMetrics, getCampaignFlags, recalculateBudgetActual, type CampaignHealth, type MetricsOptions } from './campaign-metrics.service.js';
export { listCampaigns, campaignListQuerySchema, type CampaignListQuery, type CampaignListPage, type CampaignListItem } from './campaign-list.service.js';
export { pickCreators, pickProducts, type CreatorPickerQuery, type ProductPickerQuery } from './campaign-pickers.service.js';
export type { CreateCampaignInput, UpdateCampaignInput, AssignCreatorsInput, AssignProductsInput } from './campaigns.schemas.js';
export { getCampaignDetail, listCampaignsForExport, type CampaignDetail } from './campaign-detail.service.js';
