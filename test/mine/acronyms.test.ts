import { describe, expect, it } from 'vitest';
import { acronymGlossary, findDefinitions } from '../../src/mine/acronyms.js';
import { extractKeywords } from '../../src/mine/keywords.js';
import type { PaperRecord } from '../../src/read/types.js';

/**
 * Hand-checked: sentences from real abstracts of ../shared/corpus (ends of sentences, verbatim), each
 * with the definitions a reader finds in it. 51 definitions and 11 parentheses that define nothing.
 */
const TABLE: [text: string, definitions: string[]][] = [
  ['Large Language Model (LLM)', ['LLM=Large Language Model']],
  ['By leveraging the spatial degrees of freedom in massive multiple-input multiple-output (MIMO)', ['MIMO=multiple-input multiple-output']],
  ['This paper proposes a movable subarray (MSA)', ['MSA=movable subarray']],
  ['ptotically exact approximations to the upper tail of the cumulative distribution function (cdf)', ['cdf=cumulative distribution function']],
  ['two higher-luminosity Andromeda dwarf galaxies: Andromeda VI (And VI) and Andromeda XXIII (And XXIII)', ['And VI=Andromeda VI', 'And XXIII=Andromeda XXIII']],
  ['as Inclusive spectral energy distribution Model of Polar dust And Clumpy Torus for X-ray (IMPACTX)', ['IMPACTX=Inclusive spectral energy distribution Model of Polar dust And Clumpy Torus for X-ray']],
  ['onal data of Seyfert nuclei from the Burst Alert Telescope (BAT) AGN Spectroscopic Survey (BASS)', ['BAT=Burst Alert Telescope', 'BASS=BAT AGN Spectroscopic Survey']],
  ['Theoretical models of the halo mass function (HMF)', ['HMF=halo mass function']],
  ['we propose and prove that MulTs are hierarchical modal-wise heterogeneous graphs (HMHGs)', ['HMHG=hierarchical modal-wise heterogeneous graphs']],
  ['Distantly-Supervised Named Entity Recognition (DS-NER)', ['DS-NER=Distantly-Supervised Named Entity Recognition']],
  ['particularly in Saudi Arabia, where over 84,000 individuals depend on Saudi Sign Language (SSL)', ['SSL=Saudi Sign Language']],
  ['The growing adoption of Electric Buses (EBs)', ['EB=Electric Buses']],
  ['Recent progress in Large Language Models (LLMs)', ['LLM=Large Language Models']],
  ['revealing three distinct thinking modes: no thinking (NT)', ['NT=no thinking']],
  ['User-generated content (UGC)', ['UGC=User-generated content']],
  ['To address this issue, we propose projection surface adaptation (PSA)', ['PSA=projection surface adaptation']],
  ['supervised fine-tuning with Group Relative Policy Optimization (GRPO)', ['GRPO=Group Relative Policy Optimization']],
  ['Then the localization uncertainty is sent into a prototype memory network (PMN)', ['PMN=prototype memory network']],
  ['the low-frequency restorer (LFR), and the high-frequency refiner (HFR)', ['LFR=low-frequency restorer', 'HFR=high-frequency refiner']],
  ['Unlike instance-specific adversarial examples (AEs)', ['AE=adversarial examples']],
  ['Unlike factoid questions, non-factoid questions (NFQs)', ['NFQ=non-factoid questions']],
  ['The second stage is focused on building and training a Vision Transformer (ViT)', ['ViT=Vision Transformer']],
  ['techniques for Traffic Sign Recognition (TSR) using Histogram of Oriented Gradients (HOG)', ['TSR=Traffic Sign Recognition', 'HOG=Histogram of Oriented Gradients']],
  ['First, we design two losses, Extraction-Aggregation Spatial Alignment Loss (SAL)', ['SAL=Spatial Alignment Loss']],
  ['We conduct an in-depth analysis of attention in video diffusion transformers (VDiTs)', ['VDiT=video diffusion transformers']],
  ['After brief training sessions on the textual anomalies typically found in synthetic text (ST)', ['ST=synthetic text']],
  ['in syllable-based writing systems, we introduce Constrained BPE (CBPE)', ['CBPE=Constrained BPE']],
  ['maps them through a Multilayer Perceptron (MLP)', ['MLP=Multilayer Perceptron']],
  ['ation of generative artificial intelligence (AI) tools - especially large language models (LLMs)', ['AI=artificial intelligence', 'LLM=large language models']],
  ['our proposed Hyper-modal Imputation Diffusion Embedding model (HidE)', ['HidE=Hyper-modal Imputation Diffusion Embedding model']],
  ['integrated via a novel Prior-guided Attention Block (PAB)', ['PAB=Prior-guided Attention Block']],
  ['To improve RE evaluation, we propose two novel metrics: Correlation Structure Distance (CSD)', ['CSD=Correlation Structure Distance']],
  ['Realistic user simulation is crucial for training and evaluating task-oriented dialogue (TOD)', ['TOD=task-oriented dialogue']],
  ['The core innovation lies in the Character-Aware Multimodal Reasoning Module (CMRM)', ['CMRM=Character-Aware Multimodal Reasoning Module']],
  ['This paper presents FeTal-SAM, a novel adaptation of the Segment Anything Model (SAM)', ['SAM=Segment Anything Model']],
  ['It conditions its action predictions on Return-to-Go (RTG)', ['RTG=Return-to-Go']],
  ['where a novel Linear Integration Convolution (LIConv2d)', ['LIConv2d=Linear Integration Convolution']],
  ['reference signals (RS) is applied in the orthogonal frequency-division multiplexing (OFDM)', ['RS=reference signals', 'OFDM=orthogonal frequency-division multiplexing']],
  ['To address these challenges, we propose Interaction-Merged Motion Planning (IMMP)', ['IMMP=Interaction-Merged Motion Planning']],
  ['approaches like Supervised Fine-Tuning (SFT) and Direct Preference Optimization (DPO)', ['SFT=Supervised Fine-Tuning', 'DPO=Direct Preference Optimization']],
  ['frameworks, specifically the Generative Quantum Eigensolver(GQE)', ['GQE=Generative Quantum Eigensolver']],
  ['We used a mobile electroencephalography (EEG)', ['EEG=electroencephalography']],
  ['integrated sensing and communication (ISAC) in multiple-input and multiple-output (MIMO) systems', ['ISAC=integrated sensing and communication', 'MIMO=multiple-input and multiple-output']],
  ['In this work, we evaluate HiFloat (HiF8 and HiF4)', []],
  ['strong audio baselines (e.g., HTS-AT, PaSST)', []],
  ['We also find that such galaxies have higher line-of-sight coordinate (and velocity)', []],
  ['the detection rate is 5 (0/58)', []],
  ['LMC offers more compression performance than the best alternative (BZ2)', []],
  ['Kimi-VL excels in multi-turn agent tasks (e.g., OSWorld)', []],
  ['existing paradigms tend to emphasize either spatial (3D-based) or semantic (2D-based)', []],
  ['but exceeding a critical threshold (CIR > 0.4)', []],
  ['parallel streams (RGB, depth, and integration)', []],
  ['CCPDA has three main steps: (i) identify fire clusters', []],
  ['show that integrating the BLV loss into a celebrated text-based (BERT) model', []],
];

