import { timestamp } from 'drizzle-orm/pg-core';

/** A timestamptz column read and written as a JavaScript Date: how every table here stores an instant. */
export const timestampTz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
