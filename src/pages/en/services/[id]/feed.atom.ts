import { feedEndpoint } from '../../../../feeds/feed-endpoint.ts';

export const { GET, HEAD } = feedEndpoint('en', 'atom', true);
