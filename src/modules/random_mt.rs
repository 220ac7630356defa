//! CPython 3.11's `random` module algorithms (MT19937 and the methods built on it), bit for bit:
//! the same seed gives the same numbers, choices, shuffles and samples as CPython.
//!
//! Works on primitives; the VM maps values to indices (`choice`, `shuffle`, `sample`,
//! `choices` return or apply index operations) and raises [`RandError`]s as Python exceptions.
//!
//! Seeding (`random.seed(a)`, version 2): ints use [`Mt19937::seed_int`]; str/bytes/bytearray
//! use [`Mt19937::seed_bytes`] (UTF-8 for str); floats and other hashables use
//! [`Mt19937::seed_hash`] with Python's `hash(a)`; `None` means "from the OS" in CPython, which
//! a deterministic VM should replace by a fixed or configured seed.

use super::hashlib::sha512;

/// An error to raise as a Python exception (the class and CPython's message).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RandError {
    /// `ValueError`, `IndexError`, ...
    pub kind: &'static str,
    pub msg: String,
}

fn value_error(msg: impl Into<String>) -> RandError {
    RandError {
        kind: "ValueError",
        msg: msg.into(),
    }
}

/// Results larger than this many items raise MemoryError instead of aborting the process on a
/// failed allocation (scripts are untrusted).
const MAX_ITEMS: usize = 1 << 24;

fn memory_error() -> RandError {
    RandError {
        kind: "MemoryError",
        msg: String::new(),
    }
}

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The Mersenne Twister with CPython's seeding and the `random.Random` methods.
#[derive(Clone, Debug)]
pub struct Mt19937 {
    mt: [u32; N],
    index: usize,
    /// `Random.gauss_next`: `gauss()` makes two values at a time and keeps one.
    pub gauss_next: Option<f64>,
}

impl Default for Mt19937 {
    fn default() -> Self {
        Mt19937::new_seeded_int(0)
    }
}

impl Mt19937 {
    /// A generator seeded like `random.Random(a)` for an int `a`.
    pub fn new_seeded_int(a: i64) -> Mt19937 {
        let mut r = Mt19937 {
            mt: [0; N],
            index: N + 1,
            gauss_next: None,
        };
        r.seed_int(a);
        r
    }

    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..N {
            let prev = self.mt[i - 1];
            self.mt[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let len = key.len().max(1);
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(len) {
            let prev = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key.get(j).copied().unwrap_or(0))
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            if j >= len {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
        }
        self.mt[0] = 0x8000_0000;
        self.index = N;
    }

    /// Seeds from the 32-bit little-endian chunks of an unsigned number (CPython's
    /// `random_seed` for an int: `abs(a)`, at least one chunk).
    fn seed_le_words(&mut self, mut words: Vec<u32>) {
        while words.len() > 1 && words.last() == Some(&0) {
            words.pop();
        }
        if words.is_empty() {
            words.push(0);
        }
        self.init_by_array(&words);
        self.gauss_next = None;
    }

    /// `random.seed(a)` for an int (its absolute value is used, as CPython).
    pub fn seed_int(&mut self, a: i64) {
        let u = a.unsigned_abs();
        self.seed_le_words(vec![u as u32, (u >> 32) as u32]);
    }

    /// `random.seed(a)` for anything CPython seeds through `hash(a)` (floats, ...): the hash
    /// is used as an unsigned `size_t`.
    pub fn seed_hash(&mut self, h: i64) {
        let u = h as u64;
        self.seed_le_words(vec![u as u32, (u >> 32) as u32]);
    }

    /// `random.seed(a)` for str (pass its UTF-8), bytes or bytearray: version 2 seeds with
    /// `int.from_bytes(a + sha512(a).digest(), 'big')`.
    pub fn seed_bytes(&mut self, a: &[u8]) {
        let mut big_endian = a.to_vec();
        big_endian.extend_from_slice(&sha512(a));
        let words: Vec<u32> = big_endian
            .rchunks(4)
            .map(|c| {
                let mut w = 0u32;
                for &b in c {
                    w = (w << 8) | b as u32;
                }
                w
            })
            .collect();
        self.seed_le_words(words);
    }

    /// `genrand_uint32`: the next 32 random bits.
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.generate();
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y
    }

    fn generate(&mut self) {
        let mag01 = [0u32, MATRIX_A];
        for kk in 0..N {
            let y = (self.mt[kk] & UPPER_MASK) | (self.mt[(kk + 1) % N] & LOWER_MASK);
            self.mt[kk] = self.mt[(kk + M) % N] ^ (y >> 1) ^ mag01[(y & 1) as usize];
        }
        self.index = 0;
    }

    /// `random.random()`: 53 random bits as a float in [0, 1).
    pub fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `random.getrandbits(k)` for `k <= 64`; larger `k` need [`Mt19937::getrandbits_words`].
    pub fn getrandbits(&mut self, k: u32) -> u64 {
        self.getrandbits_u128(k.min(64)) as u64
    }

    fn getrandbits_u128(&mut self, k: u32) -> u128 {
        let w = self.words(k.min(128) as usize);
        w.iter()
            .rev()
            .fold(0u128, |acc, &x| (acc << 32) | x as u128)
    }

    /// `random.getrandbits(k)` for any `k`, as little-endian 32-bit words (the VM builds the
    /// int, or raises OverflowError if it does not fit its ints). `k == 0` gives no words.
    pub fn getrandbits_words(&mut self, k: usize) -> Result<Vec<u32>, RandError> {
        if k / 32 > MAX_ITEMS {
            return Err(memory_error());
        }
        Ok(self.words(k))
    }

    fn words(&mut self, k: usize) -> Vec<u32> {
        if k == 0 {
            return Vec::new();
        }
        if k <= 32 {
            return vec![self.next_u32() >> (32 - k)];
        }
        let words = (k - 1) / 32 + 1;
        let mut out = Vec::with_capacity(words);
        let mut left = k;
        for _ in 0..words {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            out.push(r);
            left = left.saturating_sub(32);
        }
        out
    }

    /// `random.randbytes(n)`.
    pub fn randbytes(&mut self, n: usize) -> Result<Vec<u8>, RandError> {
        let words = self.getrandbits_words(n.saturating_mul(8))?;
        Ok(words.iter().flat_map(|w| w.to_le_bytes()).take(n).collect())
    }

    /// `Random._randbelow_with_getrandbits(n)`: uniform in `[0, n)`; `n == 0` gives 0 (CPython
    /// would loop forever; callers check first).
    pub fn randbelow(&mut self, n: u64) -> u64 {
        self.randbelow_u128(n as u128) as u64
    }

    /// [`Mt19937::randbelow`] for widths up to 2^64 (`randint(-2**63, 2**63 - 1)`).
    fn randbelow_u128(&mut self, n: u128) -> u128 {
        if n == 0 {
            return 0;
        }
        let k = 128 - n.leading_zeros();
        let mut r = self.getrandbits_u128(k);
        while r >= n {
            r = self.getrandbits_u128(k);
        }
        r
    }

    /// `random.randrange(start, stop, step)`; pass `stop: None` for `randrange(stop)`.
    pub fn randrange(
        &mut self,
        start: i64,
        stop: Option<i64>,
        step: i64,
    ) -> Result<i64, RandError> {
        let Some(stop) = stop else {
            if start > 0 {
                return Ok(self.randbelow(start as u64) as i64);
            }
            return Err(value_error("empty range for randrange()"));
        };
        let width = stop as i128 - start as i128;
        if step == 1 {
            if width > 0 {
                return Ok((start as i128 + self.randbelow_u128(width as u128) as i128) as i64);
            }
            return Err(value_error(format!(
                "empty range for randrange() ({start}, {stop}, {width})"
            )));
        }
        let istep = step as i128;
        let n = if istep > 0 {
            floor_div(width + istep - 1, istep)
        } else if istep < 0 {
            floor_div(width + istep + 1, istep)
        } else {
            return Err(value_error("zero step for randrange()"));
        };
        if n <= 0 {
            return Err(value_error("empty range for randrange()"));
        }
        let r = self.randbelow_u128(n as u128) as i128;
        Ok((start as i128 + istep * r) as i64)
    }

    /// `random.randint(a, b)` (`randrange(a, b + 1)`).
    pub fn randint(&mut self, a: i64, b: i64) -> Result<i64, RandError> {
        let stop = b as i128 + 1;
        if stop > i64::MAX as i128 {
            // randrange(a, 2**63) without the overflow: the width still fits a u64.
            let width = stop - a as i128;
            if width <= 0 {
                return Err(value_error(format!(
                    "empty range for randrange() ({a}, {stop}, {width})"
                )));
            }
            return Ok((a as i128 + self.randbelow_u128(width as u128) as i128) as i64);
        }
        self.randrange(a, Some(stop as i64), 1)
    }

