//! `hashlib`: md5, sha1, sha224, sha256, sha384 and sha512 written out here (no crate), with
//! CPython 3.11's OpenSSL-backed interface: `hashlib.md5(b'...')`, `hashlib.new(name, data)`,
//! and `_hashlib.HASH` objects (`update`, `digest`, `hexdigest`, `copy`, `name`,
//! `digest_size`, `block_size`). Crawlers name pages by `md5(url).hexdigest()`; protocols
//! check payloads with sha256. `algorithms_guaranteed` lists what is implemented.

use super::util::{arg, check_kwargs};
use crate::vm::bytearray::bytes_like;
use crate::vm::bytes_methods::new_bytes;
use crate::vm::object::{kw_get, PyType};
use crate::vm::{KwArgs, PyModule, PyResult, Value, Vm};
use std::rc::Rc;

type R = PyResult<Value>;

/// Name, digest size, block size.
const ALGOS: [(&str, usize, usize); 6] = [
    ("md5", 16, 64),
    ("sha1", 20, 64),
    ("sha224", 28, 64),
    ("sha256", 32, 64),
    ("sha384", 48, 128),
    ("sha512", 64, 128), // last: `sha512` below relies on it
];

#[derive(Clone)]
enum State {
    Md5([u32; 4]),
    Sha1([u32; 5]),
    Sha256([u32; 8]),
    Sha512([u64; 8]),
}

/// A running hash: the chaining state, the bytes of an unfinished block, the length so far.
#[derive(Clone)]
pub struct Hasher {
    algo: usize,
    state: State,
    buf: Vec<u8>,
    len: u64,
}

const K256: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];
const K512: [u64; 80] = [
    0x428a2f98d728ae22,
    0x7137449123ef65cd,
    0xb5c0fbcfec4d3b2f,
    0xe9b5dba58189dbbc,
    0x3956c25bf348b538,
    0x59f111f1b605d019,
    0x923f82a4af194f9b,
    0xab1c5ed5da6d8118,
    0xd807aa98a3030242,
    0x12835b0145706fbe,
    0x243185be4ee4b28c,
    0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f,
    0x80deb1fe3b1696b1,
    0x9bdc06a725c71235,
    0xc19bf174cf692694,
    0xe49b69c19ef14ad2,
    0xefbe4786384f25e3,
    0x0fc19dc68b8cd5b5,
    0x240ca1cc77ac9c65,
    0x2de92c6f592b0275,
    0x4a7484aa6ea6e483,
    0x5cb0a9dcbd41fbd4,
    0x76f988da831153b5,
    0x983e5152ee66dfab,
    0xa831c66d2db43210,
    0xb00327c898fb213f,
    0xbf597fc7beef0ee4,
    0xc6e00bf33da88fc2,
    0xd5a79147930aa725,
    0x06ca6351e003826f,
    0x142929670a0e6e70,
    0x27b70a8546d22ffc,
    0x2e1b21385c26c926,
    0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df,
    0x650a73548baf63de,
    0x766a0abb3c77b2a8,
    0x81c2c92e47edaee6,
    0x92722c851482353b,
    0xa2bfe8a14cf10364,
    0xa81a664bbc423001,
    0xc24b8b70d0f89791,
    0xc76c51a30654be30,
    0xd192e819d6ef5218,
    0xd69906245565a910,
    0xf40e35855771202a,
    0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8,
    0x1e376c085141ab53,
    0x2748774cdf8eeb99,
    0x34b0bcb5e19b48a8,
    0x391c0cb3c5c95a63,
    0x4ed8aa4ae3418acb,
    0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3,
    0x748f82ee5defb2fc,
    0x78a5636f43172f60,
    0x84c87814a1f0ab72,
    0x8cc702081a6439ec,
    0x90befffa23631e28,
    0xa4506cebde82bde9,
    0xbef9a3f7b2c67915,
    0xc67178f2e372532b,
    0xca273eceea26619c,
    0xd186b8c721c0c207,
    0xeada7dd6cde0eb1e,
    0xf57d4f7fee6ed178,
    0x06f067aa72176fba,
    0x0a637dc5a2c898a6,
    0x113f9804bef90dae,
    0x1b710b35131c471b,
    0x28db77f523047d84,
    0x32caab7b40c72493,
    0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c,
    0x4cc5d4becb3e42b6,
    0x597f299cfc657e2a,
    0x5fcb6fab3ad6faec,
    0x6c44198c4a475817,
];
const IV256: [u32; 8] = [
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];
const IV224: [u32; 8] = [
    0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4,
];
const IV512: [u64; 8] = [
    0x6a09e667f3bcc908,
    0xbb67ae8584caa73b,
    0x3c6ef372fe94f82b,
    0xa54ff53a5f1d36f1,
    0x510e527fade682d1,
    0x9b05688c2b3e6c1f,
    0x1f83d9abfb41bd6b,
    0x5be0cd19137e2179,
];
const IV384: [u64; 8] = [
    0xcbbb9d5dc1059ed8,
    0x629a292a367cd507,
    0x9159015a3070dd17,
    0x152fecd8f70e5939,
    0x67332667ffc00b31,
    0x8eb44a8768581511,
    0xdb0c2e0d64f98fa7,
    0x47b5481dbefa4fa4,
];
const KMD5: [u32; 64] = [
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
];

