import { describe, expect, it } from 'vitest';
import { extractNumbers } from '../../../scripts/ingest/extract/numbers.ts';

const pick = (text: string) => extractNumbers(text).map(({ value, unit, text: span, kind }) => ({ value, unit, text: span, kind }));

describe('extractNumbers', () => {
  it('reads percentages, signed gains with their benchmark, and keeps the sentence', () => {
    const numbers = extractNumbers('Experiments on DeepSeek-R1-Distill-Qwen-7B show gains. For instance, LASER-D achieves a +6.1 improvement on AIME2024 while reducing token usage by 63%.');
    expect(numbers.map((n) => [n.value, n.unit, n.kind, n.metric])).toEqual([
      [6.1, 'points', 'accuracy-change', 'AIME2024'],
      [63, '%', 'token-reduction', null],
    ]);
    expect(numbers[1]!.sentence).toMatch(/^For instance, LASER-D/);
  });

  it('reads ranges with a hyphen, a double dash or "to", never as negative numbers', () => {
    expect(pick('It achieves 3.7-4.3x compression.')[0]).toMatchObject({ value: { min: 3.7, max: 4.3 }, unit: 'x', kind: 'compression-ratio' });
    expect(pick('SpecVLM gives a 1.5--2.3x end-to-end speedup.')[0]).toMatchObject({ value: { min: 1.5, max: 2.3 }, unit: 'x', kind: 'speedup' });
    expect(pick('SCMA reduces response length by 11.1% to 39.0%.')[0]).toMatchObject({ value: { min: 11.1, max: 39 }, unit: '%' });
    expect(pick('at 20-50% compression rates')[0]).toMatchObject({ value: { min: 20, max: 50 }, unit: '%' });
  });

  it('reads bits per parameter, sizes, dB and times', () => {
    expect(pick('QMoE compresses the 1.6 trillion parameter model to less than 160GB (20x compression, 0.8 bits per parameter).')).toMatchObject([
      { value: 160, unit: 'GB' },
      { value: 20, unit: 'x', kind: 'compression-ratio' },
      { value: 0.8, unit: 'bits', kind: 'bits-per-parameter' },
    ]);
    expect(pick('a PSNR gain of 2.64dB')[0]).toMatchObject({ value: 2.64, unit: 'dB', kind: 'accuracy-change' });
    expect(pick('up to 14.1times acceleration in attention')[0]).toMatchObject({ value: 14.1, unit: 'x', kind: 'speedup' });
  });

  it('never reads model names, sizes or versions as results', () => {
    expect(pick('We test Qwen3-14B, Llama-3.2, H.264, an 8B-parameter model and DeepSeek-R1-Distill-Qwen-7B in 2024.')).toEqual([]);
  });

  it('never reads a grid or an image size as a ratio', () => {
    // Text4Seg (digest 000), after clean-up turned its `16times16` into `16×16`.
    expect(pick('We demonstrate that representing an image with 16×16 semantic descriptors yields competitive segmentation performance.')).toEqual([]);
    expect(pick('Inputs are 224 × 224 crops, and inference is 3× faster.')).toMatchObject([{ value: 3, unit: 'x', text: '3×', kind: 'speedup' }]);
  });
});

describe('extractNumbers on more digest wording', () => {
  const values = (abstract: string) => extractNumbers(abstract).map((n) => [n.value, n.unit]);

  it('reads "from X to Y" as a before and an after, and "ranging from X to Y" as a range', () => {
    expect(values("improves the model's performance on AIME2025 from 70.9% to 85.1% and on BeyondAIME from 50.7% to 61.9%.")).toEqual([
      [70.9, '%'], [85.1, '%'], [50.7, '%'], [61.9, '%'],
    ]);
    expect(values('CAMERA-P consistently outperforms strong baselines under pruning ratios ranging from 20% to 60%.')).toEqual([[{ min: 20, max: 60 }, '%']]);
  });

  it('understands percent, N-point, factor of, x63.6 and number words', () => {
    expect(values('SHRP achieves 93% of the original model accuracy while reducing parameters by 48 percent.')).toEqual([[93, '%'], [48, '%']]);
    expect(values('approximately 25-point Exact Match (EM) improvement under 32x compression constraint.')).toEqual([[25, 'points'], [32, 'x']]);
    expect(values('CoLoR improves the retrieval performance by 6% while compressing the in-context size by a factor of 1.91.')).toEqual([[6, '%'], [1.91, 'x']]);
    expect(values('we are able to compress by x63.6 the VGG16 ImageNet model.')).toEqual([[63.6, 'x']]);
    expect(values('expand the model context lengths by at least four times, or even more.')).toEqual([[4, 'x']]);
  });

  it('splits numbers a lost space glued to a word, keeping the sentence as written', () => {
    const numbers = extractNumbers('outperforming BERT base by 0.4% accuracy with 7.5x fewer parameters and9.4x faster inference speed.');
    expect(numbers.map((n) => [n.value, n.unit])).toEqual([[0.4, '%'], [7.5, 'x'], [9.4, 'x']]);
    expect(numbers[2]!.sentence).toContain('and9.4x');
  });

  it('skips hardware counts and sizes that describe the setting', () => {
    expect(values('on a single server with 4x NVIDIA A6000 or 8x NVIDIA 3090 GPUs, at less than 5% runtime overhead.')).toEqual([[5, '%']]);
    expect(values('run 33B parameter LLM on a single 24 GB consumer GPU without any performance degradation at 15% speedup.')).toEqual([[15, '%']]);
  });

  it('reports bits per byte as bpb', () => {
    expect(values('Nacrith achieves 0.918 bits per byte (bpb) on alice29.txt.')).toEqual([[0.918, 'bpb']]);
  });
});

