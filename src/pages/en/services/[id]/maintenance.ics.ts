import { calendarEndpoint } from '../../../../feeds/calendar-endpoint.ts';

export const { GET, HEAD } = calendarEndpoint('en', true);
