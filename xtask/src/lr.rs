//! Weighted L2-regularised logistic regression over dense features plus
//! sparse binary ones, fitted by full-batch Adam. Deterministic: fixed
//! iteration count, sequential sums, no randomness.

/// Training data: `n` rows of `d` dense features plus sparse binary ones.
pub struct Data {
    pub d: usize,
    /// Row-major, `n * d`.
    pub dense: Vec<f32>,
    /// CSR offsets into `ids`, `n + 1` entries.
    pub offsets: Vec<usize>,
    pub ids: Vec<u32>,
    pub n_sparse: usize,
    /// Labels, 0 or 1.
    pub y: Vec<f32>,
    /// Sample weights.
    pub w: Vec<f32>,
}

impl Data {
    pub fn new(d: usize, n_sparse: usize) -> Data {
        Data {
            d,
            dense: Vec::new(),
            offsets: vec![0],
            ids: Vec::new(),
            n_sparse,
            y: Vec::new(),
            w: Vec::new(),
        }
    }

    pub fn push(&mut self, dense: &[f32], sparse: &[u32], y: f32, w: f32) {
        debug_assert_eq!(dense.len(), self.d);
        self.dense.extend_from_slice(dense);
        self.ids.extend_from_slice(sparse);
        self.offsets.push(self.ids.len());
        self.y.push(y);
        self.w.push(w);
    }

    pub fn len(&self) -> usize {
        self.y.len()
    }
}

/// A fitted model, in the raw (unstandardised) feature space.
pub struct Fit {
    pub bias: f32,
    pub dense: Vec<f32>,
    pub sparse: Vec<f32>,
    pub means: Vec<f32>,
}

pub struct Params {
    /// Gaussian prior means of the dense weights (in raw feature units),
    /// with the strength `l2_prior`; `None` for a zero prior.
    pub prior: Option<(Vec<f64>, f64)>,
    pub l2_dense: f64,
    pub l2_sparse: f64,
    pub epochs: usize,
    pub lr: f64,
}

