import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import type { Options } from 'pino-http';
import { loadConfig } from '../../src/config/config';
import { loggerParams } from '../../src/logging/logging';

/** The level the request log gives a response, under a logger at `configured`. */
function levelOf(configured: string, statusCode: number, failure?: Error): string {
  const params = loggerParams(loadConfig({ MEND_DATA_DIR: tmpdir(), MEND_LOG_LEVEL: configured }));
  const options = params.pinoHttp as Options;
  return options.customLogLevel!({} as IncomingMessage, { statusCode } as ServerResponse, failure);
}

describe('the request log level of a response', () => {
  it('is info, warn or error by status at the default level', () => {
    expect([levelOf('info', 200), levelOf('info', 404), levelOf('info', 503), levelOf('info', 200, new Error('lost'))]).toEqual(['info', 'warn', 'error', 'error']);
  });

  it('is silent, so pino-http builds nothing, where the configured level would drop the line', () => {
    expect([levelOf('warn', 200), levelOf('warn', 404), levelOf('warn', 500)]).toEqual(['silent', 'warn', 'error']);
    expect([levelOf('silent', 200), levelOf('silent', 404), levelOf('silent', 500)]).toEqual(['silent', 'silent', 'silent']);
  });
});
