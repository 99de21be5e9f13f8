import { describe, expect, it } from 'vitest';
import { type LoaderPort, fileLoader } from '../../../src/lib/search/index-loader-client.ts';
import type { LoaderRequest, LoaderResponse } from '../../../src/lib/search/worker-protocol.ts';

/** A loader worker stand-in: records requests; the test answers them or fails to start. */
class FakeLoader extends EventTarget implements LoaderPort {
  requests: LoaderRequest[] = [];
  postMessage(message: LoaderRequest): void {
    this.requests.push(message);
  }
  answer(response: LoaderResponse): void {
    this.dispatchEvent(new MessageEvent('message', { data: response }));
  }
}

describe('fileLoader', () => {
  it('matches each answer to its request, whatever the order, and passes errors on', async () => {
    const worker = new FakeLoader();
    const load = fileLoader(() => worker);
    const meta = load('https://example.org/search/v/meta.json');
    const shard = load('https://example.org/search/v/s/qu.json');
    const missing = load('https://example.org/search/v/s/zz.json');
    const [first, second, third] = worker.requests;
    worker.answer({ id: second!.id, data: { terms: ['quantization'] } });
    worker.answer({ id: third!.id, error: 'search index file /search/v/s/zz.json: HTTP 404' });
    worker.answer({ id: first!.id, data: { count: 3 } });
    expect(await meta).toEqual({ count: 3 });
    expect(await shard).toEqual({ terms: ['quantization'] });
    await expect(missing).rejects.toThrow('HTTP 404');
  });

  it('fails waiting and later requests when the loader cannot start, instead of leaving them waiting', async () => {
    const worker = new FakeLoader();
    const load = fileLoader(() => worker);
    const waiting = load('https://example.org/search/v/meta.json');
    worker.dispatchEvent(new Event('error', { cancelable: true }));
    await expect(waiting).rejects.toThrow('did not start');
    await expect(load('https://example.org/search/v/s/qu.json')).rejects.toThrow('did not start');
    expect(worker.requests).toHaveLength(1);
  });
});
