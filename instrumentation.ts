// Runs once when a server instance starts; the work itself lives in start-server.ts (Node runtime only).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startServer } = await import('./lib/start-server');
    await startServer();
  }
}
