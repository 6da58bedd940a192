/** The part of autocannon's programmatic API the bench uses (the package ships no types). */
declare module 'autocannon' {
  interface Histogram {
    average: number;
    p50: number;
    p99: number;
    total: number;
  }
  interface Result {
    requests: Histogram;
    latency: Histogram;
    errors: number;
    non2xx: number;
  }
  interface Options {
    /** Several: connections are spread over them in turn. */
    url: string | string[];
    connections: number;
    duration: number;
    method: string;
    headers: Record<string, string>;
    body: string;
    requests?: Array<{
      method: string;
      headers: Record<string, string>;
      body: string;
      /** Rewrites the request each time it is sent. */
      setupRequest?: (req: { body?: string }) => { body?: string };
    }>;
  }
  function autocannon(options: Options, done: (err: Error | null, result: Result) => void): unknown;
  namespace autocannon {
    /** Figures from raw results (what autocannon hands back when it runs inside a worker thread). */
    function aggregateResult(results: unknown[], options: Options): Result;
  }
  export default autocannon;
}
