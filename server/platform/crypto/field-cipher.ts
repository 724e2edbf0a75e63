import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

export type CipherAlgorithm = 'aes-256-gcm' | 'sm4';

/** Encrypts and decrypts sensitive personal fields (ID numbers, mobiles) at rest. */
export type FieldCipher = {
  encrypt: (plain: string) => string;
  decrypt: (sealed: string) => string;
};

/**
 * Builds the field cipher from the deployment secret. AES-256-GCM by default. "sm4" selects SM4: Node's
 * OpenSSL has no SM4-GCM, so it is SM4-CTR with an HMAC-SM3 tag (encrypt-then-MAC), which gives the same
 * confidentiality and integrity. The prefix of each sealed value names its algorithm, so a tenant can switch
 * algorithms and still read old values.
 */
export function createFieldCipher(secret: string, algorithm: CipherAlgorithm): FieldCipher {
  const key = (purpose: string, length: number) => Buffer.from(hkdfSync('sha256', secret, 'cppcc-field-cipher', purpose, length));
  const aesKey = key('aes-256-gcm', 32);
  const sm4Key = key('sm4', 16);
  const sm4MacKey = key('sm4-mac', 32);

  const sealAes = (plain: string) => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', aesKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `a1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  };
  const openAes = (payload: Buffer) => {
    const decipher = createDecipheriv('aes-256-gcm', aesKey, payload.subarray(0, 12));
    decipher.setAuthTag(payload.subarray(12, 28));
    return Buffer.concat([decipher.update(payload.subarray(28)), decipher.final()]).toString('utf8');
  };
  const sealSm4 = (plain: string) => {
    const iv = randomBytes(16);
    const cipher = createCipheriv('sm4-ctr', sm4Key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = createHmac('sm3', sm4MacKey)
      .update(Buffer.concat([iv, body]))
      .digest();
    return `s1:${Buffer.concat([iv, tag, body]).toString('base64url')}`;
  };
  const openSm4 = (payload: Buffer) => {
    const iv = payload.subarray(0, 16);
    const tag = payload.subarray(16, 48);
    const body = payload.subarray(48);
    const expected = createHmac('sm3', sm4MacKey)
      .update(Buffer.concat([iv, body]))
      .digest();
    if (tag.length !== expected.length || !timingSafeEqual(tag, expected)) throw new Error('字段密文校验失败');
    const decipher = createDecipheriv('sm4-ctr', sm4Key, iv);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  };

  return {
    encrypt: (plain) => (algorithm === 'sm4' ? sealSm4(plain) : sealAes(plain)),
    decrypt: (sealed) => {
      const [prefix, encoded] = sealed.split(':', 2);
      const payload = Buffer.from(encoded ?? '', 'base64url');
      if (prefix === 'a1') return openAes(payload);
      if (prefix === 's1') return openSm4(payload);
      throw new Error('未知的字段密文格式');
    },
  };
}

/** Shows only the ends of a sensitive value: 138****5678, 110101********1234. */
export function mask(value: string | null | undefined): string | null {
  if (!value) return null;
  if (value.length <= 4) return '*'.repeat(value.length);
  const keepStart = value.length >= 15 ? 6 : 3;
  const keepEnd = 4;
  return `${value.slice(0, keepStart)}${'*'.repeat(Math.max(0, value.length - keepStart - keepEnd))}${value.slice(-keepEnd)}`;
}
