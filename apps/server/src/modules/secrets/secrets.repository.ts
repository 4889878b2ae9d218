import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { appSecrets } from '../../db/tables.ts';

/**
 * A secret from the environment wins; otherwise one is generated on first start and kept in the database,
 * so every instance of a scaled-out deployment shares it. The insert races safely: the first writer wins.
 */
export async function getOrCreateSecret(db: Db, name: string, fromEnv: string | undefined): Promise<string> {
  if (fromEnv) return fromEnv;
  return getOrCreateGenerated(db, name, () => randomBytes(48).toString('base64url'));
}

/** Like getOrCreateSecret, for secrets with a shape of their own (a VAPID key pair as JSON). */
export async function getOrCreateGenerated(db: Db, name: string, generate: () => string): Promise<string> {
  await db.insert(appSecrets).values({ name, value: generate() }).onConflictDoNothing();
  const [row] = await db.select().from(appSecrets).where(eq(appSecrets.name, name));
  if (!row) throw new Error(`secret ${name} missing after insert`);
  return row.value;
}
