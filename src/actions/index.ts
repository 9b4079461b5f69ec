/** Every Astro Action, by feature; each feature keeps its actions in its own file here. */
import { accounts } from './accounts';
import { catalog } from './catalog';
import { checkout } from './checkout';
import { fairs } from './fairs';
import { mail } from './mail';
import { orders } from './orders';
import { portal } from './portal';

export const server = { accounts, catalog, checkout, orders, fairs, portal, mail };
