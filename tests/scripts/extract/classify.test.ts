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

  it('does not take a technique the abstract names only beside or against its own', () => {
    // From the LoRD abstract (digest 000): quantization is what LoRD differs from and stays compatible with.
    const lord = classify(
      'LORD: Low Rank Decomposition Of Monolingual Code LLMs For One-Shot Compression',
      'Low Rank Decomposition of matrix - splitting a large matrix into a product of two smaller matrix offers a means for compression that reduces the parameters of a model without sparsification. Moreover, unlike quantization, the compressed linear layers remain fully differentiable and all the parameters trainable. Low Rank Decomposition (LoRD) models remain compatible with state of the art near-lossless quantization method such as SpQR, which allows leveraging further compression gains of quantization.',
      undefined,
      'LoRD',
    );
    expect(lord.techniques).toEqual(['low-rank']);
    // The same word as the paper's own technique still counts.
    expect(classify('Post-Training Quantization Made Simple', 'We propose a post-training quantization method; unlike pruning, it keeps every weight. It quantizes weights to 4 bits.').techniques).toEqual(['quantization']);
  });

  it('does not read fine-tuning with LoRA adapters as low-rank compression', () => {
    // From the Compresso abstract (digest 000): LoRA tunes the model while it is pruned.
    const compresso = classify(
      'Compresso: Structured Pruning with Collaborative Prompting Learns Compact Large Language Models',
      'In this work, we introduce a new paradigm for structurally pruning LLMs, called Compresso. Compresso addresses the challenges of expensive training costs and data collection by incorporating Low-Rank Adaptation (LoRA) into the L_0 regularization during the instruction tuning process. To this end, Compresso prunes LLaMA-7B to 5.4B, maintaining original performance.',
      undefined,
      'Compresso',
    );
    expect(compresso.techniques).toEqual(['pruning']);
    // Low-rank factorisation of the weights is still low-rank compression, beside a LoRA mention.
    const factorised = classify('Low-Rank Compression of Language Models', 'We factorize every weight matrix into low-rank factors and recover accuracy with LoRA.');
    expect(factorised.techniques).toEqual(['low-rank']);
  });

  it("takes a technique named once when the paper names one of the technique's usual targets", () => {
    // From the COMI abstract (digest 002): token merging, named once, in a context-compression paper.
    const comi = classify(
      'COMI: Coarse-to-fine Context Compression via Marginal Information Gain',
      'Context compression methods address these challenges by significantly reducing input length and eliminating redundancy. We propose COMI, a coarse-to-fine adaptive context compression framework. The framework operates in two stages: (1) Coarse-Grained Group Reallocation, where the context is partitioned into groups and dynamically assigned compression rates; and (2) Fine-Grained Token Merging, where tokens within each group are fused.',
      undefined,
      'COMI',
    );
    expect(comi.targets).toContain('context');
    expect(comi.techniques).toContain('token-selection');
    // The same single mention in a weight-pruning abstract, which names no usual target of token selection, is background.
    const weights = classify('Structured Pruning of Large Language Models', 'We prune attention heads and channels of the weights. Unlike token merging, the pruned model is smaller on disk.');
    expect(weights.techniques).toEqual(['pruning']);
  });

  it('reads RL by its abbreviation where it drives compression', () => {
    // From the RLKV abstract (digest 003): "RL-Guided" in the title, reinforcement learning once in the abstract.
    const rlkv = classify(
      'Which Heads Matter for Reasoning? RL-Guided KV Cache Compression',
      'Existing KV cache compression methods underperform on reasoning models. We propose RLKV, a novel reasoning-critical head identification framework, which uses reinforcement learning to directly optimize the relationship between each head cache usage and reasoning quality.',
      undefined,
      'RLKV',
    );
    expect(rlkv.techniques).toContain('reinforcement-learning');
  });

  it('reads trimmed redundant thinking as token selection and soft context compression as a learned codec', () => {
    // From the TrimR abstract (digest 002): redundant thinking is truncated in a reasoning paper.
    const trimr = classify(
      'TrimR: Verifier-based Training-Free Thinking Compression for Efficient Test-Time Scaling',
      'A key inefficiency source is LRMs often generate redundant thinking CoTs, which demonstrate clear structured overthinking and underthinking patterns. We propose TrimR, a verifier-based, training-free, efficient framework for dynamic CoT compression to trim reasoning and enhance test-time scaling.',
      undefined,
      'TrimR',
    );
    expect(trimr.targets).toEqual(['reasoning']);
    expect(trimr.techniques).toEqual(['token-selection']);
    // From the CompLLM abstract (digest 000): the context is mapped to latent representations.
    const compllm = classify(
      'CompLLM: Compression for Long Context Q&A',
      'While soft context compression methods, which map input text to smaller latent representations, have shown promise, their real-world adoption is limited. In this work, we introduce CompLLM, a soft compression technique designed for practical deployment.',
      undefined,
      'CompLLM',
    );
    expect(compllm.techniques).toEqual(['learned-codec']);
  });

  it('reads token importance and redundant tokens as token selection, a neural compressor as a learned codec, and structured matrices as factorization', () => {
    // KVCompose (digest 001): "composite tokens" are chosen by importance, no eviction word in sight.
    const kvCompose = classify(
      'KVCompose: Efficient Structured KV Cache Compression with Composite Tokens',
      'We propose a simple, yet effective, KV cache compression framework based on attention-guided, layer-adaptive composite tokens. Our method aggregates attention scores to estimate token importance, selects head-specific tokens independently, and aligns them into composite tokens.',
    );
    expect(kvCompose.techniques).toContain('token-selection');
    // Token-level Correlation-guided Compression (digest 001).
    const documents = classify(
      'Token-level Correlation-guided Compression for Efficient Multimodal Document Understanding',
      'This method identifies redundant tokens, allowing for the determination of the sub-image\'s information density. Secondly, we present a token-level sampling method that efficiently captures the most informative tokens.',
    );
    expect(documents.techniques).toEqual(['token-selection']);
    // Squeeze3D and BLAST (digest 001): the title names what the paper builds.
    expect(classify('Squeeze3D: Your 3D Generation Model is Secretly an Extreme Neural Compressor', 'We compress 3D data at extremely high compression ratios.').techniques).toEqual(['learned-codec']);
    expect(classify('BLAST: Block-Level Adaptive Structured Matrices for Efficient Deep Neural Network Inference', 'The BLAST matrix achieves a 2x compression.').techniques).toEqual(['low-rank']);
    // "unimportant tokens" after "Existing methods" (GEAR) is background, and stays out of the signals.
    expect(classify('GEAR: An Efficient KV Cache Compression Recipe', 'Existing methods rely on dropping unimportant tokens or quantizing all entries uniformly. GEAR applies quantization to most entries.').techniques).toEqual(['quantization']);
  });

  it('takes techniques listed together with one the paper has, unless the list is background or negated', () => {
    // From the MiniCPM4 abstract (digest 003): one list names three of its techniques once each.
    const minicpm = classify(
      'MiniCPM4: Ultra-Efficient LLMs on End Devices',
      'Specifically, we propose InfLLM v2, a trainable sparse attention mechanism that accelerates both prefilling and decoding phases for long-context processing. Regarding inference systems, we propose CPM.cu that integrates sparse attention, model quantization, and speculative sampling to achieve efficient prefilling and decoding.',
      undefined,
      'MiniCPM4',
    );
    expect(minicpm.techniques).toEqual(['pruning', 'quantization', 'speculative-decoding']);
    // From ZipLM (digest 003): "prior" after the list is a comparison, not background.
    const ziplm = classify(
      'ZipLM: Hardware-Aware Structured Pruning of Language Models',
      'Our approach is based on new structured pruning and knowledge distillation techniques, and consistently outperforms prior structured compression methods in terms of accuracy-versus-speedup in experiments on BERT- and GPT-family models.',
      undefined,
      'ZipLM',
    );
    expect(ziplm.techniques).toEqual(['pruning', 'distillation']);
    // From AQUA-KV (digest 001): the list describes recent work.
    const aqua = classify(
      'Cache Me If You Must: Adaptive Key-Value Quantization for Large Language Models',
      'Recent work has shown that the cached vectors can be compressed through quantization, pruning or merging, but these techniques often compromise quality towards higher compression rates. We propose AQUA-KV, an adaptive quantization for Key-Value caches.',
      undefined,
      'AQUA-KV',
    );
    expect(aqua.techniques).not.toContain('pruning');
    // From NIRVANA (digest 001): the list says what the method does not need.
    const nirvana = classify(
      'NIRVANA: Neural Implicit Representations of Videos with Adaptive Networks and Autoregressive Patch-wise Modeling',
      'Implicit Neural Representations (INR) have recently shown to be powerful tool for high-quality video compression. To further enhance efficiency, we perform quantization of the network parameters during training, requiring no post-hoc pruning or quantization.',
      undefined,
      'NIRVANA',
    );
    expect(nirvana.techniques).not.toContain('pruning');
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

  it('reads a target named after a hyphen, but not a technique word that only qualifies', () => {
    // "Low-Communication" names what the framework compresses; the model's parameter count does not.
    const diloco = classify('DiLoCoX: A Low-Communication Large-Scale Training Framework for Decentralized Cluster', 'Can we conduct training on slow networks when dealing with models exceeding 100 billion parameters? It combines pipeline parallelism with an adaptive gradient compression scheme and scales to 100 billion parameters.', undefined, 'DiLoCoX');
    expect(diloco.targets).toEqual(['gradients']);
    // A KV-cache method named "AQUA-KV" quantizes Key-Value caches, not the weights.
    expect(classify('Cache Me If You Must: Adaptive Key-Value Quantization for Large Language Models', 'We propose AQUA-KV, an adaptive quantization for Key-Value caches.', undefined, 'AQUA-KV').targets).toEqual(['kv-cache']);
    // "near-lossless" qualifies a quantization result; it is not lossless coding.
    expect(classify('SpQR: A Sparse-Quantized Representation for Near-Lossless LLM Weight Compression', 'We quantize the weights of large language models to 3-4 bits per parameter with near-lossless accuracy.').techniques).not.toContain('entropy-coding');
  });

  it('reads classic lossless coding and language-model text compression as entropy coding', () => {
    expect(classify('zip2zip: Inference-Time Adaptive Vocabularies for Language Models via Token Compression', 'A tokenizer based on Lempel-Ziv-Welch (LZW) compression incrementally compresses tokens into reusable hypertokens.').techniques).toContain('entropy-coding');
    expect(classify('Information Capacity: Evaluating the Efficiency of Large Language Models via Text Compression', 'We measure how well a model compresses text.').techniques).toContain('entropy-coding');
  });

  it('reads reinforcement learning as a technique only when it drives compression', () => {
    const rl = (title: string, abstract: string) => classify(title, abstract).techniques.includes('reinforcement-learning');
    expect(rl('Learn to Reason Efficiently with Adaptive Length-based Reward Shaping', 'We train with reinforcement learning and a length-based reward so models give shorter answers.')).toBe(true);
    // RL to solve harder problems, with nothing made smaller or shorter.
    expect(rl('UloRL: An Ultra-Long Output Reinforcement Learning Approach', 'We propose reinforcement learning for ultra-long outputs with GRPO, improving accuracy on AIME.')).toBe(false);
  });

  it('counts prompts as a target only when they are compressed, and long context as the setting of a KV-cache paper', () => {
    // Prompting or optimising prompts is not prompt compression.
    expect(classify('No Loss, No Gain: Gated Refinement and Adaptive Compression for Prompt Optimization', 'Automatic prompt optimization offers a scalable alternative to manual design, yet generating effective prompts remains challenging.').targets).not.toContain('context');
    expect(classify('LLMLingua-2: Data Distillation for Efficient and Faithful Task-Agnostic Prompt Compression', 'We study task-agnostic prompt compression for better generalizability and efficiency.').targets).toContain('context');
    // A KV-cache method for long-context models compresses the cache, not the prompt.
    expect(classify('DynamicKV: Task-Aware Adaptive KV Cache Compression for Long Context LLMs', 'Efficient KV cache management in LLMs is crucial for long-context tasks; we retain only a small share of the KV cache for long-context inputs.').targets).toEqual(['kv-cache']);
    // Without the KV cache in the title, compressing the long context is the point.
    expect(classify('LoCoCo: Dropping In Convolutions for Long Context Compression', 'We fuse past tokens into a fixed-size memory for long context compression, which supports long-context inputs.').targets).toContain('context');
  });
});
