/** Every Astro Action, by feature; each feature keeps its actions in its own file here. */
import { accounts } from './accounts';

export const server = { accounts };
