import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { KeyStore } from './key-store';
import { KEY_STORE } from './personal-data.codec';

@Injectable()
export class KeyStoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(KEY_STORE) private readonly keys: KeyStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.keys.close();
  }
}