/// MD5's rotation amounts, four per round.
const SMD5: [[u32; 4]; 4] = [
    [7, 12, 17, 22],
    [5, 9, 14, 20],
    [4, 11, 16, 23],
    [6, 10, 15, 21],
];

fn md5_block(h: &mut [u32; 4], block: &[u8]) {
    let m: Vec<u32> = block
        .chunks(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    let [mut a, mut b, mut c, mut d] = *h;
    for i in 0..64 {
        let (f, g) = match i / 16 {
            0 => ((b & c) | (!b & d), i),
            1 => ((d & b) | (!d & c), (5 * i + 1) % 16),
            2 => (b ^ c ^ d, (3 * i + 5) % 16),
            _ => (c ^ (b | !d), (7 * i) % 16),
        };
        let f = f.wrapping_add(a).wrapping_add(KMD5[i]).wrapping_add(m[g]);
        a = d;
        d = c;
        c = b;
        b = b.wrapping_add(f.rotate_left(SMD5[i / 16][i % 4]));
    }
    for (x, y) in h.iter_mut().zip([a, b, c, d]) {
        *x = x.wrapping_add(y);
    }
}

fn be32(block: &[u8], n: usize) -> Vec<u32> {
    let mut w: Vec<u32> = block
        .chunks(4)
        .map(|c| u32::from_be_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    w.resize(n, 0);
    w
}

fn sha1_block(h: &mut [u32; 5], block: &[u8]) {
    let mut w = be32(block, 80);
    for i in 16..80 {
        w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
    }
    let [mut a, mut b, mut c, mut d, mut e] = *h;
    for (i, wi) in w.iter().enumerate() {
        let (f, k) = match i / 20 {
            0 => ((b & c) | (!b & d), 0x5a82_7999),
            1 => (b ^ c ^ d, 0x6ed9_eba1),
            2 => ((b & c) | (b & d) | (c & d), 0x8f1b_bcdc),
            _ => (b ^ c ^ d, 0xca62_c1d6),
        };
        let t = a
            .rotate_left(5)
            .wrapping_add(f)
            .wrapping_add(e)
            .wrapping_add(k)
            .wrapping_add(*wi);
        e = d;
        d = c;
        c = b.rotate_left(30);
        b = a;
        a = t;
    }
    for (x, y) in h.iter_mut().zip([a, b, c, d, e]) {
        *x = x.wrapping_add(y);
    }
}

/// The SHA-2 compression function, for 32-bit (SHA-256) or 64-bit (SHA-512) words: `r` holds
/// the rotations of Σ0, Σ1, σ0, σ1 (the σ's third amount is a shift).
macro_rules! sha2_block {
    ($name:ident, $t:ty, $k:expr, $r:expr) => {
        fn $name(h: &mut [$t; 8], w: &mut [$t]) {
            let r: [[u32; 3]; 4] = $r;
            let rot = |x: $t, s: [u32; 3], shift: bool| {
                x.rotate_right(s[0])
                    ^ x.rotate_right(s[1])
                    ^ if shift {
                        x >> s[2]
                    } else {
                        x.rotate_right(s[2])
                    }
            };
            for i in 16..w.len() {
                w[i] = rot(w[i - 2], r[3], true)
                    .wrapping_add(w[i - 7])
                    .wrapping_add(rot(w[i - 15], r[2], true))
                    .wrapping_add(w[i - 16]);
            }
            let mut v = *h;
            for (i, wi) in w.iter().enumerate() {
                let [a, b, c, d, e, f, g, hh] = v;
                let t1 = hh
                    .wrapping_add(rot(e, r[1], false))
                    .wrapping_add((e & f) ^ (!e & g))
                    .wrapping_add($k[i])
                    .wrapping_add(*wi);
                let t2 = rot(a, r[0], false).wrapping_add((a & b) ^ (a & c) ^ (b & c));
                v = [t1.wrapping_add(t2), a, b, c, d.wrapping_add(t1), e, f, g];
            }
            for (x, y) in h.iter_mut().zip(v) {
                *x = x.wrapping_add(y);
            }
        }
    };
}

sha2_block!(
    sha256_words,
    u32,
    K256,
    [[2, 13, 22], [6, 11, 25], [7, 18, 3], [17, 19, 10]]
);
sha2_block!(
    sha512_words,
    u64,
    K512,
    [[28, 34, 39], [14, 18, 41], [1, 8, 7], [19, 61, 6]]
);

/// SHA-512 of `data` in one go (random's version-2 seeding hashes a str or bytes seed).
pub fn sha512(data: &[u8]) -> [u8; 64] {
    let mut h = Hasher::new(ALGOS.len() - 1);
    h.update(data);
    let mut out = [0u8; 64];
    out.copy_from_slice(&h.digest());
    out
}

impl Hasher {
    pub fn new(algo: usize) -> Hasher {
        let state = match algo {
            0 => State::Md5([0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476]),
            1 => State::Sha1([
                0x6745_2301,
                0xefcd_ab89,
                0x98ba_dcfe,
                0x1032_5476,
                0xc3d2_e1f0,
            ]),
            2 => State::Sha256(IV224),
            3 => State::Sha256(IV256),
            4 => State::Sha512(IV384),
            _ => State::Sha512(IV512),
        };
        Hasher {
            algo,
            state,
            buf: Vec::new(),
            len: 0,
        }
    }

    fn block_size(&self) -> usize {
        ALGOS[self.algo].2
    }

    fn compress(&mut self, block: &[u8]) {
        match &mut self.state {
            State::Md5(h) => md5_block(h, block),
            State::Sha1(h) => sha1_block(h, block),
            State::Sha256(h) => sha256_words(h, &mut be32(block, 64)),
            State::Sha512(h) => {
                let mut w: Vec<u64> = block
                    .chunks(8)
                    .map(|c| c.iter().fold(0u64, |acc, &b| acc << 8 | b as u64))
                    .collect();
                w.resize(80, 0);
                sha512_words(h, &mut w)
            }
        }
    }

    pub fn update(&mut self, mut data: &[u8]) {
        let bs = self.block_size();
        self.len = self.len.wrapping_add(data.len() as u64);
        if !self.buf.is_empty() {
            let take = (bs - self.buf.len()).min(data.len());
            self.buf.extend_from_slice(&data[..take]);
            data = &data[take..];
            if self.buf.len() < bs {
                return;
            }
            let block = std::mem::take(&mut self.buf);
            self.compress(&block);
        }
        let mut blocks = data.chunks_exact(bs);
        for block in &mut blocks {
            self.compress(block);
        }
        self.buf.extend_from_slice(blocks.remainder());
    }

    /// The digest of what was fed so far (the hasher itself goes on unchanged).
    pub fn digest(&self) -> Vec<u8> {
        let mut h = self.clone();
        let bs = h.block_size();
        let len_bytes = bs / 8;
        let bits = self.len.wrapping_mul(8);
        let mut pad = vec![0x80u8];
        pad.resize(
            (bs * 2 - (self.len as usize % bs) - 1 - len_bytes) % bs + 1,
            0,
        );
        if let State::Md5(_) = h.state {
            pad.extend_from_slice(&bits.to_le_bytes());
        } else {
            pad.resize(pad.len() + len_bytes - 8, 0);
            pad.extend_from_slice(&bits.to_be_bytes());
        }
        h.update(&pad);
        let mut out: Vec<u8> = match &h.state {
            State::Md5(s) => s.iter().flat_map(|w| w.to_le_bytes()).collect(),
            State::Sha1(s) => s.iter().flat_map(|w| w.to_be_bytes()).collect(),
            State::Sha256(s) => s.iter().flat_map(|w| w.to_be_bytes()).collect(),
            State::Sha512(s) => s.iter().flat_map(|w| w.to_be_bytes()).collect(),
        };
        out.truncate(ALGOS[self.algo].1);
        out
    }
}

/// What `update` and the constructors take: bytes-like, and a str is refused by name.
fn data_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    match v {
        Value::Str(_) => Err(vm.type_error("Strings must be encoded before hashing")),
        _ => {
            bytes_like(v).ok_or_else(|| vm.type_error("object supporting the buffer API required"))
        }
    }
}

fn hasher(vm: &Vm, slf: Option<&Value>) -> PyResult<Hasher> {
    if let Some(Value::Instance(i)) = slf {
        if let Some(h) = i.native::<Hasher>() {
            return Ok(h.clone());
        }
    }
    Err(vm.type_error("descriptor requires a '_hashlib.HASH' object"))
}

fn hash_type(vm: &Vm) -> PyResult<Rc<PyType>> {
    super::util::module_type(vm, "_hashlib", "HASH")
        .ok_or_else(|| vm.type_error("_hashlib.HASH is gone"))
}

fn new_hash(vm: &mut Vm, algo: usize, data: Option<Value>) -> R {
    let mut h = Hasher::new(algo);
    if let Some(d) = data {
        h.update(&data_arg(vm, &d)?);
    }
    let t = hash_type(vm)?;
    Ok(vm.new_native_instance(&t, Box::new(h)))
}

/// `openssl_<name>(string=b'', *, usedforsecurity=True)`.
fn constructor(vm: &mut Vm, algo: usize, args: &[Value], kw: &KwArgs) -> R {
    let name = format!("openssl_{}", ALGOS[algo].0);
    if args.len() > 1 {
        return Err(vm.type_error(format!(
            "{name}() takes at most 1 positional argument ({} given)",
            args.len()
        )));
    }
    if let Some((k, _)) = kw
        .iter()
        .find(|(k, _)| &**k != "string" && &**k != "usedforsecurity")
    {
        return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for {name}()")));
    }
    new_hash(vm, algo, arg(args, kw, 0, "string"))
}

/// `hashlib.new(name, data=b'', **kwargs)` (CPython's `__hash_new`).
fn hash_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    check_kwargs(
        vm,
        "__hash_new",
        kw,
        &["name", "data", "string", "usedforsecurity"],
    )?;
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "__hash_new() takes from 1 to 2 positional arguments but {} were given",
            args.len()
        )));
    }
    let Some(name) = arg(args, kw, 0, "name") else {
        return Err(vm.type_error("__hash_new() missing 1 required positional argument: 'name'"));
    };
    let data = arg(args, kw, 1, "data");
    let Value::Str(s) = &name else {
        return Err(vm.type_error("name must be a string"));
    };
    let Some(algo) = ALGOS.iter().position(|a| a.0 == s.s.to_ascii_lowercase()) else {
        return Err(vm.value_error(format!("unsupported hash type {}", s.s)));
    };
    if data.is_some() && kw_get(kw, "string").is_some() {
        return Err(vm.type_error("argument for new() given by name ('string') and position (2)"));
    }
    new_hash(vm, algo, data.or_else(|| kw_get(kw, "string").cloned()))
}

