import { apiEndpoint } from '../../../api/endpoint.ts';

export const { GET, HEAD, OPTIONS } = apiEndpoint('scheduledMaintenances');
