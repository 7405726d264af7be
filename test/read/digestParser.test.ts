import { describe, expect, it } from 'vitest';
import { Diagnostics, type Diagnostic } from '../../src/diagnostics.js';
import { findIsoDate, parseDigestText } from '../../src/read/digestParser.js';

function parse(text: string, fileDate?: string) {
  const reported: Diagnostic[] = [];
  const diagnostics = new Diagnostics((d) => reported.push(d));
  const entries = parseDigestText(text, { file: 'digest.md', diagnostics, ...(fileDate ? { fileDate } : {}) });
  return { entries, reported };
}

function only(text: string) {
  const { entries, reported } = parse(text);
  expect(entries).toHaveLength(1);
  return { entry: entries[0]!, reported };
}

// Shortened from the samples in ../shared/corpus/VARIANTS.md, structure kept verbatim.
const STANDARD = `<div id=toc></div>

# Table of Contents

- [cs.CV](#cs.CV) [Total: 1]


<div id='cs.CV'></div>

# cs.CV [[Back]](#toc)

### [2] [VideoNeuMat: Neural Material Extraction from Generative Video Models](https://arxiv.org/abs/2602.07272)
*Bowen Xue,Saeed Hadadan,Zheng Zeng*

Main category: cs.CV

TL;DR: VideoNeuMat：两阶段流水线从视频扩散模型中提取可重用神经材质资产


<details>
  <summary>Details</summary>
Motivation: 创建逼真的3D渲染材质需要高超的艺术技能

Method: 两阶段方法：1）微调大型视频模型

Result: 结果很好

Conclusion: 结论

Abstract: Creating photorealistic materials for 3D rendering
requires exceptional artistic skill.
Code is available at:
https://example.org/x

</details>
`;