    /// `random.choice(seq)`: the index to take from a sequence of length `len`.
    pub fn choice_index(&mut self, len: usize) -> Result<usize, RandError> {
        if len == 0 {
            return Err(RandError {
                kind: "IndexError",
                msg: "Cannot choose from an empty sequence".into(),
            });
        }
        Ok(self.randbelow(len as u64) as usize)
    }

    /// `random.shuffle(x)` applied to a slice (the VM passes the list's items).
    pub fn shuffle<T>(&mut self, x: &mut [T]) {
        for i in (1..x.len()).rev() {
            let j = self.randbelow(i as u64 + 1) as usize;
            x.swap(i, j);
        }
    }

    /// `random.sample(population, k)` as indices into a population of length `n`, in
    /// selection order (CPython's pool or set strategy, chosen the same way).
    pub fn sample_indices(&mut self, n: usize, k: i64) -> Result<Vec<usize>, RandError> {
        if k < 0 || k as u64 > n as u64 {
            return Err(value_error("Sample larger than population or is negative"));
        }
        let k = k as usize;
        if k > MAX_ITEMS {
            return Err(memory_error());
        }
        let mut result = Vec::with_capacity(k);
        let mut setsize: f64 = 21.0;
        if k > 5 {
            let e = (((k * 3) as f64).ln() / 4f64.ln()).ceil();
            setsize += 4f64.powf(e);
        }
        if (n as f64) <= setsize {
            if n > MAX_ITEMS {
                return Err(memory_error());
            }
            let mut pool: Vec<usize> = (0..n).collect();
            for i in 0..k {
                let j = self.randbelow((n - i) as u64) as usize;
                result.push(pool[j]);
                pool[j] = pool[n - i - 1];
            }
        } else {
            let mut selected = std::collections::BTreeSet::new();
            for _ in 0..k {
                let mut j = self.randbelow(n as u64) as usize;
                while selected.contains(&j) {
                    j = self.randbelow(n as u64) as usize;
                }
                selected.insert(j);
                result.push(j);
            }
        }
        Ok(result)
    }

    /// `random.sample(population, k, counts=counts)` as indices into the population: the
    /// counts' running total picks which element each sampled position falls in.
    pub fn sample_counts(&mut self, counts: &[i64], k: i64) -> Result<Vec<usize>, RandError> {
        let mut cum: Vec<i64> = Vec::with_capacity(counts.len());
        let mut total: i64 = 0;
        for &c in counts {
            total = total.saturating_add(c);
            cum.push(total);
        }
        cum.pop();
        if total <= 0 {
            return Err(value_error("Total of counts must be greater than zero"));
        }
        let picks = self.sample_indices(total as usize, k)?;
        Ok(picks
            .into_iter()
            .map(|s| cum.partition_point(|&c| c <= s as i64))
            .collect())
    }

    /// `random.choices(population, k=k)` without weights: indices, by `floor(random() * n)`.
    pub fn choices_indices(&mut self, n: usize, k: usize) -> Result<Vec<usize>, RandError> {
        if k > MAX_ITEMS {
            return Err(memory_error());
        }
        let nf = n as f64;
        Ok((0..k)
            .map(|_| (self.random() * nf).floor() as usize)
            .collect())
    }

    /// `random.choices(population, cum_weights=cum, k=k)`: indices (for `weights=`, the VM
    /// passes the running sums, added left to right as Python's `accumulate` does).
    pub fn choices_cum_weights(&mut self, cum: &[f64], k: usize) -> Result<Vec<usize>, RandError> {
        let Some(&last) = cum.last() else {
            return Err(RandError {
                kind: "IndexError",
                msg: "list index out of range".into(),
            });
        };
        let total = last + 0.0;
        if total <= 0.0 {
            return Err(value_error("Total of weights must be greater than zero"));
        }
        if !total.is_finite() {
            return Err(value_error("Total of weights must be finite"));
        }
        if k > MAX_ITEMS {
            return Err(memory_error());
        }
        let hi = cum.len() - 1;
        Ok((0..k)
            .map(|_| {
                let x = self.random() * total;
                // bisect_right(cum, x, 0, hi)
                cum[..hi].partition_point(|&c| c <= x)
            })
            .collect())
    }

    /// `random.uniform(a, b)`.
    pub fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.random()
    }

    /// `random.triangular(low, high, mode)`.
    pub fn triangular(&mut self, low: f64, high: f64, mode: Option<f64>) -> f64 {
        let mut u = self.random();
        let mut c = match mode {
            None => 0.5,
            Some(m) => {
                if high - low == 0.0 {
                    return low;
                }
                (m - low) / (high - low)
            }
        };
        let (mut low, mut high) = (low, high);
        if u > c {
            u = 1.0 - u;
            c = 1.0 - c;
            std::mem::swap(&mut low, &mut high);
        }
        low + (high - low) * (u * c).sqrt()
    }

    /// `random.normalvariate(mu, sigma)` (Kinderman and Monahan).
    pub fn normalvariate(&mut self, mu: f64, sigma: f64) -> f64 {
        let nv_magicconst = 4.0 * (-0.5f64).exp() / 2.0f64.sqrt();
        loop {
            let u1 = self.random();
            let u2 = 1.0 - self.random();
            let z = nv_magicconst * (u1 - 0.5) / u2;
            let zz = z * z / 4.0;
            if zz <= -u2.ln() {
                return mu + z * sigma;
            }
        }
    }

    /// `random.gauss(mu, sigma)`: Box-Muller, keeping the second value in `gauss_next`.
    pub fn gauss(&mut self, mu: f64, sigma: f64) -> f64 {
        let z = match self.gauss_next.take() {
            Some(z) => z,
            None => {
                let x2pi = self.random() * std::f64::consts::TAU;
                let g2rad = (-2.0 * (1.0 - self.random()).ln()).sqrt();
                self.gauss_next = Some(x2pi.sin() * g2rad);
                x2pi.cos() * g2rad
            }
        };
        mu + z * sigma
    }

    /// `random.lognormvariate(mu, sigma)`.
    pub fn lognormvariate(&mut self, mu: f64, sigma: f64) -> f64 {
        self.normalvariate(mu, sigma).exp()
    }

    /// `random.expovariate(lambd)`; `lambd == 0` is ZeroDivisionError "float division by zero".
    pub fn expovariate(&mut self, lambd: f64) -> Result<f64, RandError> {
        let x = -(1.0 - self.random()).ln();
        if lambd == 0.0 {
            return Err(RandError {
                kind: "ZeroDivisionError",
                msg: "float division by zero".into(),
            });
        }
        Ok(x / lambd)
    }

    /// `random.vonmisesvariate(mu, kappa)`.
    pub fn vonmisesvariate(&mut self, mu: f64, kappa: f64) -> f64 {
        use std::f64::consts::{PI, TAU};
        if kappa <= 1e-6 {
            return TAU * self.random();
        }
        let s = 0.5 / kappa;
        let r = s + (1.0 + s * s).sqrt();
        let z = loop {
            let u1 = self.random();
            let z = (PI * u1).cos();
            let d = z / (r + z);
            let u2 = self.random();
            if u2 < 1.0 - d * d || u2 <= (1.0 - d) * d.exp() {
                break z;
            }
        };
        let q = 1.0 / r;
        let f = (q + z) / (1.0 + q * z);
        let u3 = self.random();
        let theta = if u3 > 0.5 {
            mu + f.acos()
        } else {
            mu - f.acos()
        };
        py_fmod(theta, TAU)
    }

    /// `random.gammavariate(alpha, beta)`.
    pub fn gammavariate(&mut self, alpha: f64, beta: f64) -> Result<f64, RandError> {
        if alpha <= 0.0 || beta <= 0.0 {
            return Err(value_error("gammavariate: alpha and beta must be > 0.0"));
        }
        if alpha > 1.0 {
            let ainv = (2.0 * alpha - 1.0).sqrt();
            let bbb = alpha - 4f64.ln();
            let ccc = alpha + ainv;
            let sg_magicconst = 1.0 + 4.5f64.ln();
            loop {
                let u1 = self.random();
                if !(1e-7 < u1 && u1 < 0.9999999) {
                    continue;
                }
                let u2 = 1.0 - self.random();
                let v = (u1 / (1.0 - u1)).ln() / ainv;
                let x = alpha * v.exp();
                let z = u1 * u1 * u2;
                let r = bbb + ccc * v - x;
                if r + sg_magicconst - 4.5 * z >= 0.0 || r >= z.ln() {
                    return Ok(x * beta);
                }
            }
        } else if alpha == 1.0 {
            Ok(-(1.0 - self.random()).ln() * beta)
        } else {
            let e = std::f64::consts::E;
            loop {
                let u = self.random();
                let b = (e + alpha) / e;
                let p = b * u;
                let x = if p <= 1.0 {
                    p.powf(1.0 / alpha)
                } else {
                    -((b - p) / alpha).ln()
                };
                let u1 = self.random();
                if p > 1.0 {
                    if u1 <= x.powf(alpha - 1.0) {
                        return Ok(x * beta);
                    }
                } else if u1 <= (-x).exp() {
                    return Ok(x * beta);
                }
            }
        }
    }

    /// `random.betavariate(alpha, beta)`.
    pub fn betavariate(&mut self, alpha: f64, beta: f64) -> Result<f64, RandError> {
        let y = self.gammavariate(alpha, 1.0)?;
        if y != 0.0 {
            let z = self.gammavariate(beta, 1.0)?;
            return Ok(y / (y + z));
        }
        Ok(0.0)
    }

    /// `random.paretovariate(alpha)`.
    pub fn paretovariate(&mut self, alpha: f64) -> f64 {
        let u = 1.0 - self.random();
        u.powf(-1.0 / alpha)
    }

    /// `random.weibullvariate(alpha, beta)`.
    pub fn weibullvariate(&mut self, alpha: f64, beta: f64) -> f64 {
        let u = 1.0 - self.random();
        alpha * (-u.ln()).powf(1.0 / beta)
    }

    /// `random.getstate()`'s middle element: the 624 state words and the position (CPython's
    /// tuple of 625 ints), plus `gauss_next`.
    pub fn getstate(&self) -> (Vec<u32>, usize, Option<f64>) {
        (self.mt.to_vec(), self.index, self.gauss_next)
    }

    /// `random.setstate(...)` from what [`Mt19937::getstate`] returned.
    pub fn setstate(
        &mut self,
        words: &[u32],
        index: usize,
        gauss_next: Option<f64>,
    ) -> Result<(), RandError> {
        if words.len() != N || index > N {
            return Err(value_error("state vector is the wrong size"));
        }
        self.mt.copy_from_slice(words);
        self.index = index;
        self.gauss_next = gauss_next;
        Ok(())
    }
}

