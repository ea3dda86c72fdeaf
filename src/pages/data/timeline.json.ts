import { timelineEndpoint } from '../../admin/timeline-endpoint.ts';

export const { GET, HEAD } = timelineEndpoint('json');
