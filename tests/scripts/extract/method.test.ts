import { describe, expect, it } from 'vitest';
import { extractMethod } from '../../../scripts/ingest/extract/method.ts';

describe('extractMethod', () => {
  it('takes the short name before a title colon, symbols and digits included', () => {
    expect(extractMethod('GPTQ: Accurate Post-Training Quantization for Generative Pre-trained Transformers', '')).toBe('GPTQ');
    expect(extractMethod('LLMC+: Benchmarking Vision-Language Model Compression with a Plug-and-play Toolkit', '')).toBe('LLMC+');
    expect(extractMethod('UloRL:An Ultra-Long Output Reinforcement Learning Approach', '')).toBe('UloRL');
    expect(extractMethod('Twilight: Adaptive Attention Sparsity with Hierarchical Top-p Pruning', '')).toBe('Twilight');
    expect(extractMethod('Adaptive Precision Training (AdaPT): A dynamic fixed point quantized training approach', '')).toBe('AdaPT');
  });

  it('never takes a phrase before a colon, or a survey label', () => {
    expect(extractMethod('Think Right: Learning to Mitigate Under-Over Thinking', 'We study things.')).toBeNull();
    expect(extractMethod('Survey: Compression of LLMs', 'We review compression.')).toBeNull();
    expect(extractMethod('Model Compression and Efficient Inference for Large Language Models: A Survey', 'Large language models (LLMs) are big. This survey reviews methods.')).toBeNull();
  });

  it('reads "we propose X" and an acronym that abbreviates the words before it', () => {
    expect(extractMethod('Think Right: Learning', 'To address it, we propose TRAAC (Think Right with Adaptive, Attentive Compression), an online method.')).toBe('TRAAC');
    expect(extractMethod('Learn to Reason Efficiently', 'Large Reasoning Models (LRMs) think long. We propose a novel Length-bAsed StEp Reward shaping method (LASER), which employs a step function.')).toBe('LASER');
    expect(extractMethod('Self-Compression of Chain-of-Thought', 'Reinforcement learning (RL) helps. Our framework, Self-Compression via MARL (SCMA), instantiates agents.')).toBe('SCMA');
    expect(extractMethod('Deep Gradient Compression', 'In this paper, we find 99.9% of the gradient exchange is redundant, and propose Deep Gradient Compression (DGC) to reduce bandwidth.')).toBe('DGC');
  });

  it('reads termed / dubbed / called', () => {
    expect(extractMethod('Learn to Reason', 'The resulting method is termed LASER-D (Dynamic and Difficulty-aware).')).toBe('LASER-D');
  });

  it('ignores field acronyms, plurals, model names and numbers', () => {
    expect(extractMethod('Analysis of caches', 'Key-value (KV) caches of large language models (LLMs) grow. We study Qwen3-14B and DeepSeek-R1-Distill-Qwen-7B on 16 tasks.')).toBeNull();
    expect(extractMethod('Lossless Compression with Probabilistic Circuits', 'We propose probabilistic circuits (PCs) for lossless compression.')).toBeNull();
    expect(extractMethod('Slow-Fast Architecture', 'We present 16 frames per second in a novel slow-fast architecture.')).toBeNull();
  });

  it('takes a name that is the subject of a result verb when nothing else names it', () => {
    expect(extractMethod('Model Tells You What to Discard', 'We introduce adaptive KV cache compression, a plug-and-play method. FastGen can be deployed without fine-tuning.')).toBe('FastGen');
  });
});