/// Python's `//` on i128 (rounds towards negative infinity; `div_euclid` differs for b < 0).
fn floor_div(a: i128, b: i128) -> i128 {
    let q = a / b;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

/// Python's float `%` for a positive divisor (used by vonmisesvariate).
fn py_fmod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
        m + b
    } else if m == 0.0 {
        0f64.copysign(b)
    } else {
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Generated by tools/gen_random_tests.py from CPython 3.11.7. Do not edit by hand.
    #[rustfmt::skip]
    const OPS: &[(&str, &[A])] = &[
        ("random", &[]),
        ("random", &[]),
        ("random", &[]),
        ("randint", &[I(1), I(100)]),
        ("randint", &[I(1), I(100)]),
        ("randint", &[I(-5), I(5)]),
        ("randint", &[I(0), I(0)]),
        ("choice", &[I(7)]),
        ("choice", &[I(7)]),
        ("choice", &[I(1)]),
        ("shuffle", &[I(10)]),
        ("shuffle", &[I(3)]),
        ("shuffle", &[I(1)]),
        ("sample", &[I(100), I(5)]),
        ("sample", &[I(10), I(10)]),
        ("sample", &[I(1000), I(20)]),
        ("sample", &[I(21), I(3)]),
        ("sample", &[I(22), I(3)]),
        ("sample", &[I(5), I(0)]),
        ("sample_counts", &[Is(&[3, 0, 2, 5]), I(4)]),
        ("uniform", &[F(1.5), F(7.25)]),
        ("uniform", &[F(10.0), F(-3.0)]),
        ("gauss", &[F(0.0), F(1.0)]),
        ("gauss", &[F(0.0), F(1.0)]),
        ("gauss", &[F(5.0), F(2.0)]),
        ("normalvariate", &[F(10.0), F(2.0)]),
        ("normalvariate", &[F(0.0), F(1.0)]),
        ("expovariate", &[F(1.5)]),
        ("expovariate", &[F(0.1)]),
        ("triangular", &[F(0.0), F(10.0), F(3.0)]),
        ("triangular", &[F(0.0), F(1.0), N]),
        ("triangular", &[F(2.0), F(2.0), F(2.0)]),
        ("choices", &[I(5), I(5)]),
        ("choices_w", &[Is(&[1, 2, 3, 4]), I(5)]),
        ("choices_cw", &[Fs(&[1.0, 3.0, 6.0, 10.0]), I(5)]),
        ("choices_w", &[Fs(&[0.5, 0.0, 2.25]), I(4)]),
        ("getrandbits", &[I(1)]),
        ("getrandbits", &[I(31)]),
        ("getrandbits", &[I(32)]),
        ("getrandbits", &[I(33)]),
        ("getrandbits", &[I(64)]),
        ("getrandbits_words", &[I(100)]),
        ("getrandbits", &[I(0)]),
        ("randrange1", &[I(10)]),
        ("randrange", &[I(5), I(50), I(7)]),
        ("randrange", &[I(50), I(5), I(-3)]),
        ("randrange", &[I(0), I(4611686018427387904), I(1)]),
        ("randrange", &[I(-10), I(10), I(1)]),
        ("randint", &[I(-9223372036854775808), I(9223372036854775807)]),
        ("randint", &[I(0), I(9223372036854775807)]),
        ("gammavariate", &[F(0.5), F(1.0)]),
        ("gammavariate", &[F(1.0), F(2.0)]),
        ("gammavariate", &[F(3.0), F(1.5)]),
        ("betavariate", &[F(2.0), F(3.0)]),
        ("lognormvariate", &[F(0.0), F(1.0)]),
        ("vonmisesvariate", &[F(1.0), F(2.0)]),
        ("vonmisesvariate", &[F(0.0), F(0.0)]),
        ("paretovariate", &[F(3.0)]),
        ("weibullvariate", &[F(1.0), F(1.5)]),
        ("randbytes", &[I(7)]),
        ("randbytes", &[I(0)]),
        ("randbytes", &[I(4)]),
        ("randrange1", &[I(0)]),
        ("randrange", &[I(5), I(5), I(1)]),
        ("randrange", &[I(1), I(10), I(0)]),
        ("randrange", &[I(10), I(1), I(2)]),
        ("choice", &[I(0)]),
        ("sample", &[I(3), I(5)]),
        ("sample", &[I(3), I(-1)]),
        ("gammavariate", &[F(0.0), F(1.0)]),
        ("random", &[]),
    ];
    #[rustfmt::skip]
    const SEEDS: &[(Seed, &[&str])] = &[
        (Seed::Int(0), &[
            "0.8444218515250481",
            "0.7579544029403025",
            "0.420571580830845",
            "34",
            "66",
            "2",
            "0",
            "6",
            "6",
            "0",
            "[6, 9, 0, 8, 2, 1, 4, 3, 5, 7]",
            "[1, 0, 2]",
            "[0]",
            "[39, 12, 93, 9, 87]",
            "[5, 7, 1, 2, 3, 6, 8, 4, 9, 0]",
            "[886, 533, 266, 63, 824, 940, 561, 937, 14, 95, 736, 860, 408, 727, 844, 803, 684, 640, 1, 626]",
            "[15, 10, 7]",
            "[10, 2, 6]",
            "[]",
            "[3, 2, 3, 3]",
            "7.063356439168325",
            "-0.4413331006383103",
            "-0.3878606164564171",
            "0.13151716901383603",
            "3.985114840172611",
            "10.59944661208902",
            "0.43866126697404006",
            "0.5180970110186863",
            "33.197615333650745",
            "4.729610446778797",
            "0.5459168931657093",
            "2.0",
            "[2, 1, 2, 1, 0]",
            "[1, 3, 3, 2, 0]",
            "[3, 3, 3, 3, 3]",
            "[2, 2, 2, 2]",
            "0",
            "1120535699",
            "3485918757",
            "5306439535",
            "16510554701424979588",
            "[2918320134, 2533176784, 3544478864, 15]",
            "0",
            "6",
            "33",
            "38",
            "4543943880614615681",
            "1",
            "-4740156061460419826",
            "4999767992146518194",
            "0.019232126416384093",
            "3.165426163719132",
            "3.295267309217936",
            "0.14145515283189497",
            "1.2016243780161355",
            "1.0294422673778705",
            "3.6188191006985444",
            "1.1798967988202431",
            "0.5978460728926913",
            "b'\\xa1#\\x03\\xfb3\\xb5\\x1d'",
            "b''",
            "b'\\x13\\xfdP\\t'",
            "ERR:ValueError:empty range for randrange()",
            "ERR:ValueError:empty range for randrange() (5, 5, 0)",
            "ERR:ValueError:zero step for randrange()",
            "ERR:ValueError:empty range for randrange()",
            "ERR:IndexError:Cannot choose from an empty sequence",
            "ERR:ValueError:Sample larger than population or is negative",
            "ERR:ValueError:Sample larger than population or is negative",
            "ERR:ValueError:gammavariate: alpha and beta must be > 0.0",
            "0.6055041702213623",
        ]),
        (Seed::Int(1), &[
            "0.13436424411240122",
            "0.8474337369372327",
            "0.763774618976614",
            "33",
            "16",
            "2",
            "0",
            "3",
            "5",
            "0",
            "[4, 8, 2, 6, 5, 9, 0, 7, 1, 3]",
            "[2, 0, 1]",
            "[0]",
            "[75, 13, 40, 3, 2]",
            "[0, 8, 9, 3, 5, 1, 6, 2, 7, 4]",
            "[782, 448, 961, 507, 566, 238, 353, 236, 693, 224, 779, 470, 975, 296, 948, 22, 426, 857, 938, 569]",
            "[20, 3, 5]",
            "[20, 9, 3]",
            "[]",
            "[3, 3, 3, 2]",
            "6.27270523632738",
            "1.2860276366170762",
            "-0.43798300196982975",
            "1.2568213446053613",
            "7.862007976105037",
            "10.044109930585467",
            "-1.054504181730904",
            "1.06436176840729",
            "5.349714680002495",
            "2.278205883446781",
            "0.5250256645818392",
            "2.0",
            "[3, 1, 2, 2, 3]",
            "[2, 2, 2, 0, 0]",
            "[3, 3, 2, 2, 1]",
            "[2, 2, 2, 2]",
            "1",
            "1177547900",
            "997188871",
            "6032087715",
            "17569922107956328738",
            "[3639817240, 2481609806, 1517300986, 7]",
            "0",
            "4",
            "40",
            "26",
            "52657401693337727",
            "2",
            "-5432838064559544788",
            "1035292155563789655",
            "0.32443909204104077",
            "1.616672524451463",
            "8.691515297910293",
            "0.008925166592900302",
            "2.402593041729142",
            "0.003413798328366524",
            "0.5755486178233403",
            "1.3059521983727025",
            "1.5370761240935664",
            "b'\\xb6\\xbdR\\xee\\xf3ZA'",
            "b''",
            "b'\\xd6=O\\x08'",
            "ERR:ValueError:empty range for randrange()",
            "ERR:ValueError:empty range for randrange() (5, 5, 0)",
            "ERR:ValueError:zero step for randrange()",
            "ERR:ValueError:empty range for randrange()",
            "ERR:IndexError:Cannot choose from an empty sequence",
            "ERR:ValueError:Sample larger than population or is negative",
            "ERR:ValueError:Sample larger than population or is negative",
            "ERR:ValueError:gammavariate: alpha and beta must be > 0.0",
            "0.841744832274096",
        ]),
        (Seed::Int(42), &[
            "0.6394267984578837",
            "0.025010755222666936",
            "0.27502931836911926",
            "29",
            "18",
            "-4",
            "0",
            "4",
            "3",
            "0",
            "[6, 7, 2, 9, 5, 4, 8, 3, 1, 0]",
            "[0, 1, 2]",
            "[0]",
            "[28, 57, 75, 35, 0]",
            "[2, 6, 5, 9, 1, 7, 8, 0, 3, 4]",
            "[99, 367, 867, 352, 618, 270, 826, 44, 747, 470, 549, 127, 996, 944, 387, 80, 565, 300, 849, 643]",
            "[19, 11, 18]",
            "[6, 2, 1]",
            "[]",
            "[2, 2, 0, 3]",
            "2.8385475965759235",
            "8.686981417673522",
            "-0.24848979310693248",
            "1.3991863970860492",
            "3.729706853259384",
            "8.640290101258493",
            "0.2258728439613796",
            "0.8707363044749225",
            "1.7841220080794424",
            "3.409239871079767",
            "0.9276237284622759",
            "2.0",
            "[2, 3, 4, 3, 1]",
            "[0, 2, 1, 1, 3]",
            "[3, 2, 3, 2, 3]",
            "[2, 2, 2, 2]",
            "0",
            "1604199939",
            "2510777721",
            "6135076551",
            "7367638952773315056",
            "[1554762903, 941975480, 4283481572, 15]",
            "0",
            "2",
            "33",
            "29",
            "1409712372730427189",
            "-5",
            "3329290786759358092",
            "1171879355373994804",
            "0.2075178791711797",
            "1.2624111361378005",
            "2.7624820978469193",
            "0.1110958763003092",
            "0.678353325151875",
            "1.1775424226032323",
            "4.521887004605215",
            "3.288793416647315",
            "1.2724292941655153",
            "b'\\x1cm\\xf7\\x81\\xfa\\xa1\\xe9'",
            "b''",
            "b'\\\\\\xbd=\\x1b'",
            "ERR:ValueError:empty range for randrange()",
            "ERR:ValueError:empty range for randrange() (5, 5, 0)",
            "ERR:ValueError:zero step for randrange()",
            "ERR:ValueError:empty range for randrange()",
            "ERR:IndexError:Cannot choose from an empty sequence",
            "ERR:ValueError:Sample larger than population or is negative",
            "ERR:ValueError:Sample larger than population or is negative",
            "ERR:ValueError:gammavariate: alpha and beta must be > 0.0",
            "0.8705185698367669",
        ]),
        (Seed::Int(1099511627776), &[
            "0.1036394562812375",
            "0.6705558677439764",
            "0.4266543913526999",
            "50",
            "52",
            "5",
            "0",
            "5",
            "5",
            "0",
            "[3, 4, 1, 0, 2, 9, 7, 6, 5, 8]",
            "[2, 0, 1]",
            "[0]",
            "[95, 26, 50, 25, 4]",
            "[9, 6, 8, 3, 4, 1, 7, 5, 2, 0]",
            "[232, 111, 453, 294, 463, 649, 213, 694, 488, 85, 288, 914, 366, 248, 508, 265, 956, 476, 355, 385]",
            "[0, 11, 2]",
            "[6, 9, 2]",
            "[]",
            "[2, 0, 0, 2]",
            "2.9062860715986463",
            "8.378256669916492",
            "0.3521224088076155",
            "-1.2616796325189237",
            "5.898357986247655",
            "6.190327254972489",
            "-1.1049473040228805",
            "0.34488962030356235",
            "13.813687781143857",
            "2.8826333802031345",
            "0.24120047445006423",
            "2.0",
            "[2, 4, 1, 0, 1]",
            "[3, 2, 3, 0, 3]",
            "[3, 2, 2, 1, 3]",
            "[2, 2, 2, 2]",
            "0",
            "694445572",
            "1136629554",
            "1393584106",
            "5647305545243758165",
            "[2339651198, 2121592648, 3057726795, 3]",
            "0",
            "5",
            "5",
            "23",
            "4249310287037757159",
            "-6",
            "-6922094536487155229",
            "860362063431954071",
            "1.9795600477399888",
            "0.0415437357957097",
            "5.04710143256011",
            "0.48010246933586836",
            "0.7107183279372825",
            "0.6034508929009517",
            "2.5961936342762546",
            "1.2581436783588358",
            "1.3886343997494184",
            "b'\\xf7\\xe6d\\xed\\xdb6|'",
            "b''",
            "b'^H%-'",
            "ERR:ValueError:empty range for randrange()",
            "ERR:ValueError:empty range for randrange() (5, 5, 0)",
            "ERR:ValueError:zero step for randrange()",
            "ERR:ValueError:empty range for randrange()",
            "ERR:IndexError:Cannot choose from an empty sequence",
            "ERR:ValueError:Sample larger than population or is negative",
            "ERR:ValueError:Sample larger than population or is negative",
            "ERR:ValueError:gammavariate: alpha and beta must be > 0.0",
            "0.6199517334978213",
        ]),
        (Seed::Int(-5), &[
            "0.6229016948897019",
            "0.7417869892607294",
            "0.7951935655656966",
            "95",
            "84",
            "3",
            "0",
            "6",
            "3",
            "0",
            "[4, 9, 6, 5, 7, 3, 8, 1, 2, 0]",
            "[1, 0, 2]",
            "[0]",
            "[1, 93, 27, 52, 35]",
            "[2, 6, 9, 8, 0, 1, 3, 5, 7, 4]",
            "[995, 892, 5, 214, 792, 220, 983, 169, 893, 170, 296, 321, 984, 203, 552, 897, 694, 640, 209, 186]",
            "[6, 12, 9]",
            "[0, 11, 13]",
            "[]",
            "[0, 3, 2, 0]",
            "3.4081633015186696",
            "-0.6262040424378945",
            "-1.153889813341264",
            "-0.6936244648219786",
            "4.805733174018405",
            "9.284807659228674",
            "0.4133373082744952",
            "0.4264527448937592",
            "1.9373048842816847",
            "2.7722653333116156",
            "0.8253744075598655",
            "2.0",
            "[1, 2, 2, 2, 1]",
            "[3, 2, 3, 3, 3]",
            "[1, 1, 3, 2, 2]",
            "[2, 2, 2, 2]",
            "1",
            "1712031256",
            "1577529523",
            "3692358999",
            "7987010093916925929",
            "[4062180843, 4201944722, 391614558, 3]",
            "0",
            "5",
            "33",
            "23",
            "3135573207595099688",
            "-2",
            "-3575512624192172596",
            "1442465929433476481",
            "0.13410009346109472",
            "2.5468517041281187",
            "1.5183397868890665",
            "0.666171230063019",
            "3.308363257712691",
            "1.4009373891575934",
            "3.544015667487894",
            "1.0486319090155694",
            "1.7262905862589697",
            "b'\\x1eD\\xf0i$L\\x1b'",
            "b''",
            "b'\\x17\\xd87+'",
            "ERR:ValueError:empty range for randrange()",
            "ERR:ValueError:empty range for randrange() (5, 5, 0)",
            "ERR:ValueError:zero step for randrange()",
            "ERR:ValueError:empty range for randrange()",
            "ERR:IndexError:Cannot choose from an empty sequence",
            "ERR:ValueError:Sample larger than population or is negative",
            "ERR:ValueError:Sample larger than population or is negative",
            "ERR:ValueError:gammavariate: alpha and beta must be > 0.0",
            "0.4345551906004371",
        ]),
        (Seed::Int(9223372036854775807), &[
            "0.3166448820870279",
            "0.631259308253863",
            "0.8035542479972343",
            "59",
            "14",
            "2",
            "0",
            "1",
            "5",
            "0",
            "[2, 4, 6, 3, 5, 7, 0, 8, 1, 9]",
            "[0, 2, 1]",
            "[0]",
            "[93, 50, 42, 9, 78]",
            "[3, 5, 2, 7, 1, 0, 9, 6, 8, 4]",
            "[409, 370, 833, 301, 957, 475, 545, 72, 421, 406, 672, 531, 48, 17, 164, 930, 827, 876, 300, 241]",
            "[1, 12, 17]",
            "[10, 14, 21]",
            "[]",
            "[2, 3, 3, 0]",
            "2.99324877095113",
            "8.321932057466565",
            "-0.6642691347247941",
            "0.7817697812030983",
            "4.723163105080028",
            "9.116065673347645",
            "-0.583136269573921",
            "0.49530712843686137",
            "8.279810996884686",
            "4.033991795529264",
            "0.5144334598829271",
            "2.0",
            "[3, 4, 0, 2, 0]",
            "[3, 1, 3, 2, 2]",
            "[3, 3, 3, 2, 2]",
            "[2, 2, 2, 2]",
            "1",
            "1636193208",
            "1373489337",
            "6635143805",
            "15974277353097399687",
            "[2375148942, 2841009207, 3665971292, 11]",
            "0",
            "2",
            "19",
            "11",
            "2508441505836995085",
            "5",
            "5769098693117726082",
            "9084247664857986031",
            "0.0038313484866552656",
            "0.11867772911155583",
            "5.20501086298373",
            "0.5283950332051914",
            "0.9239145030363685",
            "1.1752588140721576",
            "4.868693035677102",
            "1.3094923801373615",
            "1.3091857439322845",
            "b'\\xdbh\\xb0\\x7fW\"\\xbb'",
            "b''",
            "b'i\\xe3\\xc2\\xc8'",
            "ERR:ValueError:empty range for randrange()",
            "ERR:ValueError:empty range for randrange() (5, 5, 0)",
            "ERR:ValueError:zero step for randrange()",
            "ERR:ValueError:empty range for randrange()",
            "ERR:IndexError:Cannot choose from an empty sequence",
            "ERR:ValueError:Sample larger than population or is negative",
            "ERR:ValueError:Sample larger than population or is negative",
            "ERR:ValueError:gammavariate: alpha and beta must be > 0.0",
            "0.24974171403462353",
        ]),
        (Seed::Int(-9223372036854775808), &[
            "0.5534639983914199",
            "0.9406144709090462",
            "0.24199432111690833",
            "65",
            "11",
            "0",
            "0",
            "4",
            "2",
            "0",
            "[8, 6, 4, 1, 2, 7, 5, 0, 9, 3]",
            "[0, 2, 1]",
            "[0]",
            "[46, 42, 54, 88, 14]",
            "[5, 4, 0, 2, 8, 1, 6, 7, 9, 3]",
            "[378, 198, 168, 134, 285, 660, 401, 813, 250, 174, 435, 397, 900, 648, 731, 999, 130, 195, 226, 561]",
            "[19, 20, 18]",
            "[13, 4, 12]",
            "[]",
            "[3, 2, 3, 3]",
            "2.3358323061986894",
            "9.448630632198705",
            "0.3005416233067452",
            "1.2802686590459298",
            "7.8246714206154175",
            "7.934769414455677",
            "-0.02045267691893394",
            "0.07008412237152618",
            "4.020264512799363",
            "6.347720921349364",
            "0.5168949205556175",
            "2.0",
            "[1, 3, 0, 1, 2]",
            "[3, 0, 2, 2, 3]",
            "[0, 2, 3, 1, 3]",
            "[2, 2, 2, 2]",
            "1",
            "1384327635",
            "363565784",
            "4749083293",
            "7816006919464423223",
            "[961910203, 1737057618, 2939268911, 15]",
            "0",
            "0",
            "5",
            "38",
            "4490206118925211763",
            "-7",
            "8575089496585137909",
            "7292912121989274581",
            "0.09455793780899548",
            "0.0916420699696926",
            "8.278955626083338",
            "0.7806182748807132",
            "0.787292192120899",
            "5.937405049986463",
            "4.749481852704631",
            "1.6059194215773103",
            "0.18619728770807567",
            "b'J\\x15e\\xcbpD\\x88'",
            "b''",
            "b'\\xbd\\xba\\x9e3'",
            "ERR:ValueError:empty range for randrange()",
            "ERR:ValueError:empty range for randrange() (5, 5, 0)",
            "ERR:ValueError:zero step for randrange()",
            "ERR:ValueError:empty range for randrange()",
            "ERR:IndexError:Cannot choose from an empty sequence",
            "ERR:ValueError:Sample larger than population or is negative",
            "ERR:ValueError:Sample larger than population or is negative",
            "ERR:ValueError:gammavariate: alpha and beta must be > 0.0",
            "0.7446276779594797",
        ]),
        (Seed::Int(123456789), &[
            "0.6414006161858726",
            "0.5421892680969495",
            "0.9931750662832721",
            "78",
            "51",
            "-1",
            "0",
            "3",
            "4",
            "0",
            "[1, 9, 8, 2, 0, 4, 5, 3, 7, 6]",
            "[1, 2, 0]",
            "[0]",
            "[94, 40, 86, 59, 75]",
            "[4, 1, 9, 2, 3, 0, 7, 5, 8, 6]",
            "[22, 610, 532, 312, 456, 969, 407, 112, 759, 958, 17, 266, 311, 251, 679, 724, 971, 231, 63, 278]",
            "[17, 2, 11]",
            "[15, 7, 21]",
            "[]",
            "[2, 3, 0, 3]",
            "5.675776167247409",
            "-1.8213677501045726",
            "-1.7934576029659821",
            "-0.5136679709164019",
            "2.766978813475469",
            "7.2260736337736",
            "-1.3819744301553476",
            "1.8230545571078867",
            "28.90416163864905",
            "3.47338359816559",
            "0.7951474798242817",
            "2.0",
            "[4, 2, 2, 2, 2]",
            "[2, 2, 3, 1, 3]",
            "[3, 2, 2, 3, 3]",
            "[2, 2, 0, 2]",
            "0",
            "1410118336",
            "2348600456",
            "3019494563",
            "5656184749420813771",
            "[1620278354, 1154191198, 1639861394, 13]",
            "0",
            "3",
            "5",
            "38",
            "4304677617035188220",
            "2",
            "-4826129769894948758",
            "8832903435085003072",
            "0.5169997245933798",
            "1.3971272792899623",
            "1.2714692860511563",
            "0.11153510605615773",
            "1.8944458779361841",
            "1.2483761143851029",
            "1.5882756850974942",
            "1.014509334834095",
            "0.6493685125966285",
            "b'\\xd2\\x16\\x91\\x98\\xec\\x9a\\xf5'",
            "b''",
            "b'\\xcb\\xf1\\x9aL'",
            "ERR:ValueError:empty range for randrange()",
            "ERR:ValueError:empty range for randrange() (5, 5, 0)",
            "ERR:ValueError:zero step for randrange()",
            "ERR:ValueError:empty range for randrange()",
            "ERR:IndexError:Cannot choose from an empty sequence",
            "ERR:ValueError:Sample larger than population or is negative",
            "ERR:ValueError:Sample larger than population or is negative",
            "ERR:ValueError:gammavariate: alpha and beta must be > 0.0",
            "0.515295527964663",
        ]),
        (Seed::Bytes("hello".as_bytes()), &[
            "0.3537754404730722",
            "0.6631985810268619",
            "0.5476053663383964",
            "17",
            "46",
            "-5",
            "0",
            "5",
            "5",
            "0",
            "[5, 8, 9, 3, 7, 1, 6, 4, 0, 2]",
            "[2, 1, 0]",
            "[0]",
            "[60, 79, 32, 22, 2]",
            "[1, 4, 8, 9, 7, 0, 3, 2, 5, 6]",
            "[769, 600, 733, 843, 86, 638, 157, 468, 164, 499, 818, 396, 27, 812, 382, 392, 585, 433, 991, 407]",
            "[15, 2, 12]",
            "[7, 16, 5]",
            "[]",
            "[0, 2, 3, 2]",
            "5.7512171161902055",
            "1.7922282063128243",
            "0.3940370921965271",
            "0.21370121385832172",
            "6.284506868959006",
            "11.11048892092149",
            "-1.0024508980609295",
            "0.6988258226925702",
            "7.212851910559823",
            "6.640478147658925",
            "0.9093101621809074",
            "2.0",
            "[2, 4, 3, 0, 1]",
            "[3, 3, 2, 2, 3]",
            "[0, 3, 2, 3, 2]",
            "[2, 2, 2, 2]",
            "1",
            "1196286588",
            "1668579699",
            "7884497525",
            "5922575090827018351",
            "[3675197171, 1408637043, 220206958, 6]",
            "0",
            "4",
            "33",
            "50",
            "3400036109417469969",
            "1",
            "-8649955167021375697",
            "5502073204133720766",
            "0.07139237617900561",
            "0.08307533785507064",
            "5.002754124730887",
            "0.2583459849150047",
            "1.1026748861532842",
            "0.0062947416173125825",
            "5.517234952197815",
            "1.375912893842999",
            "0.2979483974737074",
            "b'\\x88\\xe1\\xe0\\x96\\x0e7\\x1d'",
            "b''",
            "b's@\\xf1\\xc3'",
            "ERR:ValueError:empty range for randrange()",
            "ERR:ValueError:empty range for randrange() (5, 5, 0)",
            "ERR:ValueError:zero step for randrange()",
            "ERR:ValueError:empty range for randrange()",
            "ERR:IndexError:Cannot choose from an empty sequence",
            "ERR:ValueError:Sample larger than population or is negative",
            "ERR:ValueError:Sample larger than population or is negative",
            "ERR:ValueError:gammavariate: alpha and beta must be > 0.0",
            "0.13872212476558332",
        ]),
        (Seed::Bytes("".as_bytes()), &[
            "0.9602256525641875",
            "0.595411957851699",
            "0.3880117152955401",
            "94",
            "97",
            "-2",
            "0",
            "6",
            "4",
            "0",
            "[2, 7, 1, 4, 3, 0, 6, 8, 5, 9]",
            "[2, 1, 0]",
            "[0]",
            "[50, 84, 3, 31, 80]",
            "[5, 3, 8, 1, 2, 6, 7, 9, 4, 0]",
            "[107, 374, 409, 478, 907, 370, 471, 161, 41, 242, 662, 260, 700, 998, 324, 418, 859, 715, 640, 781]",
            "[1, 11, 6]",
            "[10, 1, 6]",
            "[]",
            "[3, 0, 3, 0]",
            "2.265161771891421",
            "2.163819558849238",
            "-0.48467963333677005",
            "-0.8681171970767924",
            "4.765338391618939",
            "11.838932928352278",
            "0.47601320110277334",
            "0.09867128077696363",
            "0.6551484117856377",
            "3.9357706897229985",
            "0.8101516847090682",
            "2.0",
            "[3, 1, 2, 4, 4]",
            "[2, 2, 2, 2, 3]",
            "[3, 0, 1, 3, 0]",
            "[0, 2, 0, 2]",
            "1",
            "1638727901",
            "491752283",
            "1711166706",
            "18270514383802608715",
            "[3228916814, 1332994689, 3785516645, 7]",
            "0",
            "1",
            "47",
            "11",
            "2060428012252369618",
            "3",
            "3607596112283219832",
            "802957943487702084",
            "1.188075445275543",
            "0.5124491367995011",
            "5.013961146635916",
            "0.6366963183880666",
            "3.5067880591118255",
            "0.8815696353547693",
            "5.488897905420745",
            "1.432361923203849",
            "0.2216945445294225",
            "b'l\\xef$\\xbe\\xbfI\\xb9'",
            "b''",
            "b'\\x11\\x03U('",
            "ERR:ValueError:empty range for randrange()",
            "ERR:ValueError:empty range for randrange() (5, 5, 0)",
            "ERR:ValueError:zero step for randrange()",
            "ERR:ValueError:empty range for randrange()",
            "ERR:IndexError:Cannot choose from an empty sequence",
            "ERR:ValueError:Sample larger than population or is negative",
            "ERR:ValueError:Sample larger than population or is negative",
            "ERR:ValueError:gammavariate: alpha and beta must be > 0.0",
            "0.1987295632566578",
        ]),
        (Seed::Bytes("\u{65e5}\u{672c}\u{8a9e} seed".as_bytes()), &[
            "0.7921620504699581",
            "0.34237777766456445",
            "0.21364070843819738",
            "2",
            "59",
            "-5",
            "0",
            "0",
            "4",
            "0",
            "[3, 0, 5, 9, 1, 8, 7, 6, 2, 4]",
            "[0, 2, 1]",
            "[0]",
            "[4, 44, 78, 38, 25]",
            "[5, 7, 8, 2, 3, 4, 1, 6, 9, 0]",
            "[928, 305, 59, 23, 838, 333, 378, 249, 531, 997, 56, 418, 540, 597, 752, 667, 535, 445, 413, 730]",
            "[3, 15, 20]",
            "[21, 20, 3]",
            "[]",
            "[3, 0, 0, 3]",
            "2.8466185474047183",
            "-1.5559447123524794",
            "0.3792010173654742",
            "-0.26268441880603927",
            "1.8031614658581252",
            "9.411236158938323",
            "1.5050152588069308",
            "0.22499835451740577",
            "19.010283777286627",
            "9.19260978233667",
            "0.8595546388978627",
            "2.0",
            "[2, 1, 3, 0, 2]",
            "[1, 2, 2, 3, 3]",
            "[2, 3, 3, 2, 0]",
            "[0, 2, 2, 2]",
            "0",
            "1945232962",
            "2185927443",
            "3728465656",
            "6707772885645443273",
            "[1532979857, 2641481818, 1443903041, 4]",
            "0",
            "1",
            "19",
            "29",
            "111343387856053888",
            "-4",
            "2111680437197515921",
            "226220185073692604",
            "0.8660677044416946",
            "1.1591765985132971",
            "4.63334875618104",
            "0.2917972262775724",
            "0.28224233370396457",
            "2.8470997973094763",
            "2.7861833207569022",
            "1.2319456522665932",
            "1.4383989599406992",
            "b'e\\x18Z\\xe4\\x17J\\x86'",
            "b''",
            "b'2\\xf7pE'",
            "ERR:ValueError:empty range for randrange()",
            "ERR:ValueError:empty range for randrange() (5, 5, 0)",
            "ERR:ValueError:zero step for randrange()",
            "ERR:ValueError:empty range for randrange()",
            "ERR:IndexError:Cannot choose from an empty sequence",
            "ERR:ValueError:Sample larger than population or is negative",
            "ERR:ValueError:Sample larger than population or is negative",
            "ERR:ValueError:gammavariate: alpha and beta must be > 0.0",
            "0.6923901512994355",
        ]),
        (Seed::Bytes(&[0, 255, 98, 121, 116, 101, 115]), &[
            "0.9850024482386929",
            "0.7501015116638535",
            "0.5768064127952099",
            "57",
            "2",
            "5",
            "0",
            "2",
            "0",
            "0",
            "[6, 0, 1, 7, 2, 4, 3, 5, 9, 8]",
            "[0, 1, 2]",
            "[0]",
            "[90, 14, 39, 83, 67]",
            "[3, 5, 8, 0, 9, 6, 4, 7, 2, 1]",
            "[723, 327, 680, 141, 831, 73, 410, 25, 292, 886, 519, 643, 983, 731, 534, 666, 247, 89, 133, 363]",
            "[15, 5, 12]",
            "[5, 12, 21]",
            "[]",
            "[3, 0, 3, 3]",
            "5.646480933425156",
            "7.537021729343049",
            "-1.0362697258206388",
            "-1.9664038052516264",
            "5.423141681675023",
            "8.541803535093614",
            "0.4791420421647736",
            "0.2774403149244325",
            "13.684353141920678",
            "4.687492730391764",
            "0.5038462179991008",
            "2.0",
            "[0, 0, 1, 0, 4]",
            "[2, 1, 2, 1, 1]",
            "[3, 1, 0, 3, 3]",
            "[2, 2, 2, 2]",
            "1",
            "1493245366",
            "1623446142",
            "6939558517",
            "15734330706457534859",
            "[2038797957, 3065365554, 600439331, 1]",
            "0",
            "5",
            "40",
            "17",
            "1690545003628473705",
            "9",
            "-5876973244447285444",
            "9084179706337702016",
            "0.4595566328827807",
            "4.143913189150229",
            "9.911025586238786",
            "0.0834035405603864",
            "1.1653978331601045",
            "0.9442577265769719",
            "4.483968613310563",
            "1.0058755267219546",
            "1.0834448086012363",
            "b'\\x8e\\x97\\xae\\xab\\x909\\x97'",
            "b''",
            "b'Zc[Z'",
            "ERR:ValueError:empty range for randrange()",
            "ERR:ValueError:empty range for randrange() (5, 5, 0)",
            "ERR:ValueError:zero step for randrange()",
            "ERR:ValueError:empty range for randrange()",
            "ERR:IndexError:Cannot choose from an empty sequence",
            "ERR:ValueError:Sample larger than population or is negative",
            "ERR:ValueError:Sample larger than population or is negative",
            "ERR:ValueError:gammavariate: alpha and beta must be > 0.0",
            "0.786817139365843",
        ]),
        (Seed::Hash(1152921504606846979), &[
            "0.3039190124834461",
            "0.23014450764056538",
            "0.9120431245165537",
            "74",
            "11",
            "-3",
            "0",
            "2",
            "3",
            "0",
            "[1, 9, 5, 7, 8, 6, 3, 2, 0, 4]",
            "[2, 1, 0]",
            "[0]",
            "[59, 66, 68, 95, 42]",
            "[9, 2, 5, 3, 7, 8, 0, 4, 1, 6]",
            "[546, 707, 629, 741, 21, 287, 492, 818, 139, 673, 330, 31, 740, 417, 282, 689, 120, 413, 745, 582]",
            "[2, 14, 18]",
            "[19, 0, 5]",
            "[]",
            "[2, 0, 0, 3]",
            "4.462296089357981",
            "-0.09157544876551071",
            "0.14778059949228559",
            "0.06994227186252408",
            "1.655958574060556",
            "9.449107222344258",
            "1.19840175608079",
            "0.10211557625826327",
            "8.613997472327783",
            "1.6075118127539456",
            "0.3770012239252848",
            "2.0",
            "[1, 3, 1, 3, 4]",
            "[3, 1, 2, 2, 0]",
            "[3, 1, 3, 3, 1]",
            "[2, 2, 0, 2]",
            "0",
            "1842677257",
            "1919429666",
            "7953195731",
            "2088422901142664831",
            "[2956599286, 3447607307, 4241273321, 1]",
            "0",
            "3",
            "47",
            "29",
            "3838968547274686767",
            "1",
            "-3980854308812167906",
            "5382999511624852171",
            "0.6219974968949575",
            "0.859280622772383",
            "5.829192968042357",
            "0.5090714377081339",
            "0.7729413994675746",
            "1.8037877409503134",
            "4.812829139231422",
            "1.0388295050974823",
            "0.16611156141860156",
            "b'cX\\xfbd\\x19\\xedo'",
            "b''",
            "b'Nc\\x0f\\xa9'",
            "ERR:ValueError:empty range for randrange()",
            "ERR:ValueError:empty range for randrange() (5, 5, 0)",
            "ERR:ValueError:zero step for randrange()",
            "ERR:ValueError:empty range for randrange()",
            "ERR:IndexError:Cannot choose from an empty sequence",
            "ERR:ValueError:Sample larger than population or is negative",
            "ERR:ValueError:Sample larger than population or is negative",
            "ERR:ValueError:gammavariate: alpha and beta must be > 0.0",
            "0.2233080112717668",
        ]),
        (Seed::Hash(-576460752303423488), &[
            "0.8538447723761984",
            "0.98692783116038",
            "0.7722538699639108",
            "100",
            "42",
            "-4",
            "0",
            "0",
            "6",
            "0",
            "[2, 3, 4, 8, 9, 1, 7, 6, 0, 5]",
            "[2, 1, 0]",
            "[0]",
            "[79, 17, 92, 42, 20]",
            "[1, 6, 9, 4, 5, 7, 0, 8, 2, 3]",
            "[922, 788, 709, 27, 202, 841, 695, 921, 530, 404, 714, 938, 998, 581, 572, 507, 965, 739, 746, 454]",
            "[2, 10, 11]",
            "[20, 1, 12]",
            "[]",
            "[3, 0, 2, 2]",
            "3.603269917693368",
            "-0.340451718023008",
            "0.8308181269395221",
            "-0.8620758472473021",
            "4.08622840199089",
            "13.078578718272704",
            "0.5880351584082001",
            "0.25177704915022353",
            "17.46872491254153",
            "6.685201697982583",
            "0.2583442154112809",
            "2.0",
            "[4, 2, 2, 4, 0]",
            "[2, 1, 0, 3, 3]",
            "[3, 1, 3, 2, 3]",
            "[2, 0, 2, 2]",
            "0",
            "1595580579",
            "3570157432",
            "1476923291",
            "9072575637111155794",
            "[2299607209, 752820570, 3333631309, 10]",
            "0",
            "2",
            "33",
            "23",
            "3489384371532299104",
            "-8",
            "-5500682192995655935",
            "4374680769442639435",
            "0.09707924414356346",
            "0.8810003069563539",
            "5.177655693384018",
            "0.09743279506444856",
            "0.7645516452371329",
            "6.25992773370363",
            "5.533987833453789",
            "1.162990421666527",
            "1.4123034542682331",
            "b'\\xa6\\xd1k\\xdd\\x10m\\xea'",
            "b''",
            "b'\\xa4\\xacy\\x1e'",
            "ERR:ValueError:empty range for randrange()",
            "ERR:ValueError:empty range for randrange() (5, 5, 0)",
            "ERR:ValueError:zero step for randrange()",
            "ERR:ValueError:empty range for randrange()",
            "ERR:IndexError:Cannot choose from an empty sequence",
            "ERR:ValueError:Sample larger than population or is negative",
            "ERR:ValueError:Sample larger than population or is negative",
            "ERR:ValueError:gammavariate: alpha and beta must be > 0.0",
            "0.07250909940088868",
        ]),
        (Seed::Hash(2), &[
            "0.9560342718892494",
            "0.9478274870593494",
            "0.05655136772680869",
            "11",
            "47",
            "-3",
            "0",
            "2",
            "4",
            "0",
            "[8, 1, 4, 7, 6, 5, 3, 2, 0, 9]",
            "[0, 1, 2]",
            "[0]",
            "[4, 3, 46, 59, 40]",
            "[6, 9, 2, 4, 1, 5, 8, 0, 7, 3]",
            "[177, 139, 522, 368, 526, 690, 573, 186, 915, 456, 815, 424, 752, 537, 928, 930, 781, 372, 808, 607]",
            "[11, 20, 14]",
            "[5, 12, 14]",
            "[]",
            "[3, 2, 3, 0]",
            "6.817784414543779",
            "3.4890661858014864",
            "0.4581234607140425",
            "-0.8147390987662967",
            "8.178741924504465",
            "9.69055980416107",
            "-0.029521615364393926",
            "0.26169982492416977",
            "12.025459496681867",
            "2.2320597135434763",
            "0.785454546338188",
            "2.0",
            "[4, 1, 4, 3, 2]",
            "[2, 3, 2, 2, 1]",
            "[2, 3, 3, 0, 3]",
            "[2, 2, 2, 2]",
            "0",
            "1233546729",
            "2804226800",
            "210067423",
            "4180337095312256031",
            "[2931219244, 3760205946, 3933507001, 1]",
            "0",
            "8",
            "12",
            "11",
            "2258176428217346895",
            "-4",
            "7020494387214714264",
            "1047708897779438953",
            "0.18404849927152267",
            "2.2341561213581755",
            "1.536000226204807",
            "0.31057023441842446",
            "1.8922642613661382",
            "0.7924011829976922",
            "0.2711885346380876",
            "4.641828086197276",
            "0.29984695365287267",
            "b'\\xca\\xecH\\t\\xff\\x12\\x01'",
            "b''",
            "b'\\x83\\x8e\\x1dX'",
            "ERR:ValueError:empty range for randrange()",
            "ERR:ValueError:empty range for randrange() (5, 5, 0)",
            "ERR:ValueError:zero step for randrange()",
            "ERR:ValueError:empty range for randrange()",
            "ERR:IndexError:Cannot choose from an empty sequence",
            "ERR:ValueError:Sample larger than population or is negative",
            "ERR:ValueError:Sample larger than population or is negative",
            "ERR:ValueError:gammavariate: alpha and beta must be > 0.0",
            "0.9384640128555854",
        ]),
    ];
    // ---- end of generated tables ----

    use crate::vm::format::{bytes_repr, float_repr};

    /// An argument in the generated table.
    #[derive(Clone, Copy, Debug)]
    enum A {
        N,
        I(i64),
        F(f64),
        Is(&'static [i64]),
        Fs(&'static [f64]),
    }
    use A::{Fs, Is, F, I, N};

    enum Seed {
        Int(i64),
        Bytes(&'static [u8]),
        Hash(i64),
    }

    fn list<T: ToString>(xs: &[T]) -> String {
        let items: Vec<String> = xs.iter().map(|x| x.to_string()).collect();
        format!("[{}]", items.join(", "))
    }

    fn err(e: RandError) -> String {
        format!("ERR:{}:{}", e.kind, e.msg)
    }

    fn run(r: &mut Mt19937, op: &str, args: &[A]) -> String {
        let i = |n: usize| match args.get(n) {
            Some(I(v)) => *v,
            _ => 0,
        };
        let f = |n: usize| match args.get(n) {
            Some(F(v)) => *v,
            Some(I(v)) => *v as f64,
            _ => 0.0,
        };
        let fr = |x: Result<f64, RandError>| x.map(float_repr).unwrap_or_else(err);
        match op {
            "random" => float_repr(r.random()),
            "randint" => r
                .randint(i(0), i(1))
                .map(|v| v.to_string())
                .unwrap_or_else(err),
            "choice" => r
                .choice_index(i(0) as usize)
                .map(|v| v.to_string())
                .unwrap_or_else(err),
            "shuffle" => {
                let mut v: Vec<usize> = (0..i(0) as usize).collect();
                r.shuffle(&mut v);
                list(&v)
            }
            "sample" => r
                .sample_indices(i(0) as usize, i(1))
                .map(|v| list(&v))
                .unwrap_or_else(err),
            "sample_counts" => match args.first() {
                Some(Is(counts)) => r
                    .sample_counts(counts, i(1))
                    .map(|v| list(&v))
                    .unwrap_or_else(err),
                _ => String::new(),
            },
            "uniform" => float_repr(r.uniform(f(0), f(1))),
            "gauss" => float_repr(r.gauss(f(0), f(1))),
            "normalvariate" => float_repr(r.normalvariate(f(0), f(1))),
            "expovariate" => fr(r.expovariate(f(0))),
            "triangular" => {
                let mode = match args.get(2) {
                    Some(N) | None => None,
                    _ => Some(f(2)),
                };
                float_repr(r.triangular(f(0), f(1), mode))
            }
            "choices" => r
                .choices_indices(i(0) as usize, i(1) as usize)
                .map(|v| list(&v))
                .unwrap_or_else(err),
            "choices_w" | "choices_cw" => {
                let ws: Vec<f64> = match args.first() {
                    Some(Is(w)) => w.iter().map(|&x| x as f64).collect(),
                    Some(Fs(w)) => w.to_vec(),
                    _ => Vec::new(),
                };
                let cum: Vec<f64> = if op == "choices_w" {
                    ws.iter()
                        .scan(None::<f64>, |acc, &w| {
                            let s = acc.map_or(w, |a| a + w);
                            *acc = Some(s);
                            Some(s)
                        })
                        .collect()
                } else {
                    ws
                };
                r.choices_cum_weights(&cum, i(1) as usize)
                    .map(|v| list(&v))
                    .unwrap_or_else(err)
            }
            "getrandbits" => r.getrandbits(i(0) as u32).to_string(),
            "getrandbits_words" => r
                .getrandbits_words(i(0) as usize)
                .map(|v| list(&v))
                .unwrap_or_else(err),
            "randrange1" => r
                .randrange(i(0), None, 1)
                .map(|v| v.to_string())
                .unwrap_or_else(err),
            "randrange" => r
                .randrange(i(0), Some(i(1)), i(2))
                .map(|v| v.to_string())
                .unwrap_or_else(err),
            "gammavariate" => fr(r.gammavariate(f(0), f(1))),
            "betavariate" => fr(r.betavariate(f(0), f(1))),
            "lognormvariate" => float_repr(r.lognormvariate(f(0), f(1))),
            "vonmisesvariate" => float_repr(r.vonmisesvariate(f(0), f(1))),
            "paretovariate" => float_repr(r.paretovariate(f(0))),
            "weibullvariate" => float_repr(r.weibullvariate(f(0), f(1))),
            "randbytes" => r
                .randbytes(i(0) as usize)
                .map(|v| bytes_repr(&v))
                .unwrap_or_else(err),
            _ => format!("unknown op {op}"),
        }
    }

    #[test]
    fn sequences_match_cpython() {
        let mut fails = Vec::new();
        for (seed, want) in SEEDS {
            let mut r = Mt19937::default();
            let label = match seed {
                Seed::Int(a) => {
                    r.seed_int(*a);
                    format!("seed {a}")
                }
                Seed::Bytes(b) => {
                    r.seed_bytes(b);
                    format!("seed {b:?}")
                }
                Seed::Hash(h) => {
                    r.seed_hash(*h);
                    format!("seed hash {h}")
                }
            };
            for ((op, args), want) in OPS.iter().zip(want.iter()) {
                let got = run(&mut r, op, args);
                if got != *want {
                    fails.push(format!("{label}: {op}{args:?}: got {got} want {want}"));
                }
            }
        }
        let n = fails.len();
        let head: Vec<String> = fails.into_iter().take(30).collect();
        assert!(n == 0, "{n} mismatches:\n{}", head.join("\n"));
    }

    #[test]
    fn sha512_known_answers() {
        let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
        assert_eq!(
            hex(&sha512(b"abc")),
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a\
             2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
        );
        assert_eq!(
            hex(&sha512(b"")),
            "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce\
             47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"
        );
    }

    #[test]
    fn state_round_trips() {
        let mut r = Mt19937::new_seeded_int(7);
        r.gauss(0.0, 1.0);
        let (w, idx, g) = r.getstate();
        let a: Vec<f64> = (0..5).map(|_| r.random()).collect();
        let mut s = Mt19937::default();
        assert!(s.setstate(&w, idx, g).is_ok());
        let b: Vec<f64> = (0..5).map(|_| s.random()).collect();
        assert_eq!(a, b);
        assert!(s.setstate(&w[1..], idx, g).is_err());
    }

    /// Many twists of the state, not just the first one; values from python3:
    /// `r = random.Random(5); [r.random() for _ in range(10000)][-1]`, then
    /// `r.getrandbits(32)`, `r.randrange(10**18)`; and
    /// `r = random.Random('loop'); sum(r.randint(0, 9) for _ in range(5000))`.
    #[test]
    fn long_runs_match_cpython() {
        let mut r = Mt19937::new_seeded_int(5);
        let mut last = 0.0;
        for _ in 0..10_000 {
            last = r.random();
        }
        assert_eq!(float_repr(last), "0.25935984089984054");
        assert_eq!(r.getrandbits(32), 1_368_894_858);
        assert_eq!(
            r.randrange(0, Some(1_000_000_000_000_000_000), 1),
            Ok(795_642_638_299_646_392)
        );
        let mut r = Mt19937::default();
        r.seed_bytes(b"loop");
        let total: i64 = (0..5000).map(|_| r.randint(0, 9).unwrap_or(0)).sum();
        assert_eq!(total, 22453);
    }

    #[test]
    fn huge_requests_are_errors_not_allocations() {
        let mut r = Mt19937::default();
        assert!(r.sample_indices(usize::MAX, 1 << 40).is_err());
        assert!(r.choices_indices(3, usize::MAX).is_err());
        assert!(r.randbytes(usize::MAX).is_err());
        assert_eq!(r.sample_indices(usize::MAX, 3).map(|v| v.len()), Ok(3));
    }
}
