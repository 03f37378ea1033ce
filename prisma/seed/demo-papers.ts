/**
 * Demo papers for `npm run db:seed`, taken from two captures of a daily-papers page
 * (titles and abstracts verbatim, LaTeX escapes kept). arXiv ids, authors and dates are the real ones.
 * The last three are well-known arXiv papers whose abstracts carry inline math (`$O(n^2)$`, `5$\times$`),
 * so the demo shows KaTeX. Appended at the end: the seed's vote sequence for the others stays the same.
 */
export interface DemoPaper {
  /** bare arXiv id, no version suffix, e.g. "2501.12948" */
  arxivId: string;
  title: string;
  abstract: string;
  /** in the paper's order */
  authors: string[];
  /** arXiv first-version submission date, ISO "YYYY-MM-DD" */
  publishedOn: string;
  githubRepo?: string; // full https URL, only if you are confident it is the official code repo
  projectPage?: string; // only if confident
  /** arXiv categories, primary first, as arXiv lists them on the abstract page. */
  categories: string[];
}

export const demoPapers: DemoPaper[] = [
  {
    arxivId: "2501.12948",
    categories: ["cs.CL", "cs.AI", "cs.LG"],
    title: "DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning",
    abstract:
      "We introduce our first-generation reasoning models, DeepSeek-R1-Zero and DeepSeek-R1. DeepSeek-R1-Zero, a model trained via large-scale reinforcement learning (RL) without supervised fine-tuning (SFT) as a preliminary step, demonstrates remarkable reasoning capabilities. Through RL, DeepSeek-R1-Zero naturally emerges with numerous powerful and intriguing reasoning behaviors. However, it encounters challenges such as poor readability, and language mixing. To address these issues and further enhance reasoning performance, we introduce DeepSeek-R1, which incorporates multi-stage training and cold-start data before RL. DeepSeek-R1 achieves performance comparable to OpenAI-o1-1217 on reasoning tasks. To support the research community, we open-source DeepSeek-R1-Zero, DeepSeek-R1, and six dense models (1.5B, 7B, 8B, 14B, 32B, 70B) distilled from DeepSeek-R1 based on Qwen and Llama.",
    authors: [
      // truncated: first 29 of ~200 authors (arXiv lists the "DeepSeek-AI" team first)
      "DeepSeek-AI",
      "Daya Guo",
      "Dejian Yang",
      "Haowei Zhang",
      "Junxiao Song",
      "Ruoyu Zhang",
      "Runxin Xu",
      "Qihao Zhu",
      "Shirong Ma",
      "Peiyi Wang",
      "Xiao Bi",
      "Xiaokang Zhang",
      "Xingkai Yu",
      "Yu Wu",
      "Z.F. Wu",
      "Zhibin Gou",
      "Zhihong Shao",
      "Zhuoshu Li",
      "Ziyi Gao",
      "Aixin Liu",
      "Bing Xue",
      "Bingxuan Wang",
      "Bochao Wu",
      "Bei Feng",
      "Chengda Lu",
      "Chenggang Zhao",
      "Chengqi Deng",
      "Chenyu Zhang",
      "Chong Ruan",
    ],
    publishedOn: "2025-01-22",
    githubRepo: "https://github.com/deepseek-ai/DeepSeek-R1",
  },
  {
    arxivId: "2104.07857",
    categories: ["cs.DC", "cs.AI", "cs.LG", "cs.PF"],
    title: "ZeRO-Infinity: Breaking the GPU Memory Wall for Extreme Scale Deep Learning",
    abstract:
      "In the last three years, the largest dense deep learning models have grown over 1000x to reach hundreds of billions of parameters, while the GPU memory has only grown by 5x (16 GB to 80 GB). Therefore, the growth in model scale has been supported primarily though system innovations that allow large models to fit in the aggregate GPU memory of multiple GPUs. However, we are getting close to the GPU memory wall. It requires 800 NVIDIA V100 GPUs just to fit a trillion parameter model for training, and such clusters are simply out of reach for most data scientists. In addition, training models at that scale requires complex combinations of parallelism techniques that puts a big burden on the data scientists to refactor their model. In this paper we present ZeRO-Infinity, a novel heterogeneous system technology that leverages GPU, CPU, and NVMe memory to allow for unprecedented model scale on limited resources without requiring model code refactoring. At the same time it achieves excellent training throughput and scalability, unencumbered by the limited CPU or NVMe bandwidth. ZeRO-Infinity can fit models with tens and even hundreds of trillions of parameters for training on current generation GPU clusters. It can be used to fine-tune trillion parameter models on a single NVIDIA DGX-2 node, making large models more accessible. In terms of training throughput and scalability, it sustains over 25 petaflops on 512 NVIDIA V100 GPUs(40% of peak), while also demonstrating super linear scalability. An open source implementation of ZeRO-Infinity is available through DeepSpeed, a deep learning optimization library that makes distributed training easy, efficient, and effective.",
    authors: ["Samyam Rajbhandari", "Olatunji Ruwase", "Jeff Rasley", "Shaden Smith", "Yuxiong He"],
    publishedOn: "2021-04-16",
    githubRepo: "https://github.com/microsoft/DeepSpeed", // implementation ships in DeepSpeed (per the abstract); now redirects to deepspeedai/DeepSpeed
  },
  {
    arxivId: "2210.00640",
    categories: ["cs.LG", "cs.AI", "cs.CL"],
    title: "Wide Attention Is The Way Forward For Transformers?",
    abstract:
      "The Transformer is an extremely powerful and prominent deep learning architecture. In this work, we challenge the commonly held belief in deep learning that going deeper is better, and show an alternative design approach that is building wider attention Transformers. We demonstrate that wide single layer Transformer models can compete with or outperform deeper ones in a variety of Natural Language Processing (NLP) tasks when both are trained from scratch. The impact of changing the model aspect ratio on Transformers is then studied systematically. This ratio balances the number of layers and the number of attention heads per layer while keeping the total number of attention heads and all other hyperparameters constant. On average, across 4 NLP tasks and 10 attention types, single layer wide models perform 0.3% better than their deep counterparts. We show an in-depth evaluation and demonstrate how wide models require a far smaller memory footprint and can run faster on commodity hardware, in addition, these wider models are also more interpretable. For example, a single layer Transformer on the IMDb byte level text classification has 3.1x faster inference latency on a CPU than its equally accurate deeper counterpart, and is half the size. We therefore put forward wider and shallower models as a viable and desirable alternative for small models on NLP tasks, and as an important area of research for domains beyond this.",
    authors: ["Jason Ross Brown", "Yiren Zhao", "Ilia Shumailov", "Robert D Mullins"],
    publishedOn: "2022-10-02",
  },
  {
    arxivId: "2409.04206",
    categories: ["cs.LG", "cs.CL"],
    title: "Fast Forwarding Low-Rank Training",
    abstract:
      "Parameter efficient finetuning methods like low-rank adaptation (LoRA) aim to reduce the computational costs of finetuning pretrained Language Models (LMs). Enabled by these low-rank settings, we propose an even more efficient optimization strategy: Fast Forward, a simple and effective approach to accelerate large segments of training. In a Fast Forward stage, we repeat the most recent optimizer step until the loss stops improving on a tiny validation set. By alternating between regular optimization steps and Fast Forward stages, Fast Forward provides up to an 87\\% reduction in FLOPs and up to an 81\\% reduction in train time over standard SGD with Adam. We validate Fast Forward by finetuning various models on different tasks and demonstrate that it speeds up training without compromising model performance. Additionally, we analyze when and how to apply Fast Forward.",
    authors: ["Adir Rahamim", "Naomi Saphra", "Sara Kangaslahti", "Yonatan Belinkov"],
    publishedOn: "2024-09-06",
  },
  {
    arxivId: "2309.15178",
    categories: ["cs.LG", "cs.AI"],
    title: "Conservative World Models",
    abstract:
      "Zero-shot reinforcement learning (RL) promises to provide agents that can perform any task in an environment after an offline pre-training phase. Forward-backward (FB) representations represent remarkable progress towards this ideal, achieving 85% of the performance of task-specific agents in this setting. However, such performance is contingent on access to large and diverse datasets for pre-training, which cannot be expected for most real problems. Here, we explore how FB performance degrades when trained on small datasets that lack diversity, and mitigate it with conservatism, a well-established feature of performant offline RL algorithms. We evaluate our family of methods across various datasets, domains and tasks, reaching 150% of vanilla FB performance in aggregate. Somewhat surprisingly, conservative FB algorithms also outperform the task-specific baseline, despite lacking access to reward labels and being required to maintain policies for all tasks. Conservative FB algorithms perform no worse than FB on full datasets, and so present little downside over their predecessor. Our code is available open-source via https://enjeeneer.io/projects/conservative-world-models/.",
    authors: ["Scott Jeen", "Tom Bewley", "Jonathan M. Cullen"],
    publishedOn: "2023-09-26",
    projectPage: "https://enjeeneer.io/projects/conservative-world-models/",
  },
  {
    arxivId: "2408.08821",
    categories: ["cs.IR", "cs.AI"],
    title: "EasyRec: Simple yet Effective Language Models for Recommendation",
    abstract:
      "Deep neural networks have become a powerful technique for learning representations from user-item interaction data in collaborative filtering (CF) for recommender systems. However, many existing methods heavily rely on unique user and item IDs, which limits their ability to perform well in practical zero-shot learning scenarios where sufficient training data may be unavailable. Inspired by the success of language models (LMs) and their strong generalization capabilities, a crucial question arises: How can we harness the potential of language models to empower recommender systems and elevate its generalization capabilities to new heights? In this study, we propose EasyRec - an effective and easy-to-use approach that seamlessly integrates text-based semantic understanding with collaborative signals. EasyRec employs a text-behavior alignment framework, which combines contrastive learning with collaborative language model tuning, to ensure a strong alignment between the text-enhanced semantic space and the collaborative behavior information. Extensive empirical evaluations across diverse real-world datasets demonstrate the superior performance of EasyRec compared to state-of-the-art alternative models, particularly in the challenging text-based zero-shot recommendation scenarios. Furthermore, the study highlights the potential of seamlessly integrating EasyRec as a plug-and-play component into text-enhanced collaborative filtering frameworks, thereby empowering existing recommender systems to elevate their recommendation performance and adapt to the evolving user preferences in dynamic environments. For better result reproducibility of our EasyRec framework, the model implementation details, source code, and datasets are available at the link: https://github.com/HKUDS/EasyRec.",
    authors: ["Xubin Ren", "Chao Huang"],
    publishedOn: "2024-08-16",
    githubRepo: "https://github.com/HKUDS/EasyRec",
  },
  {
    arxivId: "2207.07187",
    categories: ["cs.IR", "cs.AI", "cs.LG"],
    title: "NASRec: Weight Sharing Neural Architecture Search for Recommender Systems",
    abstract:
      "The rise of deep neural networks offers new opportunities in optimizing recommender systems. However, optimizing recommender systems using deep neural networks requires delicate architecture fabrication. We propose NASRec, a paradigm that trains a single supernet and efficiently produces abundant models/sub-architectures by weight sharing. To overcome the data multi-modality and architecture heterogeneity challenges in the recommendation domain, NASRec establishes a large supernet (i.e., search space) to search the full architectures. The supernet incorporates versatile choice of operators and dense connectivity to minimize human efforts for finding priors. The scale and heterogeneity in NASRec impose several challenges, such as training inefficiency, operator-imbalance, and degraded rank correlation. We tackle these challenges by proposing single-operator any-connection sampling, operator-balancing interaction modules, and post-training fine-tuning. Our crafted models, NASRecNet, show promising results on three Click-Through Rates (CTR) prediction benchmarks, indicating that NASRec outperforms both manually designed models and existing NAS methods with state-of-the-art performance. Our work is publicly available at https://github.com/facebookresearch/NasRec.",
    authors: [
      "Tunhou Zhang",
      "Dehua Cheng",
      "Yuchen He",
      "Zhengxing Chen",
      "Xiaoliang Dai",
      "Liang Xiong",
      "Feng Yan",
      "Hai Li",
      "Yiran Chen",
      "Wei Wen",
    ],
    publishedOn: "2022-07-14",
    githubRepo: "https://github.com/facebookresearch/NasRec",
  },
  {
    arxivId: "2310.04610",
    categories: ["cs.AI", "cs.LG"],
    title:
      "DeepSpeed4Science Initiative: Enabling Large-Scale Scientific Discovery through Sophisticated AI System Technologies",
    abstract:
      "In the upcoming decade, deep learning may revolutionize the natural sciences, enhancing our capacity to model and predict natural occurrences. This could herald a new era of scientific exploration, bringing significant advancements across sectors from drug development to renewable energy. To answer this call, we present DeepSpeed4Science initiative (deepspeed4science.ai) which aims to build unique capabilities through AI system technology innovations to help domain experts to unlock today's biggest science mysteries. By leveraging DeepSpeed's current technology pillars (training, inference and compression) as base technology enablers, DeepSpeed4Science will create a new set of AI system technologies tailored for accelerating scientific discoveries by addressing their unique complexity beyond the common technical approaches used for accelerating generic large language models (LLMs). In this paper, we showcase the early progress we made with DeepSpeed4Science in addressing two of the critical system challenges in structural biology research.",
    authors: [
      // truncated: first 20 of ~100 authors, as printed in the v1 paper (names spelled as printed there). TODO: verify positions 16-20 against the arXiv abstract-page list, which may differ between versions
      "Shuaiwen Leon Song",
      "Bonnie Kruft",
      "Minjia Zhang",
      "Conglong Li",
      "Shiyang Chen",
      "Chengming Zhang",
      "Masahiro Tanaka",
      "Xiaoxia Wu",
      "Jeff Rasley",
      "Ammar Ahmad Awan",
      "Connor Holmes",
      "Martin Cai",
      "Adam Ghanem",
      "Zhongzhu Zhou",
      "Yuxiong He",
      "Christopher Bishop",
      "Max Welling",
      "Tie-Yan Liu",
      "Christian Bodnar",
      "Johannes Brandsetter",
    ],
    publishedOn: "2023-10-06", // TODO: verify publishedOn (believed 2023-10-06, not confirmed)
    projectPage: "https://deepspeed4science.ai",
  },
  {
    arxivId: "2502.20601",
    categories: ["cs.AI", "cs.CL"],
    title:
      "NutriGen: Personalized Meal Plan Generator Leveraging Large Language Models to Enhance Dietary and Nutritional Adherence",
    abstract:
      "Maintaining a balanced diet is essential for overall health, yet many individuals struggle with meal planning due to nutritional complexity, time constraints, and lack of dietary knowledge. Personalized food recommendations can help address these challenges by tailoring meal plans to individual preferences, habits, and dietary restrictions. However, existing dietary recommendation systems often lack adaptability, fail to consider real-world constraints such as food ingredient availability, and require extensive user input, making them impractical for sustainable and scalable daily use. To address these limitations, we introduce NutriGen, a framework based on large language models (LLM) designed to generate personalized meal plans that align with user-defined dietary preferences and constraints. By building a personalized nutrition database and leveraging prompt engineering, our approach enables LLMs to incorporate reliable nutritional references like the USDA nutrition database while maintaining flexibility and ease-of-use. We demonstrate that LLMs have strong potential in generating accurate and user-friendly food recommendations, addressing key limitations in existing dietary recommendation systems by providing structured, practical, and scalable meal plans. Our evaluation shows that Llama 3.1 8B and GPT-3.5 Turbo achieve the lowest percentage errors of 1.55\\% and 3.68\\%, respectively, producing meal plans that closely align with user-defined caloric targets while minimizing deviation and improving precision. Additionally, we compared the performance of DeepSeek V3 against several established models to evaluate its potential in personalized nutrition planning.",
    authors: ["Saman Khamesian", "Asiful Arefeen", "Stephanie M. Carpenter", "Hassan Ghasemzadeh"],
    publishedOn: "2025-02-27", // TODO: verify publishedOn (believed 2025-02-27, not confirmed)
  },
  {
    arxivId: "2503.24290",
    categories: ["cs.LG", "cs.AI", "cs.CL"],
    title: "Open-Reasoner-Zero: An Open Source Approach to Scaling Up Reinforcement Learning on the Base Model",
    abstract:
      "We introduce Open-Reasoner-Zero, the first open source implementation of large-scale reasoning-oriented RL training focusing on scalability, simplicity and accessibility. Through extensive experiments, we demonstrate that a minimalist approach, vanilla PPO with GAE (lambda=1, gamma=1) and straightforward rule-based rewards, without any KL regularization, is sufficient to scale up both response length and benchmark performance, similar to the phenomenon observed in DeepSeek-R1-Zero. Using the same base model as DeepSeek-R1-Zero-Qwen-32B, our implementation achieves superior performance on AIME2024, MATH500, and the GPQA Diamond benchmark while demonstrating remarkable efficiency -- requiring only a tenth of the training steps, compared to DeepSeek-R1-Zero pipeline. In the spirit of open source, we release our source code, parameter settings, training data, and model weights across various sizes.",
    authors: ["Jingcheng Hu", "Yinmin Zhang", "Qi Han", "Daxin Jiang", "Xiangyu Zhang", "Heung-Yeung Shum"],
    publishedOn: "2025-03-31",
    githubRepo: "https://github.com/Open-Reasoner-Zero/Open-Reasoner-Zero",
  },
  {
    arxivId: "2504.00016",
    categories: ["cs.CL", "cs.AI"],
    title: "Medical Reasoning in LLMs: An In-Depth Analysis of DeepSeek R1",
    abstract:
      "Integrating large language models (LLMs) like DeepSeek R1 into healthcare requires rigorous evaluation of their reasoning alignment with clinical expertise. This study assesses DeepSeek R1's medical reasoning against expert patterns using 100 MedQA clinical cases. The model achieved 93% diagnostic accuracy, demonstrating systematic clinical judgment through differential diagnosis, guideline-based treatment selection, and integration of patient-specific factors. However, error analysis of seven incorrect cases revealed persistent limitations: anchoring bias, challenges reconciling conflicting data, insufficient exploration of alternatives, overthinking, knowledge gaps, and premature prioritization of definitive treatment over intermediate care. Crucially, reasoning length correlated with accuracy - shorter responses (<5,000 characters) were more reliable, suggesting extended explanations may signal uncertainty or rationalization of errors. While DeepSeek R1 exhibits foundational clinical reasoning capabilities, recurring flaws highlight critical areas for refinement, including bias mitigation, knowledge updates, and structured reasoning frameworks. These findings underscore LLMs' potential to augment medical decision-making through artificial reasoning but emphasize the need for domain-specific validation, interpretability safeguards, and confidence metrics (e.g., response length thresholds) to ensure reliability in real-world applications.",
    authors: ["Birger Moell", "Fredrik Sand Aronsson", "Sanian Akbar"],
    publishedOn: "2025-03-27",
  },
  {
    arxivId: "2203.13366",
    categories: ["cs.IR", "cs.CL", "cs.LG"],
    title:
      "Recommendation as Language Processing (RLP): A Unified Pretrain, Personalized Prompt & Predict Paradigm (P5)",
    abstract:
      'For a long time, different recommendation tasks typically require designing task-specific architectures and training objectives. As a result, it is hard to transfer the learned knowledge and representations from one task to another, thus restricting the generalization ability of existing recommendation approaches, e.g., a sequential recommendation model can hardly be applied or transferred to a review generation method. To deal with such issues, considering that language can describe almost anything and language grounding is a powerful medium to represent various problems or tasks, we present a flexible and unified text-to-text paradigm called "Pretrain, Personalized Prompt, and Predict Paradigm" (P5) for recommendation, which unifies various recommendation tasks in a shared framework. In P5, all data such as user-item interactions, user descriptions, item metadata, and user reviews are converted to a common format -- natural language sequences. The rich information from natural language assists P5 to capture deeper semantics for personalization and recommendation. Specifically, P5 learns different tasks with the same language modeling objective during pretraining. Thus, it serves as the foundation model for various downstream recommendation tasks, allows easy integration with other modalities, and enables instruction-based recommendation based on prompts. P5 advances recommender systems from shallow model to deep model to big model, and will revolutionize the technical form of recommender systems towards universal recommendation engine. With adaptive personalized prompt for different users, P5 is able to make predictions in a zero-shot or few-shot manner and largely reduces the necessity for extensive fine-tuning. On several recommendation benchmarks, we conduct experiments to show the effectiveness of P5. We release the source code at https://github.com/jeykigung/P5.',
    authors: ["Shijie Geng", "Shuchang Liu", "Zuohui Fu", "Yingqiang Ge", "Yongfeng Zhang"],
    publishedOn: "2022-03-24",
    githubRepo: "https://github.com/jeykigung/P5",
  },
  {
    arxivId: "2006.16236",
    categories: ["cs.LG", "stat.ML"],
    title: "Transformers are RNNs: Fast Autoregressive Transformers with Linear Attention",
    abstract:
      "Transformers achieve remarkable performance in several tasks but due to their quadratic complexity, with respect to the input's length, they are prohibitively slow for very long sequences. To address this limitation, we express the self-attention as a linear dot-product of kernel feature maps and make use of the associativity property of matrix products to reduce the complexity from $\\mathcal{O}\\left(N^2\\right)$ to $\\mathcal{O}\\left(N\\right)$, where $N$ is the sequence length. We show that this formulation permits an iterative implementation that dramatically accelerates autoregressive transformers and reveals their relationship to recurrent neural networks. Our linear transformers achieve similar performance to vanilla transformers and they are up to 4000x faster on autoregressive prediction of very long sequences.",
    authors: ["Angelos Katharopoulos", "Apoorv Vyas", "Nikolaos Pappas", "François Fleuret"],
    publishedOn: "2020-06-29",
  },
  {
    arxivId: "2001.04451",
    categories: ["cs.LG", "cs.CL", "stat.ML"],
    title: "Reformer: The Efficient Transformer",
    abstract:
      "Large Transformer models routinely achieve state-of-the-art results on a number of tasks but training these models can be prohibitively costly, especially on long sequences. We introduce two techniques to improve the efficiency of Transformers. For one, we replace dot-product attention by one that uses locality-sensitive hashing, changing its complexity from O($L^2$) to O($L\\log L$), where $L$ is the length of the sequence. Furthermore, we use reversible residual layers instead of the standard residuals, which allows storing activations only once in the training process instead of $N$ times, where $N$ is the number of layers. The resulting model, the Reformer, performs on par with Transformer models while being much more memory-efficient and much faster on long sequences.",
    authors: ["Nikita Kitaev", "Łukasz Kaiser", "Anselm Levskaya"],
    publishedOn: "2020-01-13",
  },
  {
    arxivId: "2312.00752",
    categories: ["cs.LG", "cs.AI"],
    title: "Mamba: Linear-Time Sequence Modeling with Selective State Spaces",
    abstract:
      "Foundation models, now powering most of the exciting applications in deep learning, are almost universally based on the Transformer architecture and its core attention module. Many subquadratic-time architectures such as linear attention, gated convolution and recurrent models, and structured state space models (SSMs) have been developed to address Transformers' computational inefficiency on long sequences, but they have not performed as well as attention on important modalities such as language. We identify that a key weakness of such models is their inability to perform content-based reasoning, and make several improvements. First, simply letting the SSM parameters be functions of the input addresses their weakness with discrete modalities, allowing the model to selectively propagate or forget information along the sequence length dimension depending on the current token. Second, even though this change prevents the use of efficient convolutions, we design a hardware-aware parallel algorithm in recurrent mode. We integrate these selective SSMs into a simplified end-to-end neural network architecture without attention or even MLP blocks (Mamba). Mamba enjoys fast inference (5$\\times$ higher throughput than Transformers) and linear scaling in sequence length, and its performance improves on real data up to million-length sequences. As a general sequence model backbone, Mamba achieves state-of-the-art performance across several modalities such as language, audio, and genomics. On language modeling, our Mamba-3B model outperforms Transformers of the same size and matches Transformers twice its size, both in pretraining and downstream evaluation.",
    authors: ["Albert Gu", "Tri Dao"],
    publishedOn: "2023-12-01",
    githubRepo: "https://github.com/state-spaces/mamba",
  },
];
