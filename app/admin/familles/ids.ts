// Route ids of the back office's family pages: anything but a positive 32-bit integer is "not found".
import { notFound } from 'next/navigation';

export function parseId(raw: string): number {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) notFound();
  return id;
}
