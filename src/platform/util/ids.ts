import { v7 as uuidv7 } from 'uuid';

/** Ids are UUIDv7, made by the application (PostgreSQL 15 has no uuidv7()); time-ordered, so inserts stay local in B-trees. */
export const newId = (): string => uuidv7();

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID_RE.test(value);
