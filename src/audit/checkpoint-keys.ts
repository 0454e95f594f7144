import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { KeySource, MendConfig } from '../config/config';
import { AuditKeyInvalid, AuditKeyMissing } from './audit-errors';

function read(source: KeySource, variable: string): string {
  if ('pem' in source) return source.pem;
  try {
    return readFileSync(source.file, 'utf8');
  } catch (error) {
    throw AuditKeyInvalid({ variable, fault: 'unreadable', detail: (error as NodeJS.ErrnoException).code ?? 'error' });
  }
}

/** The key made from `source`'s PEM: a file that cannot be read is said so (read first), a text that is no key is not a PEM key. */
function ed25519(source: KeySource, make: (pem: string) => KeyObject, variable: string): KeyObject {
  const pem = read(source, variable);
  let key: KeyObject;
  try {
    key = make(pem);
  } catch {
    throw AuditKeyInvalid({ variable, fault: 'notPem' });
  }
  if (key.asymmetricKeyType !== 'ed25519') throw AuditKeyInvalid({ variable, fault: 'notEd25519', detail: String(key.asymmetricKeyType) });
  return key;
}

/** The private key `mend audit checkpoint` signs with (MEND_AUDIT_KEY or MEND_AUDIT_KEY_FILE). */
export function signingKey(config: MendConfig): KeyObject {
  const source = config.auditKeys.privateKey;
  if (!source) throw AuditKeyMissing({});
  const variable = 'pem' in source ? 'MEND_AUDIT_KEY' : 'MEND_AUDIT_KEY_FILE';
  const privateKey = ed25519(source, createPrivateKey, variable);
  const publicKey = verifyingKey(config);
  if (publicKey && !createPublicKey(privateKey).equals(publicKey)) {
    throw AuditKeyInvalid({ variable, fault: 'notThePair' });
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
    return ed25519(publicKey, createPublicKey, variable);
  }
  if (privateKey) {
    const variable = 'pem' in privateKey ? 'MEND_AUDIT_KEY' : 'MEND_AUDIT_KEY_FILE';
    return createPublicKey(ed25519(privateKey, createPrivateKey, variable));
  }
  return undefined;
}
