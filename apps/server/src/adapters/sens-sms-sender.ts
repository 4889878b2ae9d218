import { createHmac } from 'node:crypto';
import { SMS_MAX_BYTES, type SmsSender, smsBytes } from '../ports/sms.ts';

export interface SensConfig {
  baseUrl: string;
  serviceId: string;
  accessKey: string;
  secretKey: string;
  /** The registered sender number. */
  from: string;
  timeoutMs?: number;
}

/** SENS API gateway signature v2: base64 HMAC-SHA256 of "METHOD URI\nTIMESTAMP\nACCESS_KEY". */
export function sensSignature(
  secretKey: string,
  method: string,
  uri: string,
  timestamp: string,
  accessKey: string,
): string {
  return createHmac('sha256', secretKey)
    .update(`${method} ${uri}\n${timestamp}\n${accessKey}`)
    .digest('base64');
}

/** Naver Cloud SENS (https://api.ncloud-docs.com/docs/ai-application-service-sens-smsv2). */
export class SensSmsSender implements SmsSender {
  constructor(private readonly config: SensConfig) {}

  async send(to: string, text: string): Promise<void> {
    const { baseUrl, serviceId, accessKey, secretKey, from } = this.config;
    // Service ids look like "ncp:sms:kr:123:name"; the path is signed exactly as sent, colons unescaped.
    const uri = `/sms/v2/services/${serviceId}/messages`;
    const timestamp = String(Date.now());
    const body = {
      type: smsBytes(text) <= SMS_MAX_BYTES ? 'SMS' : 'LMS',
      countryCode: '82',
      from,
      content: text,
      messages: [{ to }],
    };
    const response = await fetch(new URL(uri, baseUrl), {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'x-ncp-apigw-timestamp': timestamp,
        'x-ncp-iam-access-key': accessKey,
        'x-ncp-apigw-signature-v2': sensSignature(secretKey, 'POST', uri, timestamp, accessKey),
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(this.config.timeoutMs ?? 10_000),
    });
    // 202 Accepted with statusCode "202" is success; anything else is a failure to record.
    if (response.status !== 202) {
      const detail = (await response.text()).slice(0, 200);
      throw new Error(`SENS answered ${response.status}: ${detail}`);
    }
  }
}
