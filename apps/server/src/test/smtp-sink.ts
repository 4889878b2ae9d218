import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

/** One message the sink accepted, parsed. */
export interface ReceivedMail {
  /** The envelope's recipients (RCPT TO). */
  to: string[];
  /** The From header's address and display name. */
  from: { address: string; name: string };
  subject: string;
  text: string;
  html: string;
  /** The user name the client signed in with (AUTH), if any. */
  user: string | undefined;
}

/**
 * What the sink does with the next connections: `accept` (a working mail server), `refuse-rcpt` /
 * `refuse-data` (a server that is up but says 451 "try again later" to each recipient / to the message) or
 * `freeze` (TCP accepted, then not a byte: no greeting, ever; open connections get no answer to their next message).
 */
export type SinkMode = 'accept' | 'refuse-rcpt' | 'refuse-data' | 'freeze';

export interface SmtpSinkOptions {
  /** Default: any free port. */
  port?: number;
  /** Require AUTH with this user name and password. */
  auth?: { user: string; pass: string };
  /** Called with each message it accepted (the browser suite writes them to a file). */
  onMail?: (mail: ReceivedMail) => void;
}

const tryLater = (what: string) =>
  Object.assign(new Error(`${what} refused: try again later`), { responseCode: 451 });

/**
 * A real SMTP server on loopback (the `smtp-server` package) that keeps what it receives, for tests of the
 * SMTP transport and for the browser suite. Plain SMTP only (no STARTTLS), so AUTH is allowed in clear.
 */
export class SmtpSink {
  mode: SinkMode = 'accept';
  readonly received: ReceivedMail[] = [];
  /** Connections opened to it, and commands it refused (to tell that a client tried). */
  connections = 0;
  refusals = 0;

  private readonly server: SMTPServer;
  private readonly auth: SmtpSinkOptions['auth'];
  port = 0;

  private constructor(options: SmtpSinkOptions) {
    this.auth = options.auth;
    this.server = new SMTPServer({
      logger: false,
      disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
      authOptional: !options.auth,
      allowInsecureAuth: true,
      disableReverseLookup: true,
      // A frozen connection is dropped by the sink after this long (the client should have given up long before).
      socketTimeout: 60_000,
      closeTimeout: 200,
      onConnect: (_session, callback) => {
        this.connections += 1;
        // Frozen: the callback is never called, so the greeting never comes.
        if (this.mode !== 'freeze') callback();
      },
      onAuth: (auth, _session, callback) => {
        const ok = auth.username === options.auth?.user && auth.password === options.auth?.pass;
        if (!ok)
          return callback(Object.assign(new Error('Invalid user name or password'), { responseCode: 535 }));
        callback(null, { user: auth.username });
      },
      // Connections open before the freeze get no answer either, from their next message on.
      onMailFrom: (_address, _session, callback) => {
        if (this.mode !== 'freeze') callback();
      },
      onRcptTo: (_address, _session, callback) => {
        if (this.mode !== 'refuse-rcpt') return callback();
        this.refusals += 1;
        callback(tryLater('recipient'));
      },
      onData: (stream, session, callback) => {
        void this.receive(stream, session, options.onMail).then(
          () => callback(),
          (error: Error) => callback(error),
        );
      },
    });
    this.server.on('error', () => undefined);
  }

  static async start(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
    const sink = new SmtpSink(options);
    await new Promise<void>((resolve, reject) => {
      sink.server.server.once('error', reject);
      sink.server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    sink.port = (sink.server.server.address() as AddressInfo).port;
    return sink;
  }

  /** `smtp://[user:pass@]127.0.0.1:port`, as SMTP_URL. */
  get url(): string {
    const auth = this.auth
      ? `${encodeURIComponent(this.auth.user)}:${encodeURIComponent(this.auth.pass)}@`
      : '';
    return `smtp://${auth}127.0.0.1:${this.port}`;
  }

  /** The messages received for an address, oldest first. */
  to(address: string): ReceivedMail[] {
    return this.received.filter((m) => m.to.includes(address));
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async receive(
    stream: SMTPServerDataStream,
    session: SMTPServerSession,
    onMail: SmtpSinkOptions['onMail'],
  ): Promise<void> {
    if (this.mode === 'refuse-data') {
      stream.resume();
      await new Promise((resolve) => stream.on('end', resolve));
      this.refusals += 1;
      throw tryLater('message');
    }
    const parsed = await simpleParser(stream);
    const from = parsed.from?.value[0];
    const mail: ReceivedMail = {
      to: session.envelope.rcptTo.map((r) => r.address),
      from: { address: from?.address ?? '', name: from?.name ?? '' },
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      html: parsed.html || '',
      user: typeof session.user === 'string' ? session.user : undefined,
    };
    this.received.push(mail);
    onMail?.(mail);
  }
}