describe('DigestParser on the variants of the corpus', () => {
  it('reads the standard template (V03)', () => {
    const { entry, reported } = only(STANDARD);
    expect(reported).toEqual([]);
    expect(entry).toEqual({
      link: { id: '2602.07272', scheme: 'arxiv', url: 'https://arxiv.org/abs/2602.07272' },
      title: 'VideoNeuMat: Neural Material Extraction from Generative Video Models',
      authors: ['Bowen Xue', 'Saeed Hadadan', 'Zheng Zeng'],
      categories: ['cs.CV'],
      text: {
        tldr: 'VideoNeuMat：两阶段流水线从视频扩散模型中提取可重用神经材质资产',
        motivation: '创建逼真的3D渲染材质需要高超的艺术技能',
        method: '两阶段方法：1）微调大型视频模型',
        result: '结果很好',
        conclusion: '结论',
        abstract:
          'Creating photorealistic materials for 3D rendering requires exceptional artistic skill. Code is available at: https://example.org/x',
      },
      source: { file: 'digest.md', line: 12 },
    });
  });

  it('reads the abstract-only template without sections or index (V01)', () => {
    const { entry } = only(`### [Industrial-Grade Sensor Simulation via Gaussian Splatting](https://arxiv.org/abs/2503.11731)
*Xianming Zeng,Sicong Du*
<details>
  <summary>Abstract</summary>
Background: sensor simulation is pivotal for scalable validation
of autonomous driving systems.
</details>`);
    expect(entry.authors).toEqual(['Xianming Zeng', 'Sicong Du']);
    expect(entry.categories).toEqual([]);
    expect(entry.text).toEqual({
      abstract: 'Background: sensor simulation is pivotal for scalable validation of autonomous driving systems.',
    });
  });

  it('reads Task/Motivation outside details (V02), Task standing in for a TL;DR', () => {
    const { entry } = only(`### [CAM-Seg: A Continuous-valued Embedding Approach](https://arxiv.org/abs/2503.15617)
*Masud Ahmed,Zahid Hasan*

Task: 提出一种基于连续值嵌入的语义分割框架。

Motivation: 分析表明量化嵌入较差。

<details>
  <summary>Details</summary>
Method: 扩散引导的自回归变换器。

Abstract: Traditional transformer-based semantic segmentation relies on quantized
embeddings.
</details>`);
    expect(entry.text).toEqual({
      tldr: '提出一种基于连续值嵌入的语义分割框架。',
      motivation: '分析表明量化嵌入较差。',
      method: '扩散引导的自回归变换器。',
      abstract: 'Traditional transformer-based semantic segmentation relies on quantized embeddings.',
    });
  });

  it('prefers the English abstract to its translation (V04) and ignores profile fields (V05)', () => {
    const { entry } = only(`### [1] [Impact of Background Dense Multipath](https://arxiv.org/abs/2604.27265)
*Dexin Wang,Roberto Bomfin*

Main category: eess.SP

Relevance: 5/5

Why: 该论文直接针对研究简档核心方向

TL;DR: 本文分析了多频段融合ISAC系统

<details>
  <summary>Details</summary>
Matched topics: integrated sensing and communication, ISAC

Motivation: 多频段感知是关键使能技术

Abstract: Multi-band sensing is a key enabler.

Abstract (中文翻译): 多频段感知是关键。
</details>`);
    expect(entry.categories).toEqual(['eess.SP']);
    expect(entry.keywords).toBeUndefined();
    expect(entry.text).toEqual({
      tldr: '本文分析了多频段融合ISAC系统',
      motivation: '多频段感知是关键使能技术',
      abstract: 'Multi-band sensing is a key enabler.',
    });
  });

  it('reads custom sections and the Catalog line (V06), indented abstract paragraphs included', () => {
    const { entry } = only(`<div id=toc></div>

# Table of Contents

- [Agent Sec](#Agent-Sec) [Total: 1]

<div id='Agent-Sec'></div>

# Agent Sec [[Back]](#toc)

### [1] [WARD: Adversarially Robust Defense of Web Agents](https://arxiv.org/abs/2605.15030)
*Tri Cao, Yulin Chen*

Catalog: Agent Sec | Source: arXiv

TL;DR: WARD是一种防护模型。

<details>
  <summary>Details</summary>
Abstract: Web agents can autonomously complete online tasks.
  Existing guard models generalise poorly.
</details>`);
    expect(entry.categories).toEqual(['Agent Sec']);
    expect(entry.text.abstract).toBe('Web agents can autonomously complete online tasks. Existing guard models generalise poorly.');
  });

  it('reads the astro template with a bold TL;DR and no category line (V07)', () => {
    const { entry } = only(`<div id='astro-ph.GA'></div>

# astro-ph.GA [[Back]](#toc)

### [1] [The MOND Depth Index](https://arxiv.org/abs/2603.18135)
*Robin Eappen,Pavel Kroupa*

**TL;DR**: 研究发现暗物质现象。


<details>
  <summary>Details</summary>

Background: 研究揭示了质量差异现象。

Data: 研究数据来源于观测。

Method: 采用MOND深度指数。

Result: 质量差异现象仅出现在深MOND状态。

Abstract: We study the mass discrepancy.
</details>`);
    expect(entry.categories).toEqual(['astro-ph.GA']);
    expect(entry.text).toEqual({
      tldr: '研究发现暗物质现象。',
      method: '采用MOND深度指数。',
      result: '质量差异现象仅出现在深MOND状态。',
      abstract: 'We study the mass discrepancy.',
    });
  });

  it('reads topic-grouped astro digests (V08): level-2 papers, versioned http links, sub-headings', () => {
    const { entries } = parse(`# <a id="toc"></a>Table of Contents

## <a id="toc-1"></a>Galaxy Formation and Evolution

- [COSMOS-Web: does halo mass alone shape the clustering? (0.6274)](#2606.31978v1)

# Galaxy Formation and Evolution

## <a id="2606.31978v1"></a>[COSMOS-Web: does halo mass alone shape the clustering?](http://arxiv.org/abs/2606.31978v1) [[back]](#toc-1)

**Relevance:** \`0.6274\`

### Background

在标准宇宙学模型中，星系形成于暗物质晕中。

### Summary

本文利用 COSMOS-Web 巡天数据：
- 在控制晕质量后，宁静星系聚类更强。

## <a id="astro-ph/9605151v1"></a>[An old paper](http://arxiv.org/abs/astro-ph/9605151v1) [[back]](#toc-1)
`);
    expect(entries.map((e) => [e.link.id, e.link.version, e.title, e.categories])).toEqual([
      ['2606.31978', 1, 'COSMOS-Web: does halo mass alone shape the clustering?', ['Galaxy Formation and Evolution']],
      ['astro-ph/9605151', 1, 'An old paper', ['Galaxy Formation and Evolution']],
    ]);
    expect(entries[0]?.authors).toBeUndefined();
    expect(entries[0]?.text).toEqual({});
  });

  it('reads the Gemini template: h2 sections with codes, index restarting, category trailer (V09)', () => {
    const { entries } = parse(`# 每日 ArXiv 轨迹预测与大模型摘要速递: 2025-10-22

## 目录

- [人工智能 (Artificial Intelligence) (1)](#cs-ai)
- [cs.DB (1)](#cs-db)

## 人工智能 (Artificial Intelligence) [cs.AI]
### [1] [DeepAnalyze: Agentic Large Language Models](https://arxiv.org/abs/2510.16872)
*Shaolei Zhang, Ju Fan*

Main category: cs.AI

TL;DR: 达到API配额限制，请明天再试

<details>
  <summary>Details</summary>
Abstract: Autonomous data science.
</details>

[**[PDF]**](https://arxiv.org/pdf/2510.16872) | **Categories:** cs.AI, cs.CL, cs.DB

---
## cs.DB [cs.DB]
### [1] [Navigating the Data Space Landscape [Experiment, Analysis & Benchmark]](https://arxiv.org/abs/2509.06983)
*Bojana Marojevikj, Riste Stojanov*

Main category: cs.DB
`);
    expect(entries.map((e) => [e.link.id, e.date, e.categories])).toEqual([
      ['2510.16872', '2025-10-22', ['cs.AI', 'cs.CL', 'cs.DB']],
      ['2509.06983', '2025-10-22', ['cs.DB']],
    ]);
    expect(entries[0]?.text).toEqual({ abstract: 'Autonomous data science.' });
    expect(entries[1]?.title).toBe('Navigating the Data Space Landscape [Experiment, Analysis & Benchmark]');
  });

  it('reads the one-liner template with bold labels and a Chinese abstract in a blockquote (V10)', () => {
    const { entry } = only(`# 每日 ArXiv 摘要速递: 2025-06-07

### [The Latent Space Hypothesis](https://arxiv.org/abs/2506.04515)

**一句话总结:** 该论文提出了潜在空间假设。

**Authors:** Salil Patel, Jane Roe
**Categories:** \`q-bio.QM\`, \`cs.AI\`, \`cs.LG\`

[**[PDF]**](https://arxiv.org/pdf/2506.04515)

#### 中文摘要 (Abstract in Chinese)

> 医学数据范围广泛。
> 第二行。

---
`);
    expect(entry.authors).toEqual(['Salil Patel', 'Jane Roe']);
    expect(entry.categories).toEqual(['q-bio.QM', 'cs.AI', 'cs.LG']);
    expect(entry.date).toBe('2025-06-07');
    expect(entry.text).toEqual({ tldr: '该论文提出了潜在空间假设。', abstract: '医学数据范围广泛。 第二行。' });
  });

  it('reads bold Chinese labels (V12) and bold English labels (V13)', () => {
    const { entries } = parse(`# 目录

- [cs.AI](#cs.AI) [总数: 2]

<div id='cs.AI'></div>

# cs.AI [[Back]](#toc)

### [1] [Think Clearly](https://arxiv.org/abs/2507.08806)
*Daewon Choi, Jimin Lee*

**主要类别:** cs.AI

**AI概要:** 通过去除推理冗余提高性能。


<details>
  <summary>更多</summary>
  
**动机:** 推理路径存在冗余。

**方法:** 结构感知剪枝。

**结果:** 准确性提高。

**结论:** 无需训练。

**与AI讨论:** [Discuss with Kimi](https://kimi.moonshot.cn/_prefill_chat?prefill_prompt=x)

**原文摘要:** Recent large language models
have shown strong reasoning.
</details>

### [2] [LAS: Loss-less ANN-SNN Conversion](https://arxiv.org/abs/2505.09659)
*Long Chen, Xiaotian Song*

**Main category:** cs.LG

**TL;DR:** 提出了LAS。

<details>
  <summary>Details</summary>
**Motivation:** 现有方法难以处理异常值。

**Ai:** [Discuss with Kimi](https://kimi.moonshot.cn/x)

**Abstract:** Spiking LLMs.
</details>`);
    expect(entries[0]?.text).toEqual({
      tldr: '通过去除推理冗余提高性能。',
      motivation: '推理路径存在冗余。',
      method: '结构感知剪枝。',
      result: '准确性提高。',
      conclusion: '无需训练。',
      abstract: 'Recent large language models have shown strong reasoning.',
    });
    expect(entries[1]?.categories).toEqual(['cs.LG', 'cs.AI']);
    expect(entries[1]?.text).toEqual({ tldr: '提出了LAS。', motivation: '现有方法难以处理异常值。', abstract: 'Spiking LLMs.' });
  });

  it('reads an unlabelled blockquote TL;DR (V14) even when it starts like a label', () => {
    const { entry } = only(`### [1] [ClimateChat](https://arxiv.org/abs/2506.13796)
*Zhou Chen,Xiao Wang*

Main category: cs.CL

> ClimateChat：研究提出了一种自动化方法。

<details>
  <summary>Details</summary>

**Motivation:** 当前研究仍显不足。

**Abstract:** As the issue of global climate change becomes severe.
</details>`);
    expect(entry.text).toEqual({
      tldr: 'ClimateChat：研究提出了一种自动化方法。',
      motivation: '当前研究仍显不足。',
      abstract: 'As the issue of global climate change becomes severe.',
    });
  });

  it('reads the paper radar (V15): full-width colons, fields joined by &nbsp;|&nbsp;', () => {
    const { entry } = only(`# 论文雷达 / Paper Radar

## 目录 / Contents

- [A-测量与瓶颈](#A) [1]

---


## A-测量与瓶颈 <a id="A"></a>

### [1] [The Economics of AI Decoding Chips](https://arxiv.org/abs/2607.13068)
*Michael J. Yuan, Ju Long*

**主类别：** A-测量与瓶颈 &nbsp;|&nbsp; **分级：** 今日重点 &nbsp;|&nbsp; **得分：** 15.0
**副标签：** Arch

> **TL;DR:** 提出计算-内存失衡问题。

**研究问题：** GPU在LLM解码时计算利用率低。
**方法：** 硬件平台：HTX-301。
**关键结果：** ['单8芯片卡部署', '成本约$19,000']

<details>
  <summary>Details</summary>

**Motivation:** Mainstream GPUs are compute-heavy.

**Abstract:** Every mainstream GPU is built compute-heavy.

</details>

---
`);
    expect(entry.categories).toEqual(['A-测量与瓶颈']);
    expect(entry.text).toEqual({
      tldr: '提出计算-内存失衡问题。',
      motivation: 'Mainstream GPUs are compute-heavy.',
      method: '硬件平台：HTX-301。',
      abstract: 'Every mainstream GPU is built compute-heavy.',
    });
  });

  it('reads emoji sub-heading blocks (V16)', () => {
    const { entry } = only(`# cs.CV [[Back]](#toc)

### [1] [LAND: A Longitudinal Analysis of Neuromorphic Datasets](https://arxiv.org/abs/2602.15973)
*Gregory Cohen, Alexandre Marcireau*

#### 🧩 TL;DR
LAND：本文对423个神经形态数据集进行了系统性综述。

---

#### 📘 Detailed Summary
**Motivation:** 神经形态工程领域面临严重的数据问题。

**Conclusion:** 该综述强调了紧迫性。

---

#### 📄 Abstract
Neuromorphic engineering has a data problem.
`);
    expect(entry.text).toEqual({
      tldr: 'LAND：本文对423个神经形态数据集进行了系统性综述。',
      motivation: '神经形态工程领域面临严重的数据问题。',
      conclusion: '该综述强调了紧迫性。',
      abstract: 'Neuromorphic engineering has a data problem.',
    });
  });

  it('reads bullet fields (V17)', () => {
    const { entry } = only(`[[toc]]

## cs.CV

### [1] [LoRA-Edge: Tensor-Train-Assisted LoRA](https://arxiv.org/abs/2511.03765)
*Hyunseok Kwak,Kyeongwon Lee*

Main category: cs.CV

TL;DR: LoRA-Edge是一种参数高效微调方法。

- Motivation: 完全微调不可行。
- Method: 对预训练卷积层应用TT-SVD。
- Result: 仅更新1.49%的参数。
- Conclusion: 实用可行。
`);
    expect(entry.categories).toEqual(['cs.CV']);
    expect(entry.text).toEqual({
      tldr: 'LoRA-Edge是一种参数高效微调方法。',
      motivation: '完全微调不可行。',
      method: '对预训练卷积层应用TT-SVD。',
      result: '仅更新1.49%的参数。',
      conclusion: '实用可行。',
    });
  });

  it('reads Chinese plain labels, empty values and a DOI-linked journal paper (V18)', () => {
    const { entries, reported } = parse(`<div id='数值计算与科学计算'></div>

# 数值计算与科学计算 [[Back]](#toc)

### [1] [Flexible and Stable Dynamics Discovery](https://arxiv.org/abs/2606.24106v1)
*Anthony Gruber,Irina Tezaur*

主分类: 数值计算与科学计算

来源: arxiv

期刊: 

DOI: 

一句话结论: 提出OVP变分离散与学习方法。

<details>
  <summary>更多信息</summary>

研究动机: 泛函可能无法精确已知。

结论: 成功结合。

局限 / 后续问题: 

中文摘要: 变分原理通过泛函的极值确定动力学。

英文原始摘要: Variational principles specify the dynamics.

</details>

### [7] [Stochastic gradient descent in the small](https://doi.org/10.1088/2632-2153/ad13ba)
*A. Author*
`);
    expect(reported).toEqual([]);
    expect(entries[0]?.link).toEqual({ id: '2606.24106', scheme: 'arxiv', version: 1, url: 'https://arxiv.org/abs/2606.24106' });
    expect(entries[0]?.categories).toEqual(['数值计算与科学计算']);
    expect(entries[0]?.text).toEqual({
      tldr: '提出OVP变分离散与学习方法。',
      motivation: '泛函可能无法精确已知。',
      conclusion: '成功结合。',
      abstract: 'Variational principles specify the dynamics.',
    });
    expect(entries[1]?.link.id).toBe('doi:10.1088/2632-2153/ad13ba');
  });

  it('reads keywords and a fork template with title translation, comment and inline categories', () => {
    const { entries } = parse(`# 2025-09-04

## cs.HC [[Back]](#toc)

### [1] [STRive: An association rule-based system](https://arxiv.org/abs/2509.02732)

*Mauro Diaz, Luis Sante*

**Main category:** cs.HC

**Keywords:** spatiotemporal analysis, visual analytics, association rule mining

**TL;DR:** STRive is a visual analytics system.

### [2] [A Paper](https://arxiv.org/abs/2509.00001)
> *一篇论文*

*Ann Lee, Bo Li* | **Category: cs.CV, cs.LG**

**Comment:** 12 pages, 5 figures

> **TL;DR:** Short.
`);
    expect(entries[0]?.keywords).toEqual(['spatiotemporal analysis', 'visual analytics', 'association rule mining']);
    expect(entries[0]?.date).toBe('2025-09-04');
    expect(entries[1]).toMatchObject({
      authors: ['Ann Lee', 'Bo Li'],
      categories: ['cs.HC', 'cs.CV', 'cs.LG'],
      text: { titleTranslation: '一篇论文', comment: '12 pages, 5 figures', tldr: 'Short.' },
    });
  });
});

