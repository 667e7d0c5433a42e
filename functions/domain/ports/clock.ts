/** The one source of "now" for domain code and handlers. */
export interface Clock {
  now(): Date;
}