describe('findDefinitions on hand-checked sentences of the corpus', () => {
  it('reaches precision 0.95 and recall 0.85', () => {
    let expected = 0;
    let found = 0;
    let right = 0;
    for (const [text, definitions] of TABLE) {
      const got = findDefinitions(text).map((d) => `${d.short}=${d.long}`);
      expected += definitions.length;
      found += got.length;
      right += got.filter((g) => definitions.includes(g)).length;
    }
    const precision = right / found;
    const recall = right / expected;
    console.log(`acronym definitions: ${expected} hand-checked, ${found} found, ${right} right: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
    expect(expected).toBeGreaterThanOrEqual(40);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.85);
  });
});

describe('acronyms in keywords', () => {
  const paper = (id: string, abstract: string, keywords?: string[]): PaperRecord => ({
    id,
    url: `https://arxiv.org/abs/${id}`,
    title: `Paper ${id}`,
    abstract,
    ...(keywords ? { keywords } : {}),
    sources: [{ file: 'd.md', line: 1 }],
  });

  it('keeps only the acronyms the corpus defines one way', () => {
    const glossary = acronymGlossary([
      paper('1', 'We study integrated sensing and communication (ISAC) and speech enhancement (SE).'),
      paper('2', 'Integrated Sensing and Communications (ISAC) again; software engineering (SE) differs.'),
    ]);
    expect(glossary.get('isac')?.long).toBe('integrated sensing and communication');
    expect(glossary.has('se')).toBe(false);
  });

  it('lets one stray definition in ten not unseat the usual one', () => {
    const defined = (n: number, long: string) => Array.from({ length: n }, (_, i) => paper(`${long}${i}`, `We use ${long} (LLMs).`));
    const usual = acronymGlossary([...defined(9, 'large language models'), ...defined(1, 'large-scale language models')]);
    expect(usual.get('llm')?.long).toBe('large language models');
    expect(acronymGlossary([...defined(8, 'large language models'), ...defined(2, 'large-scale language models')]).has('llm')).toBe(false);
  });

  it('makes a bare acronym and its long form one keyword, labelled by the long form', async () => {
    const keywords = await extractKeywords([
      paper('1', 'Integrated sensing and communication (ISAC) is studied.', ['ISAC', 'beamforming']),
      paper('2', 'More on it.', ['integrated sensing and communication']),
    ]);
    expect(keywords.get('1')?.[0]).toEqual({ phrase: 'Integrated sensing and communication', key: 'integr sens and commun', weight: 1, source: 'digest', aliases: ['ISAC'] });
    expect(keywords.get('2')?.[0]).toEqual({ phrase: 'integrated sensing and communication', key: 'integr sens and commun', weight: 1, source: 'digest', aliases: ['ISAC'] });
  });
});
