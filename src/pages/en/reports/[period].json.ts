import { reportEndpoint } from '../../../site/report-endpoint.ts';

export const { GET, HEAD } = reportEndpoint('en', 'json');