pub fn fit(data: &Data, p: &Params) -> Fit {
    let (n, d, s) = (data.len(), data.d, data.n_sparse);
    let wsum: f64 = data.w.iter().map(|&w| w as f64).sum();
    // Standardise the dense columns (weighted).
    let mut mean = vec![0f64; d];
    let mut var = vec![0f64; d];
    for i in 0..n {
        let w = data.w[i] as f64;
        for (m, &x) in mean.iter_mut().zip(&data.dense[i * d..(i + 1) * d]) {
            *m += w * x as f64;
        }
    }
    for m in &mut mean {
        *m /= wsum;
    }
    for i in 0..n {
        let w = data.w[i] as f64;
        for j in 0..d {
            let x = data.dense[i * d + j] as f64 - mean[j];
            var[j] += w * x * x;
        }
    }
    let sd: Vec<f64> = var
        .iter()
        .map(|v| {
            let s = (v / wsum).sqrt();
            if s > 1e-9 { s } else { 1.0 }
        })
        .collect();
    let xs: Vec<f32> = (0..n * d)
        .map(|k| ((data.dense[k] as f64 - mean[k % d]) / sd[k % d]) as f32)
        .collect();

    // Parameters: [bias, dense..., sparse...].
    let m = 1 + d + s;
    let mut theta = vec![0f64; m];
    let mut m1 = vec![0f64; m];
    let mut m2 = vec![0f64; m];
    let mut grad = vec![0f64; m];
    let (b1, b2, eps) = (0.9f64, 0.999f64, 1e-8f64);
    for t in 1..=p.epochs {
        grad.iter_mut().for_each(|g| *g = 0.0);
        for i in 0..n {
            let row = &xs[i * d..(i + 1) * d];
            let mut z = theta[0];
            for j in 0..d {
                z += theta[1 + j] * row[j] as f64;
            }
            let sp = &data.ids[data.offsets[i]..data.offsets[i + 1]];
            for &k in sp {
                z += theta[1 + d + k as usize];
            }
            let pr = 1.0 / (1.0 + (-z).exp());
            let g = (pr - data.y[i] as f64) * data.w[i] as f64 / wsum;
            grad[0] += g;
            for j in 0..d {
                grad[1 + j] += g * row[j] as f64;
            }
            for &k in sp {
                grad[1 + d + k as usize] += g;
            }
        }
        for j in 0..d {
            grad[1 + j] += p.l2_dense * theta[1 + j];
        }
        if let Some((mu, l2)) = &p.prior {
            // The prior is on the raw weight w = theta / sd.
            for j in 0..d {
                if mu[j] != 0.0 {
                    grad[1 + j] += l2 * (theta[1 + j] / sd[j] - mu[j]) / sd[j];
                }
            }
        }
        for k in 0..s {
            grad[1 + d + k] += p.l2_sparse * theta[1 + d + k];
        }
        let lr = p.lr * (1.0 - 0.9 * t as f64 / p.epochs as f64);
        for j in 0..m {
            m1[j] = b1 * m1[j] + (1.0 - b1) * grad[j];
            m2[j] = b2 * m2[j] + (1.0 - b2) * grad[j] * grad[j];
            let mh = m1[j] / (1.0 - b1.powi(t as i32));
            let vh = m2[j] / (1.0 - b2.powi(t as i32));
            theta[j] -= lr * mh / (vh.sqrt() + eps);
        }
    }
    // Back to the raw feature space.
    let mut bias = theta[0];
    let mut dense = vec![0f32; d];
    for j in 0..d {
        let w = theta[1 + j] / sd[j];
        dense[j] = w as f32;
        bias -= w * mean[j];
    }
    Fit {
        bias: bias as f32,
        dense,
        sparse: theta[1 + d..].iter().map(|&x| x as f32).collect(),
        means: mean.iter().map(|&x| x as f32).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params() -> Params {
        Params {
            prior: None,
            l2_dense: 1e-4,
            l2_sparse: 1e-4,
            epochs: 300,
            lr: 0.05,
        }
    }

    /// Rows whose label is `x0 > 0` (dense) or the presence of sparse
    /// feature 1; sparse feature 0 is noise.
    fn data() -> Data {
        let mut d = Data::new(2, 2);
        for i in 0..200 {
            let x0 = (i % 20) as f32 - 9.5;
            let x1 = ((i * 7) % 13) as f32;
            let s: Vec<u32> = match i % 3 {
                0 => vec![0],
                1 => vec![1],
                _ => vec![],
            };
            let y = f32::from(x0 > 0.0 || s == [1]);
            d.push(&[x0, x1], &s, y, 1.0);
        }
        d
    }

    #[test]
    fn learns_the_signal_and_not_the_noise() {
        let d = data();
        let fit = fit(&d, &params());
        assert!(fit.dense[0] > 0.3, "dense signal {}", fit.dense[0]);
        assert!(fit.dense[1].abs() < 0.1, "dense noise {}", fit.dense[1]);
        assert!(fit.sparse[1] > 1.0, "sparse signal {}", fit.sparse[1]);
        assert!(fit.sparse[1] > fit.sparse[0] + 1.0);
        // Training accuracy.
        let correct = (0..d.len())
            .filter(|&i| {
                let mut z =
                    fit.bias + fit.dense[0] * d.dense[2 * i] + fit.dense[1] * d.dense[2 * i + 1];
                for &s in &d.ids[d.offsets[i]..d.offsets[i + 1]] {
                    z += fit.sparse[s as usize];
                }
                (z > 0.0) == (d.y[i] > 0.5)
            })
            .count();
        assert!(correct >= 190, "{correct} of 200");
        // The means are the training means of the dense columns.
        assert!((fit.means[0] - 0.0).abs() < 1e-4);
    }

    #[test]
    fn is_deterministic_and_follows_the_prior() {
        let d = data();
        let a = fit(&d, &params());
        let b = fit(&d, &params());
        assert_eq!((a.bias, &a.dense, &a.sparse), (b.bias, &b.dense, &b.sparse));
        // A strong prior pulls the noise weight to its mean.
        let pulled = fit(
            &d,
            &Params {
                prior: Some((vec![0.0, -0.5], 10.0)),
                ..params()
            },
        );
        assert!((pulled.dense[1] + 0.5).abs() < 0.1, "{}", pulled.dense[1]);
    }
}
