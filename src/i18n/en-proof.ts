import type { Dictionary } from './fr.ts';

/** English words of what anyone can check; typed by the French ones. */
const ordinal = (n: number) => `Q${n}`;

export const enProof: Dictionary['proof'] = {
  reports: {
    title: 'Availability reports',
    nav: 'Reports',
    intro:
      'Availability and response time of each service and each category, by month, quarter and year, computed from our probes’ checks.',
    method: 'Method',
    methodAvailability:
      'Availability is the share of the measured time during which our probes found the service reachable (operational or degraded), as the published verdict says (confirmed outages, and by a majority of vantage points where there are several).',
    methodExcluded:
      'Planned maintenance and announced closing hours are left out of the figure, and shown apart. Time without a measurement (probes stopped, or doubting their own network) counts neither as available nor as unavailable.',
    methodMeasured:
      'A figure is given only over the time actually measured, shown next to it; a service never measured in the period has no figure.',
    methodThresholds: (availability: { partial: string; weak: string }, response: { partial: string; weak: string }) =>
      `Grades, on the thresholds of the French Observatoire of online public services: availability “Partial” under ${availability.partial} and “Weak” under ${availability.weak}; median response time “Partial” over ${response.partial} and “Weak” over ${response.weak}.`,
    methodResponse: 'Response time is the checked page’s (first byte to last byte), not the full loading time in a browser.',
    periodKinds: { month: 'By month', quarter: 'By quarter', year: 'By year' },
    quarter: (n: number, year: number) => `${ordinal(n)} ${year}`,
    year: (year: number) => `Year ${year}`,
    none: 'Nothing has been measured yet: reports will appear after the first checks.',
    since: (date: string) => `Measured since ${date}.`,
    currentYear: (name: string) => `${name}, by category`,
    soFar: (from: string, to: string) => `Period in progress: figures from ${from} to ${to}, provisional.`,
    complete: (from: string, to: string) => `From ${from} to ${to} inclusive (Paris time).`,
    notStarted: 'This period has not started yet.',
    downloads: 'Download this report:',
    csv: 'CSV table',
    json: 'JSON data',
    byCategory: 'By category',
    byService: 'By service',
    captionCategories: (period: string) => `Availability and response time by category, ${period}`,
    captionServices: (period: string) => `Availability and response time by service, ${period}`,
    colCategory: 'Category',
    colService: 'Service',
    colServices: 'Services',
    colAvailability: 'Availability',
    colResponse: 'Median response time',
    colMeasured: 'Time measured',
    colPlanned: 'Maintenance and closures (left out)',
    overall: 'All services',
    notMeasured: 'Not measured',
    noResponse: 'No response',
    wholePeriod: 'Whole period',
    measuredOf: (measured: string, expected: string) => `${measured} of ${expected}`,
    nonePlanned: 'None',
    grades: { good: 'Good', partial: 'Partial', weak: 'Weak' },
    responseGrades: { good: 'Good', partial: 'Partial', weak: 'Weak' },
    gradeLabel: (grade: string) => `grade: ${grade}`,
    allReports: 'All reports',
  },
};
