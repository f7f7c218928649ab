// Where the families' documents (certificates) live: a small interface, put / get / delete, so that an
// S3-compatible store can replace the PostgreSQL table by configuration later (DOCUMENT_STORE, only `database`
// today). The database store writes inside the caller's transaction, so a refused declaration leaves no document.
import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { documents } from '@/db/schema';

export interface StoredDocument {
  id: number;
  familyId: number;
  filename: string;
  contentType: string;
  size: number;
  content: Buffer;
  createdAt: Date;
}

export interface NewDocument {
  familyId: number;
  filename: string;
  contentType: string;
  content: Buffer;
  uploadedBy: number;
  now: Date;
}

export interface DocumentStorage {
  /** stores the bytes and returns the document's id */
  put(db: Queryable, doc: NewDocument): Promise<number>;
  /** the document with its bytes, or null; `familyId` restricts it to a family (the ownership in the query) */
  get(db: Queryable, id: number, scope?: { familyId: number }): Promise<StoredDocument | null>;
  /** one document, or every document of a family (the closure of its account) */
  delete(db: Queryable, target: { id: number } | { familyId: number }): Promise<void>;
}

/** The documents table (bytea). */
export const databaseStorage: DocumentStorage = {
  async put(db, doc) {
    const [row] = await db
      .insert(documents)
      .values({
        familyId: doc.familyId,
        filename: doc.filename,
        contentType: doc.contentType,
        size: doc.content.length,
        content: doc.content,
        uploadedBy: doc.uploadedBy,
        createdAt: doc.now,
      })
      .returning({ id: documents.id });
    return row!.id;
  },
  async get(db, id, scope) {
    const [row] = await db
      .select()
      .from(documents)
      .where(and(eq(documents.id, id), scope ? eq(documents.familyId, scope.familyId) : sql`true`));
    if (!row) return null;
    return {
      id: row.id,
      familyId: row.familyId,
      filename: row.filename,
      contentType: row.contentType,
      size: row.size,
      content: row.content,
      createdAt: row.createdAt,
    };
  },
  async delete(db, target) {
    await db
      .delete(documents)
      .where('id' in target ? eq(documents.id, target.id) : eq(documents.familyId, target.familyId));
  },
};

/** The store configured (only the database one exists; an S3 store would be chosen here from the environment). */
export function documentStorage(): DocumentStorage {
  return databaseStorage;
}
