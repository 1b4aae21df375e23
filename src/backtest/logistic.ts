// Ridge-penalised logistic regression by Newton's method: small, exact, and enough for a three-coefficient model.

export interface LogisticFit {
  coefficients: number[];
  iterations: number;
}

/**
 * Fits P(y=1|x) = σ(β·x) where each row of `x` already includes its intercept column. `ridge` penalises every
 * coefficient except the first (the intercept) toward zero, which is the shrinkage a six-episode training set needs.
 */
export function fitLogistic(
  x: readonly number[][],
  y: readonly number[],
  ridge: number,
  maxIterations = 50,
): LogisticFit {
  const k = x[0]?.length ?? 0;
  let beta = new Array<number>(k).fill(0);
  for (let iter = 1; iter <= maxIterations; iter++) {
    const gradient = new Array<number>(k).fill(0);
    const hessian = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    for (let i = 0; i < x.length; i++) {
      const p = sigmoid(dot(beta, x[i]));
      const w = p * (1 - p);
      for (let a = 0; a < k; a++) {
        gradient[a] += (y[i] - p) * x[i][a];
        for (let b = 0; b < k; b++) hessian[a][b] -= w * x[i][a] * x[i][b];
      }
    }
    for (let a = 1; a < k; a++) {
      gradient[a] -= ridge * beta[a];
      hessian[a][a] -= ridge;
    }
    const step = solve(hessian, gradient);
    beta = beta.map((b, a) => b - step[a]);
    if (Math.max(...step.map(Math.abs)) < 1e-9) return { coefficients: beta, iterations: iter };
  }
  return { coefficients: beta, iterations: maxIterations };
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Solves A·x = b by Gaussian elimination with partial pivoting (A is small and, with the ridge, well conditioned). */
function solve(matrix: number[][], rhs: number[]): number[] {
  const n = rhs.length;
  const a = matrix.map((row, i) => [...row, rhs[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    if (Math.abs(a[col][col]) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r][col] / a[col][col];
      for (let c = col; c <= n; c++) a[r][c] -= f * a[col][c];
    }
  }
  return a.map((row, i) => (Math.abs(row[i]) < 1e-12 ? 0 : row[n] / row[i]));
}
