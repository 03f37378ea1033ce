/** New-style arXiv ids (0704.0001 onwards): YYMM.NNNN or YYMM.NNNNN, optionally with a version. */
const NEW_STYLE = /^(\d{2}(?:0[1-9]|1[0-2])\.\d{4,5})(?:v\d{1,3})?$/;
/**
 * Old-style ids: archive[.SUBJ]/YYMMNNN, optionally with a version (hep-th/9901001, math.GT/0309136v2). The
 * subject class is not part of the id: arXiv knows math.DG/0211159 as math/0211159.
 */
const OLD_STYLE = /^([a-z]+(?:-[a-z]+)*)(?:\.[A-Z]{2})?(\/\d{2}(?:0[1-9]|1[0-2])\d{3})(?:v\d{1,3})?$/;

/**
 * The bare arXiv id (no version suffix, no old-style subject class) in `raw`, or null when it is not an
 * arXiv id. Accepts "2501.12948", "2501.12948v2", "hep-th/9901001", "math.DG/0211159" (→ "math/0211159"),
 * "arXiv:2501.12948".
 */
export function parseArxivId(raw: string): string | null {
  const candidate = raw.trim().replace(/^arxiv:/i, "");
  if (candidate.length > 40) return null;
  const old = OLD_STYLE.exec(candidate);
  return NEW_STYLE.exec(candidate)?.[1] ?? (old ? `${old[1]}${old[2]}` : null);
}

export function arxivAbsUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}

export function arxivPdfUrl(id: string): string {
  return `https://arxiv.org/pdf/${id}`;
}