fn h_update(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    hasher(vm, args.first())?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "HASH.update() takes exactly one argument ({} given)",
            args.len() - 1
        )));
    }
    let data = data_arg(vm, &args[1])?;
    if let Some(Value::Instance(i)) = args.first() {
        if let Some(mut h) = i.native::<Hasher>() {
            h.update(&data);
        }
    }
    Ok(Value::None)
}

fn h_digest(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("digest", &args[1..], 0, 0)?;
    Ok(new_bytes(hasher(vm, args.first())?.digest()))
}

fn h_hexdigest(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("hexdigest", &args[1..], 0, 0)?;
    let d = hasher(vm, args.first())?.digest();
    Ok(Value::string(
        d.iter().map(|b| format!("{b:02x}")).collect(),
    ))
}

fn h_copy(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("copy", &args[1..], 0, 0)?;
    let h = hasher(vm, args.first())?;
    let t = hash_type(vm)?;
    Ok(vm.new_native_instance(&t, Box::new(h)))
}

fn h_repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let h = hasher(vm, args.first())?;
    let addr = vm.addr_of(&args[0]);
    Ok(Value::string(format!(
        "<{} _hashlib.HASH object @ {addr}>",
        ALGOS[h.algo].0
    )))
}

fn h_name(vm: &mut Vm, slf: &Value) -> R {
    Ok(Value::str(ALGOS[hasher(vm, Some(slf))?.algo].0))
}

