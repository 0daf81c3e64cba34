/** What index.ts records before the tests run, and what the tests share. */
export const EXTENSION_ID = 'handbook-roles.handbook-roles';

export const startup = { activeAtStart: false };
