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

  it('reads the first of the instantiations a contribution lists after a colon', () => {
    // Draft-based Approximate Inference for LLMs (digest 003).
    expect(
      extractMethod(
        'Draft-based Approximate Inference for LLMs',
        'Specifically, we introduce two instantiations of our proposed framework: (i) SpecKV, which leverages a draft output to accurately assess the importance of each KV pair for more effective KV cache dropping, and (ii) SpecPC, which uses the draft model\'s attention activations to identify and discard unimportant prompt tokens.',
      ),
    ).toBe('SpecKV');
  });

  it('reads termed / dubbed / called', () => {
    expect(extractMethod('Learn to Reason', 'The resulting method is termed LASER-D (Dynamic and Difficulty-aware).')).toBe('LASER-D');
  });

  it('ignores field acronyms, plurals, model names and numbers', () => {
    expect(extractMethod('Analysis of caches', 'Key-value (KV) caches of large language models (LLMs) grow. We study Qwen3-14B and DeepSeek-R1-Distill-Qwen-7B on 16 tasks.')).toBeNull();
    expect(extractMethod('Lossless Compression with Probabilistic Circuits', 'We propose probabilistic circuits (PCs) for lossless compression.')).toBeNull();
    expect(extractMethod('Slow-Fast Architecture', 'We present 16 frames per second in a novel slow-fast architecture.')).toBeNull();
  });

  it('names a technical report for the model it releases', () => {
    expect(extractMethod('Qwen2.5-1M Technical Report', 'We introduce Qwen2.5-1M, a series of models that extend the context length to 1 million tokens.')).toBe('Qwen2.5-1M');
  });

  it('takes the acronym of the title spelled out in the abstract', () => {
    const abstract = 'We explore the decomposition of the Minimum Entropy Coupling with Bottleneck (MEC-B) into two distinct optimization problems.';
    expect(extractMethod('Minimum Entropy Coupling with Bottleneck', abstract)).toBe('MEC-B');
  });

  it('reads "we refer to ... as X" and names with a semicolon', () => {
    expect(extractMethod('In defense of parameter sharing for model-compression', 'We provably address both of these issues. We refer to the modified RPS, which incorporates our improvements, as STABLE-RPS.')).toBe('STABLE-RPS');
    expect(extractMethod('Too Large; Data Reduction for Vision-Language Pre-Training', 'To address these issues, we propose an efficient and straightforward Vision-Language learning algorithm called TL;DR, which aims to compress the existing large VLP data into a small, high-quality set.')).toBe('TL;DR');
  });

  it('takes a mixed-case acronym after its expansion in a sentence about the paper', () => {
    const abstract = 'To accomplish this, we generate the synthetic data, and we train the proposed Compression model for Long context Retrieval (CoLoR) with this data via preference optimization.';
    expect(extractMethod('Efficient Long Context Language Model Retrieval with Compression', abstract)).toBe('CoLoR');
  });

  it('takes a name that is the subject of a result verb when nothing else names it', () => {
    expect(extractMethod('Model Tells You What to Discard', 'We introduce adaptive KV cache compression, a plug-and-play method. FastGen can be deployed without fine-tuning.')).toBe('FastGen');
  });

  it('takes a plain capitalised word that an appositive defines and the abstract uses again', () => {
    // Adaptive Guidance Accelerates Reinforcement Learning of Reasoning Models (digest 002).
    const guide =
      'Based of these insights, we derive Guide -- a new class of online training algorithms. Guide adaptively incorporates hints into the model\'s context on problems for which all rollouts were initially incorrect.';
    expect(extractMethod('Adaptive Guidance Accelerates Reinforcement Learning of Reasoning Models', guide)).toBe('Guide');
    // Achieving Tokenizer Flexibility in Language Models (digest 002): spelled as the abstract spells it.
    const tokenadapt =
      'Our framework introduces two innovations: first, Tokenadapt, a model-agnostic tokenizer transplantation method, and second, novel pre-tokenization learning for multi-word Supertokens. Tokenadapt initializes new unique token embeddings via a hybrid heuristic.';
    expect(extractMethod('Achieving Tokenizer Flexibility in Language Models', tokenadapt)).toBe('Tokenadapt');
  });

  it('takes no sentence-opening word, no word used once and no word of a longer name as an appositive name', () => {
    expect(extractMethod('Efficient Reasoning', 'However, a new method is needed. We show that pruning helps, and However is not a name.')).toBeNull();
    expect(extractMethod('Compressed Text', 'We propose Windows, a novel compression technique whereby text is segmented into blocks.')).toBeNull();
    // A baseline the paper compares against, however often it is named, is not its contribution.
    expect(extractMethod('Faster Drafting', 'We compare against Medusa, a speculative decoding framework, and find that Medusa drafts too slowly.')).toBeNull();
    // Extreme Compression of Large Language Models via Additive Quantization (digest 001).
    expect(extractMethod('Extreme Compression', 'Our work builds on top of Additive Quantization, a classic algorithm from the MCQ family. Additive Quantization is old.')).toBeNull();
  });

  it('takes a quoted name of several words, and a model the paper builds on a family name', () => {
    // Post-Training Sparse Attention with Double Sparsity (digest 001).
    const doubleSparsity = 'This paper introduces "Double Sparsity," a novel post-training sparse attention technique designed to alleviate this bottleneck by reducing KV cache access.';
    expect(extractMethod('Post-Training Sparse Attention with Double Sparsity', doubleSparsity)).toBe('Double Sparsity');
    // Adaptive Audio-Visual Speech Recognition via Matryoshka-Based Multimodal LLMs (digest 001).
    const mtsk = 'To address this challenge, we propose Llama-MTSK, the first Matryoshka-based Multimodal LLM for AVSR.';
    expect(extractMethod('Adaptive Audio-Visual Speech Recognition via Matryoshka-Based Multimodal LLMs', mtsk)).toBe('Llama-MTSK');
    // A family name with a version stays a model the paper uses.
    expect(extractMethod('Efficient Inference', 'We propose Llama-3.2 for edge devices.')).toBeNull();
  });

  it('does not take the acronym of what a method is for', () => {
    // Learning Representations for CSI Adaptive Quantization and Feedback (digest 001).
    const abstract = 'In this work, we propose an efficient method for channel state information (CSI) adaptive quantization and feedback in frequency division duplexing (FDD) systems.';
    expect(extractMethod('Learning Representations for CSI Adaptive Quantization and Feedback', abstract)).toBeNull();
  });

  it('takes an acronym written straight after its expansion, without brackets, in a contribution clause', () => {
    // Extreme Compression of Large Language Models via Additive Quantization (digest 001).
    const abstract = 'We release our implementation of Additive Quantization for Language Models AQLM as a baseline to facilitate future research in LLM quantization.';
    expect(extractMethod('Extreme Compression of Large Language Models via Additive Quantization', abstract)).toBe('AQLM');
  });
});
