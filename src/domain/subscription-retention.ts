/**
 * How long subscription data is kept, as the code keeps it: the sender's pruning and the
 * personal-data page read the same figures, so the page cannot drift from what happens.
 */
export const SUBSCRIPTION_RETENTION = {
  /** An unconfirmed request is deleted after this. */
  unconfirmedHours: 48,
  /** Fingerprints of the address and connection of each request, for the hourly limits. */
  fingerprintHours: 24,
  /** The record of each message sent to a subscriber. */
  messageDays: 90,
  /** The manage link each message carries stays valid this long. */
  manageLinkDays: 365,
} as const;