describe('DigestParser on oddities', () => {
  it('finds the link after brackets and LaTeX in titles', () => {
    const { entries } = parse(`### [1] [Exceptional versus $τ$-exceptional sequences for the Auslander algebra of $K[x]/(x^t)$](https://arxiv.org/abs/2602.13138)
### [2] [Bright [CII]158$μ$m Streamers at $z=4.3$](https://arxiv.org/abs/2509.00002)
### [3] [Ion (x)](https://doi.org/10.1016/S0022-0000(03)00025-4)
`);
    expect(entries.map((e) => [e.link.id, e.title])).toEqual([
      ['2602.13138', 'Exceptional versus $τ$-exceptional sequences for the Auslander algebra of $K[x]/(x^t)$'],
      ['2509.00002', 'Bright [CII]158$μ$m Streamers at $z=4.3$'],
      ['doi:10.1016/s0022-0000(03)00025-4', 'Ion (x)'],
    ]);
  });

  it('strips the ranking tags some forks put before the TL;DR', () => {
    const { entry } = only(`### [2] [WireCraft](https://arxiv.org/abs/2606.18097)
*Chongyu Zhu*

TL;DR: [Embodied][9.5] ✅ WireCraft: industrial wire manipulation benchmark
`);
    expect(entry.text.tldr).toBe('WireCraft: industrial wire manipulation benchmark');
    const kept = only(`### [2] [X](https://arxiv.org/abs/2606.18097)
*A B*

TL;DR: [CII] emission traces cold gas.
`);
    expect(kept.entry.text.tldr).toBe('[CII] emission traces cold gas.');
  });

  it('drops LLM placeholders with one warning per file, keeping the papers', () => {
    const { entries, reported } = parse(`### [1] [A](https://arxiv.org/abs/2608.00001)
*A B*

TL;DR: Summary generation failed

<details>
  <summary>Details</summary>
Motivation: Motivation analysis unavailable

Abstract: A real abstract.
</details>

### [2] [B](https://arxiv.org/abs/2608.00002)
*C D*

TL;DR: Error
`);
    expect(entries.map((e) => e.text)).toEqual([{ abstract: 'A real abstract.' }, {}]);
    expect(reported).toEqual([
      expect.objectContaining({ severity: 'warning', line: 1, problem: expect.stringContaining('3 generated field(s)') }),
    ]);
  });

  it('skips an entry without a usable link, warns with its line, and keeps its neighbours', () => {
    const { entries, reported } = parse(`### [1] [Good one](https://arxiv.org/abs/2601.00001)
*A B*

### [2] A heading with no link at all
*C D*

Abstract: lost with its entry

### [3] [Linked to an anchor](#2601.00002)
*E F*

### [4] [](https://arxiv.org/abs/2601.00004)
*G H*

### [5] [Good two](https://arxiv.org/abs/2601.00005)
*I J*
`);
    expect(entries.map((e) => [e.link.id, e.title, e.authors])).toEqual([
      ['2601.00001', 'Good one', ['A B']],
      ['2601.00004', undefined, ['G H']],
      ['2601.00005', 'Good two', ['I J']],
    ]);
    expect(entries[0]?.text).toEqual({});
    expect(reported.map((d) => [d.severity, d.line])).toEqual([
      ['skipped', 4],
      ['skipped', 9],
      ['warning', 12],
    ]);
  });

  it('warns when the file ends inside an entry, keeping what was read', () => {
    const { entry, reported } = only(`### [1] [Cut off](https://arxiv.org/abs/2601.00001)
*A B*

<details>
  <summary>Details</summary>
Abstract: Half an abstr`);
    expect(entry.text.abstract).toBe('Half an abstr');
    expect(reported).toEqual([expect.objectContaining({ line: 6, problem: expect.stringContaining('ends inside an entry') })]);
  });

  it('handles CRLF line ends and a byte-order mark', () => {
    const { entry } = only(`\ufeff# cs.AI [[Back]](#toc)\r\n\r\n### [1] [T](https://arxiv.org/abs/2601.00001)\r\n*A B,C D*\r\n\r\nTL;DR: x\r\n`);
    expect(entry).toMatchObject({ title: 'T', authors: ['A B', 'C D'], categories: ['cs.AI'], text: { tldr: 'x' } });
  });

  it('warns about a file with no entries', () => {
    expect(parse('<div id=toc></div>\n\n# Table of Contents\n').reported).toEqual([
      expect.objectContaining({ severity: 'warning', problem: 'no paper entries found' }),
    ]);
  });

  it('prefers the file name date and reports a title that disagrees', () => {
    const { entries, reported } = parse('# 每日 ArXiv 轨迹预测与大模型摘要速递: 2025-06-08\n### [T](https://arxiv.org/abs/2506.00001)\n', '2025-06-09');
    expect(entries[0]?.date).toBe('2025-06-09');
    expect(reported).toEqual([expect.objectContaining({ severity: 'notice', line: 1 })]);
  });
});

