export {
  DemoMarketplace,
  type DemoMarketplaceOptions,
  type MarketplaceAction,
  MarketplaceCommandError,
  type MarketplaceSeed,
  openDemoMarketplace,
  type SellerStatus,
  type SellerView,
} from './demo-marketplace.ts';
export type { FaultSettings } from './faults.ts';
