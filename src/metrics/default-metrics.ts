import perfHooks from 'node:perf_hooks';
import { collectDefaultMetrics, type Registry } from 'prom-client';

/**
 * prom-client's default process metrics (CPU, memory, heap, event-loop lag, GC, handles) in
 * `registry`, and a function that stops what they left running. prom-client subscribes a
 * garbage-collection observer and enables an event-loop-delay monitor for the life of the process
 * and offers no way to stop either (prometheus/client_js#500): the observer's callback keeps
 * whatever it was created beside, so every application closed in a process (each test file's) stayed
 * in memory. The two are caught as prom-client makes them, and stopped when the application closes.
 */
export function collectStoppableDefaultMetrics(registry: Registry, prefix: string): () => void {
  const observers: perfHooks.PerformanceObserver[] = [];
  const monitors: perfHooks.IntervalHistogram[] = [];
  const { observe } = perfHooks.PerformanceObserver.prototype;
  const monitorEventLoopDelay = perfHooks.monitorEventLoopDelay;
  perfHooks.PerformanceObserver.prototype.observe = function (this: perfHooks.PerformanceObserver, ...options: Parameters<typeof observe>) {
    observers.push(this);
    return observe.apply(this, options);
  };
  perfHooks.monitorEventLoopDelay = (...options) => {
    const monitor = monitorEventLoopDelay(...options);
    monitors.push(monitor);
    return monitor;
  };
  try {
    collectDefaultMetrics({ register: registry, prefix });
  } finally {
    perfHooks.PerformanceObserver.prototype.observe = observe;
    perfHooks.monitorEventLoopDelay = monitorEventLoopDelay;
  }
  return () => {
    for (const observer of observers.splice(0)) observer.disconnect();
    for (const monitor of monitors.splice(0)) monitor.disable();
  };
}
