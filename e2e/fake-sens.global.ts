import { appendFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';

/**
 * A stand-in for Naver SENS for the whole run (the app sends its texts here: SMS_PROVIDER=sens in
 * playwright.config.ts). Each accepted message is appended to E2E_SENS_FILE as one JSON line, so a test can
 * read the verification code the app texted. Signatures are checked by the integration tests, not here.
 */
export default async function startFakeSens(): Promise<() => Promise<void>> {
  const file = process.env.E2E_SENS_FILE ?? '';
  const port = Number(process.env.E2E_SENS_PORT);
  writeFileSync(file, '');
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as {
        content?: string;
        messages?: { to: string }[];
      };
      for (const m of body.messages ?? [])
        appendFileSync(file, `${JSON.stringify({ to: m.to, content: body.content })}\n`);
      res.writeHead(202, { 'content-type': 'application/json' }).end('{"statusCode":"202"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(file, { force: true });
  };
}
