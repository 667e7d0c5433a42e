import type { Marketplace } from '../domain/ports/marketplace.ts';
import { defaultMarketplace } from './marketplace-http.ts';

let instance: Marketplace | undefined;

/** The marketplace port's adapter, built once per module from config. */
export function marketplace(): Marketplace {
  instance ??= defaultMarketplace();
  return instance;
}
