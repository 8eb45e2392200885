import { hash, verify } from '@node-rs/argon2';

/**
 * Argon2id (memory-hard), with the library's defaults: 19 MiB, 2 passes, which is OWASP's baseline.
 * A dummy hash is verified when the user does not exist, so timing does not reveal which emails exist.
 */
export const hashPassword = (password: string): Promise<string> => hash(password);

const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$PQcFrtN+VVzl056htTHhtg$7NIbBznz3GlLRppLt+k/axaEiF61iVnIK9Jc/10TcPY';

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  try {
    const ok = await verify(passwordHash ?? DUMMY_HASH, password);
    return ok && Boolean(passwordHash);
  } catch {
    return false;
  }
}

export const MIN_PASSWORD_LENGTH = 12;