describe('DigestParser cross-checks', () => {
  it('warns when the table of contents announces more entries than the section holds', () => {
    const { entries, reported } = parse(`# Table of Contents

- [cs.CV](#cs.CV) [Total: 2]
- [cs.AI](#cs.AI) [总数: 1]

# cs.CV [[Back]](#toc)

### [1] [One](https://arxiv.org/abs/2601.00001)
*A B*

# cs.AI [[Back]](#toc)

### [2] [Two](https://arxiv.org/abs/2601.00002)
*C D*
`);
    expect(entries).toHaveLength(2);
    expect(reported).toEqual([
      expect.objectContaining({ line: 3, problem: 'table of contents announces 2 entries under cs.CV, 1 found' }),
    ]);
  });

  it('warns about a missing author line only where other entries of the file have one', () => {
    const withAuthors = parse(`### [1] [One](https://arxiv.org/abs/2601.00001)
*A B*

### [2] [Two](https://arxiv.org/abs/2601.00002)

TL;DR: no author line above
`);
    expect(withAuthors.entries).toHaveLength(2);
    expect(withAuthors.reported).toEqual([expect.objectContaining({ line: 4, problem: 'entry has no author line' })]);
    const noneAtAll = parse(`## <a id="2601.00001v1"></a>[One](http://arxiv.org/abs/2601.00001v1)

## <a id="2601.00002v1"></a>[Two](http://arxiv.org/abs/2601.00002v1)
`);
    expect(noneAtAll.reported).toEqual([]);
  });

  it('reads lines of several megabytes: a long author list and a long abstract', () => {
    const names = Array.from({ length: 100_000 }, (_, i) => `Author ${i}`);
    const abstract = 'word '.repeat(1_000_000);
    const { entry } = only(`### [1] [Big](https://arxiv.org/abs/2601.00001)
*${names.join(',')}*

Abstract: ${abstract}
`);
    expect(entry.authors).toHaveLength(100_000);
    expect(entry.authors?.[99_999]).toBe('Author 99999');
    expect(entry.text.abstract).toBe(abstract.trim());
  });
});

describe('findIsoDate', () => {
  it('finds valid dates only', () => {
    expect(findIsoDate('2025-06-09_trajectory_and_large_models.md')).toBe('2025-06-09');
    expect(findIsoDate('2025-13-01.md')).toBeUndefined();
    expect(findIsoDate('2025-02-30.md')).toBeUndefined();
    expect(findIsoDate('000_ba008a631389866c.txt')).toBeUndefined();
  });
});