describe('what a number measures, on digest sentences', () => {
  const kinds = (sentence: string) => extractNumbers(sentence).map((n) => [n.text, n.kind]);

  it('reads the words right after the number, and "X% of the Y" as a share of Y', () => {
    // ZipLM and ERNIE-Tiny (digests 003 and 002).
    expect(kinds('In particular, when compressing GPT2 model, it outperforms DistilGPT2 while being 60% smaller and 30% faster.')).toEqual([
      ['60%', 'size-reduction'],
      ['30%', 'speedup'],
    ]);
    expect(kinds('ERNIE-Tiny outperforms BERT base by 0.4% accuracy with 7.5x fewer parameters and 9.4x faster inference speed.')).toEqual([
      ['0.4%', 'accuracy-change'],
      ['7.5x', 'size-reduction'],
      ['9.4x', 'speedup'],
    ]);
    // DynamicKV (digest 001): a share of the cache is its compression, a share of the performance an accuracy figure.
    expect(kinds('Our method retains only 1.7% of the KV cache size while achieving ~85% of the Full KV cache performance on LongBench.')).toEqual([
      ['1.7%', 'compression-ratio'],
      ['~85%', 'accuracy-change'],
    ]);
  });

  it('reads what a change is of, not an accuracy the sentence says did not change', () => {
    // TrimR (digest 002): the runtime improves; accuracy is named only as unharmed.
    expect(
      kinds('In particular, on the four MATH500, AIME24, AIME25, and GPQA benchmarks, the reasoning runtime of Pangu Pro MoE, Pangu-R-38B, QwQ-32B, and DeepSeek-R1-Distill-Qwen-32B is improved by up to 70% with negligible impact on accuracy.'),
    ).toEqual([['70%', 'speedup']]);
    expect(extractNumbers('The reasoning runtime of QwQ-32B is improved by up to 70% with negligible impact on accuracy.')[0]!.metric).toBeNull();
    // Think Silently, Think Fast (digest 003).
    expect(kinds('It reduces reasoning chain length by 53.3% with only 4.8% performance degradation compared to explicit CoT method.')).toEqual([
      ['53.3%', 'token-reduction'],
      ['4.8%', 'accuracy-change'],
    ]);
  });

  it('gives every number of a list what the list shares', () => {
    // Compresso (digest 000) and CMIC (digest 001).
    expect(kinds('Compresso achieves up to 2.21%, 11.43%, 7.04%, and 4.81% higher scores on the commonsense reasoning, reading comprehension, MMLU, and BBH benchmarks.').map(([, kind]) => kind)).toEqual(
      Array(4).fill('accuracy-change'),
    );
    expect(kinds('CMIC achieves state-of-the-art rate-distortion performance, surpassing VTM-21.0 by -15.91%, -21.34%, and -17.58% BD-rate on Kodak, Tecnick, and CLIC benchmarks.').map(([, kind]) => kind)).toEqual(
      Array(3).fill('compression-ratio'),
    );
  });

  it('tells a compression gain from a speed-up in the same sentence', () => {
    // L-GreCo (digest 002) and LLMLingua-2 (digest 002).
    expect(kinds('L-GreCo achieves up to 2.5times training speedup and up to 5times compression improvement over efficient implementations.')).toEqual([
      ['2.5times', 'speedup'],
      ['5times', 'compression-ratio'],
    ]);
    expect(kinds('LLMLingua-2 accelerates the end-to-end latency by 1.6x-2.9x with compression ratios of 2x-5x.')).toEqual([
      ['1.6x-2.9x', 'speedup'],
      ['2x-5x', 'compression-ratio'],
    ]);
  });
});
