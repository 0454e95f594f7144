import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { KeySource, MendConfig } from '../config/config';
import { AuditKeyInvalid, AuditKeyMissing } from './audit-errors';

function read(source: KeySource, variable: string): string {
  if ('pem' in source) return source.pem;
  try {
    return readFileSync(source.file, 'utf8');
  } catch (error) {
    throw AuditKeyInvalid({ variable, reason: `its file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
  }
}

function ed25519(make: () => KeyObject, variable: string): KeyObject {
  let key: KeyObject;
  try {
    key = make();
  } catch {
    throw AuditKeyInvalid({ variable, reason: 'it is not a PEM key' });
  }
  if (key.asymmetricKeyType !== 'ed25519') throw AuditKeyInvalid({ variable, reason: `it is an ${String(key.asymmetricKeyType)} key, not Ed25519` });
  return key;
}

/** The private key `mend audit checkpoint` signs with (MEND_AUDIT_KEY or MEND_AUDIT_KEY_FILE). */
export function signingKey(config: MendConfig): KeyObject {
  const source = config.auditKeys.privateKey;
  if (!source) throw AuditKeyMissing({});
  const variable = 'pem' in source ? 'MEND_AUDIT_KEY' : 'MEND_AUDIT_KEY_FILE';
  const privateKey = ed25519(() => createPrivateKey(read(source, variable)), variable);
  const publicKey = verifyingKey(config);
  if (publicKey && !createPublicKey(privateKey).equals(publicKey)) {
    throw AuditKeyInvalid({ variable, reason: 'it is not the private half of the configured audit public key' });
  }
  return privateKey;
}

/**
 * The public key checkpoints are verified with: MEND_AUDIT_PUBLIC_KEY(_FILE), or derived from the
 * private key when only that is configured. A server that only verifies needs only the public key.
 */
export function verifyingKey(config: MendConfig): KeyObject | undefined {
  const { publicKey, privateKey } = config.auditKeys;
  if (publicKey) {
    const variable = 'pem' in publicKey ? 'MEND_AUDIT_PUBLIC_KEY' : 'MEND_AUDIT_PUBLIC_KEY_FILE';
    return ed25519(() => createPublicKey(read(publicKey, variable)), variable);
  }
  if (privateKey) {
    const variable = 'pem' in privateKey ? 'MEND_AUDIT_KEY' : 'MEND_AUDIT_KEY_FILE';
    return createPublicKey(ed25519(() => createPrivateKey(read(privateKey, variable)), variable));
  }
  return undefined;
}
