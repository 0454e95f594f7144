import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { consoleRoot } from '../../src/console/console-root';
import { startApp, type RunningApp } from '../support/app';

/** Every route the application registers, as OpenAPI spells it: `GET /cases/{id}`. */
function registeredRoutes(running: RunningApp): string[] {
  const routes = new Set<string>();
  for (const module of running.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const prefix = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (path === undefined || method === undefined) continue;
        const full = `/${[prefix, path].flatMap((p) => p.split('/')).filter(Boolean).join('/')}`.replace(/:(\w+)/g, '{$1}');
        routes.add(`${RequestMethod[method]} ${full}`);
      }
    }
  }
  return [...routes].sort();
}

describe('/openapi.json documents every route the application serves', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(async () => running.close());

  it('lists each registered route, and nothing the application does not serve', async () => {
    const document = (await (await fetch(`${running.baseUrl}/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(document.paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`))
      // One generic route serves every command; the document lists each command under it.
      .map((route) => route.replace(/^POST \/cases\/\{id\}\/commands\/\w+$/, 'POST /cases/{id}/commands/{command}'));
    const routes = registeredRoutes(running);
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.filter((route) => !documented.includes(route))).toEqual([]);
    // Routes served beside the controllers (the console's static shell) must answer all the same.
    for (const route of [...new Set(documented)].filter((r) => !routes.includes(r))) {
      const [method, path] = route.split(' ') as [string, string];
      expect(path).not.toContain('{');
      if (path === '/' && !consoleRoot()) continue; // the console is served once built (npm run build:console)
      expect([route, (await fetch(`${running.baseUrl}${path}`, { method })).status]).not.toEqual([route, 404]);
    }
  });
});
