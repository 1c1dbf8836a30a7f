/** Reading Prometheus text the apps serve at /metrics. */

/** The value of one sample, e.g. metricSample(text, 'resettle_queue_delayed', { queue: 'deadlines' }); null if none. */
export function metricSample(text: string, name: string, labels: Record<string, string> = {}): number | null {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (!Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) continue;
    return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return null;
}