fn h_digest_size(vm: &mut Vm, slf: &Value) -> R {
    Ok(Value::Int(ALGOS[hasher(vm, Some(slf))?.algo].1 as i64))
}

fn h_block_size(vm: &mut Vm, slf: &Value) -> R {
    Ok(Value::Int(ALGOS[hasher(vm, Some(slf))?.algo].2 as i64))
}

fn no_new(vm: &mut Vm, _cls: &Rc<PyType>, _args: &[Value], _kw: &KwArgs) -> R {
    Err(vm.type_error("cannot create '_hashlib.HASH' instances"))
}

/// `_hashlib`: the HASH type, which `hashlib` exposes through its constructors.
pub fn init_c(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let m = vm.new_module("_hashlib");
    let t = vm.new_native_class("HASH", "_hashlib", &[], Some(no_new))?;
    vm.add_methods(
        &t,
        &[
            ("__repr__", h_repr),
            ("update", h_update),
            ("digest", h_digest),
            ("hexdigest", h_hexdigest),
            ("copy", h_copy),
        ],
    );
    vm.add_getset(&t, "name", h_name, None);
    vm.add_getset(&t, "digest_size", h_digest_size, None);
    vm.add_getset(&t, "block_size", h_block_size, None);
    m.dict.set_str("HASH", Value::Type(t));
    Ok(m)
}

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let c = vm.import("_hashlib", true)?;
    let m = vm.new_module("hashlib");
    m.dict.set_str("_hashlib", c);
    for (algo, (name, _, _)) in ALGOS.iter().enumerate() {
        let f = vm.new_module_closure(&m, &format!("openssl_{name}"), move |vm, a, k| {
            constructor(vm, algo, a, k)
        });
        m.dict.set_str(name, f);
    }
    let new = vm.new_module_closure(&m, "__hash_new", hash_new);
    m.dict.set_str("new", new);
    let names: Vec<Value> = ALGOS.iter().map(|a| Value::str(a.0)).collect();
    for attr in ["algorithms_guaranteed", "algorithms_available"] {
        let s = vm.new_set(names.clone(), false)?;
        m.dict.set_str(attr, s);
    }
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex_of(algo: usize, data: &[u8]) -> String {
        let mut h = Hasher::new(algo);
        h.update(data);
        h.digest().iter().map(|b| format!("{b:02x}")).collect()
    }

    // Digests printed by CPython 3.11's hashlib for the same inputs.
    #[test]
    fn digests_match_cpython() {
        let abc = [
            "900150983cd24fb0d6963f7d28e17f72",
            "a9993e364706816aba3e25717850c26c9cd0d89d",
            "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7",
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
        ];
        for (algo, want) in abc.iter().enumerate() {
            assert_eq!(hex_of(algo, b"abc"), *want, "{}", ALGOS[algo].0);
        }
        assert_eq!(hex_of(0, b""), "d41d8cd98f00b204e9800998ecf8427e");
        assert_eq!(
            hex_of(3, b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    /// Fed in pieces across block boundaries, or at once: the same digest.
    #[test]
    fn updates_in_pieces_equal_one_update() {
        let data: Vec<u8> = (0..300u32).map(|i| (i * 7) as u8).collect();
        for algo in 0..ALGOS.len() {
            let mut h = Hasher::new(algo);
            for chunk in data.chunks(37) {
                h.update(chunk);
            }
            let mut whole = Hasher::new(algo);
            whole.update(&data);
            assert_eq!(h.digest(), whole.digest());
        }
    }
}
