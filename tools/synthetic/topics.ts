/**
 * The synthetic data's research areas: each with its own arXiv category and vocabulary (what its papers are
 * about, the tasks, techniques and data sets they name), so papers of one area read alike and unlike the
 * others'. Members take an interest in one to three areas and vote mostly within them (generate.ts): the
 * structure For you must find (bench/recommend.ts).
 */

export interface TopicArea {
  /** The primary arXiv category of its papers. */
  category: string;
  topics: readonly string[];
  tasks: readonly string[];
  techniques: readonly string[];
  datasets: readonly string[];
}

export const TOPIC_AREAS: readonly TopicArea[] = [
  {
    category: "cs.CL",
    topics: ["large language models", "instruction tuning", "machine translation"],
    tasks: ["question answering", "summarization", "dialogue", "long-form generation"],
    techniques: ["in-context learning", "direct preference optimization", "synthetic data"],
    datasets: ["MMLU", "MT-Bench", "LongBench", "GPQA"],
  },
  {
    category: "cs.CV",
    topics: ["vision-language models", "vision transformers", "open-vocabulary detectors"],
    tasks: ["semantic segmentation", "object detection", "image captioning", "visual grounding"],
    techniques: ["contrastive learning", "token merging", "masked autoencoding"],
    datasets: ["ImageNet", "COCO", "ADE20K", "VQAv2"],
  },
  {
    category: "cs.CV",
    topics: ["diffusion models", "text-to-image synthesis", "video generation"],
    tasks: ["image editing", "motion generation", "video inpainting", "style transfer"],
    techniques: ["latent diffusion", "flow matching", "classifier-free guidance"],
    datasets: ["LAION", "UCF-101", "Kinetics-400", "FFHQ"],
  },
  {
    category: "cs.GR",
    topics: ["neural radiance fields", "Gaussian splatting", "3D reconstruction"],
    tasks: ["depth estimation", "novel view synthesis", "scene completion", "mesh extraction"],
    techniques: ["differentiable rendering", "multi-view stereo", "implicit surfaces"],
    datasets: ["ScanNet", "Objaverse", "Mip-NeRF 360", "ShapeNet"],
  },
  {
    category: "cs.RO",
    topics: ["robot manipulation", "embodied navigation", "world models"],
    tasks: ["grasp planning", "visuomotor control", "sim-to-real transfer", "legged locomotion"],
    techniques: ["imitation learning", "model predictive control", "reinforcement learning"],
    datasets: ["Ego4D", "nuScenes", "RLBench", "Habitat"],
  },
  {
    category: "cs.SE",
    topics: ["code generation", "program repair", "software agents"],
    tasks: ["program synthesis", "unit test generation", "web navigation", "code review"],
    techniques: ["execution feedback", "self-play", "Monte Carlo tree search"],
    datasets: ["HumanEval", "SWE-bench", "LiveCodeBench", "WebArena"],
  },
  {
    category: "cs.AI",
    topics: ["mathematical reasoning", "chain-of-thought reasoning", "theorem proving"],
    tasks: ["math word problems", "formal verification", "competition mathematics", "logical deduction"],
    techniques: ["process reward models", "test-time scaling", "self-consistency"],
    datasets: ["GSM8K", "MATH", "AIME", "miniF2F"],
  },
  {
    category: "eess.AS",
    topics: ["speech recognition", "text-to-speech", "speaker diarization"],
    tasks: ["audio generation", "voice conversion", "spoken language understanding", "keyword spotting"],
    techniques: ["self-supervised pretraining", "neural audio codecs", "CTC decoding"],
    datasets: ["LibriSpeech", "Common Voice", "VoxCeleb", "AudioSet"],
  },
  {
    category: "cs.LG",
    topics: ["mixture-of-experts", "quantization", "KV cache compression"],
    tasks: ["long-context inference", "on-device deployment", "speculative decoding", "batched serving"],
    techniques: ["low-rank adaptation", "sparse attention", "knowledge distillation"],
    datasets: ["WikiText-103", "C4", "The Pile", "RULER"],
  },
  {
    category: "cs.SI",
    topics: ["graph neural networks", "knowledge graphs", "molecular property prediction"],
    tasks: ["link prediction", "node classification", "drug discovery", "community detection"],
    techniques: ["message passing", "graph transformers", "spectral positional encodings"],
    datasets: ["OGB", "QM9", "Cora", "ZINC"],
  },
  {
    category: "q-bio.BM",
    topics: ["protein structure prediction", "protein design", "single-cell genomics"],
    tasks: ["binding affinity prediction", "sequence design", "gene expression modelling", "enzyme engineering"],
    techniques: ["protein language models", "equivariant networks", "structure diffusion"],
    datasets: ["CASP15", "PDB", "UniProt", "CATH"],
  },
  {
    category: "stat.ML",
    topics: ["time series forecasting", "anomaly detection", "causal inference"],
    tasks: ["demand forecasting", "sensor monitoring", "treatment effect estimation", "change-point detection"],
    techniques: ["state space models", "Gaussian processes", "conformal prediction"],
    datasets: ["ETTh1", "M4", "Electricity", "Traffic"],
  },
];
