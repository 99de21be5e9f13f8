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

  it('reads the kind from what the abstract says the paper contributes', () => {
    // A named model release is a report, even without "technical report" in the title.
    expect(classify('MiniCPM4: Ultra-Efficient LLMs on End Devices', 'This paper introduces MiniCPM4, a highly efficient large language model (LLM) designed explicitly for end-side devices. Specifically, we propose InfLLM v2, a trainable sparse attention mechanism.').kind).toBe('report');
    // "a ... test" is a benchmark.
    expect(classify('The KoLMogorov Test: Compression by Code Generation', 'In this work, we introduce the KoLMogorov-Test (KT), a compression-as-intelligence test for code generating LLMs.').kind).toBe('benchmark');
    // A title ending on the contributed noun wins over "we introduce X, which improves ...".
    expect(classify('rStar-Coder: Scaling Competitive Code Reasoning with a Large-Scale Verified Dataset', 'We introduce rStar-Coder, which significantly improves LLM code reasoning capabilities by constructing a large-scale, verified dataset of 418K competition-level code problems.').kind).toBe('dataset');
    // A method that merely uses a library or a benchmark stays a method.
    expect(classify('AQLM: Extreme Compression of Large Language Models via Additive Quantization', 'We propose AQLM, which generalizes the classic Additive Quantization approach. We evaluate on standard benchmarks.', undefined, 'AQLM').kind).toBe('method');
  });

  it('infers the targets a reader expects beyond the literal signals', () => {
    // Pruning a language model, with no target named: its weights.
    const zip = classify('ZipLM: Hardware-Aware Structured Pruning of Language Models', 'In this paper, we propose a new structured compression approach for LLMs, called ZipLM, which provides state-of-the-art compression-vs-accuracy results.', undefined, 'ZipLM');
    expect(zip.techniques).toEqual(['pruning']);
    expect(zip.targets).toEqual(['weights']);
    // Pruning tokens is not pruning weights.
    expect(classify('Token Pruning for Efficient Inference', 'We prune redundant tokens with token pruning at every layer.').targets).not.toContain('weights');
    // Layers and parameter counts in a gradient-compression abstract say where, not what, it compresses.
    const greco = classify('L-GreCo: Layerwise-Adaptive Gradient Compression for Efficient and Accurate Deep Learning', 'Almost all known compression schemes apply compression uniformly across DNN layers, although layers are heterogeneous in terms of parameter count and their impact on model accuracy.', undefined, 'L-GreCo');
    expect(greco.targets).toEqual(['gradients']);
  });
});
