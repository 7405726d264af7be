/**
 * Agreement between two labelings of the same items: NMI (arithmetic mean normalisation, as
 * community_peer.py and sklearn's default), AMI (adjusted for chance, Vinh et al. 2010, with the
 * exact expected mutual information under the hypergeometric model) and ARI (Hubert & Arabie).
 */

function logGamma(x: number): number {
  // Lanczos approximation (g = 7, n = 9): ample for counts up to millions.
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  x -= 1;
  let a = c[0] as number;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += (c[i] as number) / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}
const logFactorial = (n: number): number => logGamma(n + 1);

export interface Agreement {
  readonly nmi: number;
  readonly ami: number;
  readonly ari: number;
}

export function agreement(a: readonly string[], b: readonly string[]): Agreement {
  const n = a.length;
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  const cells = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const [x, y] = [a[i] as string, b[i] as string];
    rows.set(x, (rows.get(x) ?? 0) + 1);
    cols.set(y, (cols.get(y) ?? 0) + 1);
    const k = `${x}\u0000${y}`;
    cells.set(k, (cells.get(k) ?? 0) + 1);
  }
  const entropy = (counts: Iterable<number>): number => {
    let h = 0;
    for (const c of counts) h -= (c / n) * Math.log(c / n);
    return h;
  };
  const [ha, hb] = [entropy(rows.values()), entropy(cols.values())];
  let mi = 0;
  for (const [k, nij] of cells) {
    const [x, y] = k.split('\u0000') as [string, string];
    mi += (nij / n) * Math.log((n * nij) / ((rows.get(x) as number) * (cols.get(y) as number)));
  }
  // Expected mutual information of two random labelings with the same cluster sizes.
  let emi = 0;
  for (const ai of rows.values()) {
    for (const bj of cols.values()) {
      const start = Math.max(1, ai + bj - n);
      const end = Math.min(ai, bj);
      for (let nij = start; nij <= end; nij++) {
        const term = (nij / n) * Math.log((n * nij) / (ai * bj));
        const logP =
          logFactorial(ai) + logFactorial(bj) + logFactorial(n - ai) + logFactorial(n - bj) -
          logFactorial(n) - logFactorial(nij) - logFactorial(ai - nij) - logFactorial(bj - nij) - logFactorial(n - ai - bj + nij);
        emi += term * Math.exp(logP);
      }
    }
  }
  const mean = (ha + hb) / 2;
  const pairs = (m: number): number => (m * (m - 1)) / 2;
  let index = 0;
  for (const c of cells.values()) index += pairs(c);
  let sumA = 0;
  let sumB = 0;
  for (const c of rows.values()) sumA += pairs(c);
  for (const c of cols.values()) sumB += pairs(c);
  const expected = (sumA * sumB) / pairs(n);
  const max = (sumA + sumB) / 2;
  return {
    nmi: mean === 0 ? 1 : mi / mean,
    ami: mean - emi === 0 ? 1 : (mi - emi) / (mean - emi),
    ari: max - expected === 0 ? 1 : (index - expected) / (max - expected),
  };
}
