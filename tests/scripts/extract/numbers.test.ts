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
});
