import { describe, expect, it } from 'vitest';
import { classify } from '../../../scripts/ingest/extract/classify.ts';

describe('classify', () => {
  it('reads techniques and targets from the taxonomy signals, title first', () => {
    expect(classify('GPTQ: Accurate Post-Training Quantization for Generative Pre-trained Transformers', 'We quantize the weights of GPT models to 3 bits per weight.')).toMatchObject({ techniques: ['quantization'], targets: ['weights'], kind: 'method' });
    const kv = classify('Model Tells You What to Discard: Adaptive KV Cache Compression for LLMs', 'We evict long-range contexts and discard non-special tokens from the KV cache.');
    expect(kv.techniques).toContain('token-selection');
    expect(kv.targets).toEqual(['kv-cache']);
    const mlic = classify('MLICv2: Enhanced Multi-Reference Entropy Modeling for Learned Image Compression', 'Learned image compression with an entropy model.');
    expect(mlic.techniques).toEqual(expect.arrayContaining(['learned-codec', 'entropy-coding']));
    expect(mlic.targets).toContain('images');
  });

  it('gives exactly one kind, from the title when it says so', () => {
    expect(classify('Model Compression and Efficient Inference for Large Language Models: A Survey', 'This paper surveys quantization and pruning.').kind).toBe('survey');
    expect(classify('Qwen2.5-1M Technical Report', 'We release the Qwen2.5-1M series.').kind).toBe('report');
    expect(classify('When Reasoning Meets Compression: Benchmarking Compressed Large Reasoning Models', 'We benchmark compressed models.').kind).toBe('benchmark');
  });
});
