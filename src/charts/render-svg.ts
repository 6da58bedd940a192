import type { Loader } from 'vega';
import type { TopLevelSpec } from 'vega-lite';

/**
 * Charts are Vega-Lite specifications with their data inline, rendered to SVG here on the server (no browser, no
 * canvas: Vega's headless renderer estimates text widths). Nothing is ever loaded: the loader refuses every URL,
 * so a chart cannot reach the network or the file system whatever its data says.
 * Vega is imported on the first chart (about half a second), not at start-up.
 */
let renderer: Promise<{ vega: typeof import('vega'); compile: typeof import('vega-lite').compile; loader: Loader }> | undefined;

function load() {
  // One after the other: they share modules, and jest's ESM loader fails on two graphs linking the same module at once.
  renderer ??= (async () => {
    const vega = await import('vega');
    const vl = await import('vega-lite');
    const loader = vega.loader();
    const refuse = async (uri: string): Promise<never> => {
      throw new Error(`Charts load nothing (asked for ${uri})`);
    };
    loader.load = refuse;
    loader.sanitize = refuse;
    return { vega, compile: vl.compile, loader };
  })().catch((err: unknown) => {
    renderer = undefined; // the next chart tries again
    throw err;
  });
  return renderer;
}

/** The house look of every chart. */
export const CHART_CONFIG = {
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  title: { fontSize: 15, subtitleFontSize: 12, subtitleColor: '#555', anchor: 'start', offset: 12 },
  axis: { labelFontSize: 11, titleFontSize: 12, labelLimit: 260 },
  header: { labelFontSize: 12, titleFontSize: 12, labelLimit: 300 },
  legend: { labelFontSize: 11, titleFontSize: 11, labelLimit: 300 },
  view: { stroke: null },
} as const;

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const { vega, compile, loader } = await load();
  const compiled = compile({ ...spec, config: { ...CHART_CONFIG, ...(spec.config ?? {}) } } as TopLevelSpec, {
    logger: vega.logger(vega.Error),
  }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader, logLevel: vega.Error });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
