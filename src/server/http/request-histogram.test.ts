import { describe, expect, it } from 'vitest';
import { RequestHistogram } from './request-histogram.ts';

describe('the request histogram', () => {
  it('exposes cumulative buckets, sum and count per method, route and status in the Prometheus text format', () => {
    const h = new RequestHistogram('t_seconds', 'Test', [0.01, 0.1]);
    h.observe('GET', '/a', 200, 0.005);
    h.observe('GET', '/a', 200, 0.01);
    h.observe('GET', '/a', 200, 0.05);
    h.observe('GET', '/a', 200, 3);
    h.observe('POST', '/a', 400, 0.2);
    const text = h.exposition();
    expect(text.split('\n').slice(0, 2)).toEqual(['# HELP t_seconds Test', '# TYPE t_seconds histogram']);
    expect(text).toContain('t_seconds_bucket{le="0.01",method="GET",route="/a",status="200"} 2\n');
    expect(text).toContain('t_seconds_bucket{le="0.1",method="GET",route="/a",status="200"} 3\n');
    expect(text).toContain('t_seconds_bucket{le="+Inf",method="GET",route="/a",status="200"} 4\n');
    expect(text).toContain('t_seconds_sum{method="GET",route="/a",status="200"} 3.065\n');
    expect(text).toContain('t_seconds_count{method="GET",route="/a",status="200"} 4\n');
    expect(text).toContain('t_seconds_bucket{le="0.1",method="POST",route="/a",status="400"} 0\n');
    expect(text).toContain('t_seconds_count{method="POST",route="/a",status="400"} 1\n');
  });

  it('escapes label values', () => {
    const h = new RequestHistogram('t', 'T', [1]);
    h.observe('GET', '/a"b\\c', 200, 0);
    expect(h.exposition()).toContain('route="/a\\"b\\\\c"');
  });
});
