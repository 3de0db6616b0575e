/**
 * Built-in models for `fitRows`, each with its analytic Jacobian, plus the shape of a user model.
 * powerlaw A·x^s · exponential A·e^(k·x) · linear a·x + b · gaussian A·e^(−(x−mu)²/(2 sigma²)).
 * @module
 */

/**
 * A model bound to fixed x values: residuals f(x_i, p) − y_i into r, and the Jacobian at the point
 * of the most recent `residuals` call (the LM solver always asks for it there, so the built-ins
 * reuse the exponentials they computed for the residuals).
 */
export interface BoundModel {
  residuals(p: Float64Array, y: Float64Array, yoff: number, r: Float64Array): void;
  jacobian(p: Float64Array, J: Float64Array): void;
}

/** A model for `fitRows`: value and (optionally) gradient with respect to the parameters. */
export interface RowModel {
  /** A fast evaluator for fixed x (built-ins): precomputes log x and shares work between r and J. */
  bind?(x: Float64Array): BoundModel;
  /** Parameter names, which become the result's column names. */
  params: readonly string[];
  /** The model value at x. */
  f(x: number, p: Float64Array): number;
  /** Writes d f / d p at x into out (length params.length); omitted: forward differences. */
  jac?(x: number, p: Float64Array, out: Float64Array): void;
}

/** A user model given to `fitRows`: a function of (x, ...params) and optional analytic gradient. */
export interface UserModel {
  f: (x: number, ...params: number[]) => number;
  jac?: (x: number, ...params: number[]) => readonly number[];
  /** Parameter names (default p0, p1, ...). */
  params?: readonly string[];
}

/** Names of the built-in models. */
export type BuiltinModel = 'powerlaw' | 'exponential' | 'linear' | 'gaussian';

/** The built-in models. */
export const MODELS: Record<BuiltinModel, RowModel> = {
  powerlaw: {
    params: ['A', 's'],
    // A·x^s = A·exp(s·ln x): one exp per point, ln x computed once.
    bind: (x) => expBound(x, Float64Array.from(x, Math.log)),
    f: (x, p) => p[0] * Math.pow(x, p[1]),
    jac(x, p, out) {
      const xs = Math.pow(x, p[1]);
      out[0] = xs;
      out[1] = p[0] * xs * Math.log(x);
    },
  },
  exponential: {
    params: ['A', 'k'],
    bind: (x) => expBound(x, x),
    f: (x, p) => p[0] * Math.exp(p[1] * x),
    jac(x, p, out) {
      const e = Math.exp(p[1] * x);
      out[0] = e;
      out[1] = p[0] * x * e;
    },
  },
  linear: {
    params: ['a', 'b'],
    f: (x, p) => p[0] * x + p[1],
    jac(x, _p, out) {
      out[0] = x;
      out[1] = 1;
    },
  },
  gaussian: {
    params: ['A', 'mu', 'sigma'],
    f: (x, p) => {
      const t = (x - p[1]) / p[2];
      return p[0] * Math.exp(-0.5 * t * t);
    },
    jac(x, p, out) {
      const u = x - p[1];
      const s2 = p[2] * p[2];
      const e = Math.exp((-0.5 * u * u) / s2);
      out[0] = e;
      out[1] = (p[0] * e * u) / s2;
      out[2] = (p[0] * e * u * u) / (s2 * p[2]);
    },
  },
};

/** A·exp(k·t_i) with t = ln x (power law) or t = x (exponential); J = [e, A·t·e]. */
function expBound(x: Float64Array, t: Float64Array): BoundModel {
  const m = x.length;
  const e = new Float64Array(m);
  return {
    residuals(p, y, yoff, r) {
      const A = p[0], k = p[1];
      for (let i = 0; i < m; i++) {
        const v = Math.exp(k * t[i]);
        e[i] = v;
        r[i] = A * v - y[yoff + i];
      }
    },
    jacobian(p, J) {
      const A = p[0];
      for (let i = 0; i < m; i++) {
        J[2 * i] = e[i];
        J[2 * i + 1] = A * t[i] * e[i];
      }
    },
  };
}

/**
 * Wraps a user model (functions of (x, ...params)) as a RowModel.
 * @example
 * fromUserModel({ f: (x, a, b) => a * Math.log(x) + b }, 2).params; // ['p0', 'p1']
 */
export function fromUserModel(u: UserModel, n: number): RowModel {
  const args = new Array<number>(n);
  const load = (p: Float64Array): number[] => {
    for (let a = 0; a < n; a++) args[a] = p[a];
    return args;
  };
  const params = u.params ?? Array.from({ length: n }, (_, i) => `p${i}`);
  const jac = u.jac;
  return {
    params,
    f: (x, p) => u.f(x, ...load(p)),
    jac: jac
      ? (x, p, out) => {
          const g = jac(x, ...load(p));
          for (let a = 0; a < n; a++) out[a] = g[a];
        }
      : undefined,
  };
}
