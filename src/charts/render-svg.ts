import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * Charts are Vega-Lite specifications with their data inline, rendered to SVG here on the server (no browser, no
 * canvas: Vega's headless renderer estimates text widths). Nothing is ever loaded: the loader refuses every URL,
 * so a chart cannot reach the network or the file system whatever its data says.
 */
const offlineLoader = vega.loader();
offlineLoader.load = async (uri: string) => {
  throw new Error(`Charts load nothing (asked for ${uri})`);
};
offlineLoader.sanitize = async (uri: string) => {
  throw new Error(`Charts load nothing (asked for ${uri})`);
};

/** The house look of every chart. */
export const CHART_CONFIG = {
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  title: { fontSize: 15, subtitleFontSize: 12, subtitleColor: '#555', anchor: 'start', offset: 12 },
  axis: { labelFontSize: 11, titleFontSize: 12, labelLimit: 260 },
  header: { labelFontSize: 12, titleFontSize: 12, labelLimit: 300 },
  legend: { labelFontSize: 11, titleFontSize: 11 },
  view: { stroke: null },
} as const;

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const compiled = compile({ ...spec, config: { ...CHART_CONFIG, ...(spec.config ?? {}) } } as TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader: offlineLoader, logLevel: vega.Error });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
