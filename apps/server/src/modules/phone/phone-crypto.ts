import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

/**
 * Phone numbers at rest: AES-256-GCM with a random 12-byte IV, stored as base64(iv ‖ tag ‖ ciphertext).
 * Keys are derived from the one PHONE_ENCRYPTION_KEY secret with HKDF, one per use, so the encryption key
 * never doubles as the key of the lookup hashes (rate limits, codes).
 */
export class PhoneCrypto {
  private readonly encryptionKey: Buffer;
  private readonly hashKey: Buffer;

  constructor(secret: string) {
    const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, 'erun-phone', info, 32));
    this.encryptionKey = derive('aes-256-gcm');
    this.hashKey = derive('hmac');
  }

  encrypt(phone: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const ciphertext = Buffer.concat([cipher.update(phone, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64');
  }

  /** Throws when the value was tampered with or encrypted with another key. */
  decrypt(stored: string): string {
    const raw = Buffer.from(stored, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** A keyed hash of a normalised number: the same number always gives the same value, the value no number. */
  hashPhone(phone: string): string {
    return this.hmac(`phone:${phone}`);
  }

  /** A code is bound to the number it was sent to. */
  hashCode(phoneHash: string, code: string): string {
    return this.hmac(`code:${phoneHash}:${code}`);
  }

  codeMatches(phoneHash: string, code: string, stored: string): boolean {
    const a = Buffer.from(this.hashCode(phoneHash, code), 'hex');
    const b = Buffer.from(stored, 'hex');
    return a.length === b.length && timingSafeEqual(a, b);
  }

  private hmac(value: string): string {
    return createHmac('sha256', this.hashKey).update(value).digest('hex');
  }
}

/** "010-****-5678": the prefix and the last four digits. */
export function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)}-****-${phone.slice(-4)}`;
}
