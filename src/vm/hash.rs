//! CPython 3.11's hash functions for a 64-bit build.
//!
//! Set iteration order depends on hashes, so ints, floats, tuples and frozensets must hash
//! exactly as CPython does for loopscope to print sets in CPython's order. Strings and bytes are
//! the exception: CPython salts them per process (`PYTHONHASHSEED`), so no script can rely on
//! their values; we use a fixed, fast hash instead (see [`hash_bytes`]).

/// `_PyHASH_BITS` on 64-bit builds.
pub const HASH_BITS: u32 = 61;
/// `_PyHASH_MODULUS`: the Mersenne prime 2**61 - 1 that numeric hashes reduce by.
pub const HASH_MODULUS: u64 = (1u64 << HASH_BITS) - 1;
/// `_PyHASH_INF`: `hash(float('inf'))`.
pub const HASH_INF: i64 = 314_159;
/// `_PyHASH_IMAG`: the multiplier for the imaginary part of complex numbers.
pub const HASH_IMAG: u64 = 1_000_003;

const XXPRIME_1: u64 = 11_400_714_785_074_694_791;
const XXPRIME_2: u64 = 14_029_467_366_897_019_727;
const XXPRIME_5: u64 = 2_870_177_450_012_600_261;

/// -1 is CPython's "error" return from hash functions, so a real hash of -1 becomes -2.
#[inline]
fn fix_minus_one(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(v)` for an int that fits in i64.
#[inline]
pub fn hash_int(v: i64) -> i64 {
    // Fast path: most ints are already reduced.
    if v >= 0 && (v as u64) < HASH_MODULUS {
        return v;
    }
    let m = (v.unsigned_abs() % HASH_MODULUS) as i64;
    fix_minus_one(if v < 0 { -m } else { m })
}

/// `hash(v)` for an arbitrary-precision int given by its sign and magnitude as little-endian
/// 64-bit limbs (the least significant limb first). Agrees with [`hash_int`] where both apply.
pub fn hash_bigint(negative: bool, magnitude_le: &[u64]) -> i64 {
    let p = HASH_MODULUS as u128;
    let mut acc: u128 = 0;
    for &limb in magnitude_le.iter().rev() {
        acc = ((acc << 64) | limb as u128) % p;
    }
    let m = acc as i64;
    fix_minus_one(if negative { -m } else { m })
}

/// `hash(True)` is 1 and `hash(False)` is 0, like the ints they equal.
#[inline]
pub fn hash_bool(b: bool) -> i64 {
    b as i64
}

/// `math.frexp`: `v == m * 2**e` with `0.5 <= |m| < 1`, for finite non-zero `v`.
fn frexp(v: f64) -> (f64, i32) {
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(v * f64::from_bits(0x43f0_0000_0000_0000)); // 2**64
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

/// `hash(v)` for a float (`_Py_HashDouble`). Integral floats hash like the equal int.
///
/// CPython 3.10+ hashes a NaN by the identity of the float object, so the caller passes that
/// object's address (or any stable per-object id) as `identity`; it is used only for NaNs.
pub fn hash_float(v: f64, identity: usize) -> i64 {
    if !v.is_finite() {
        if v.is_infinite() {
            return if v > 0.0 { HASH_INF } else { -HASH_INF };
        }
        return hash_pointer(identity);
    }
    if v == 0.0 {
        return 0;
    }
    // Fast path: floats holding small integers hash like those ints.
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        return hash_int(v as i64);
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    // Process 28 bits of the mantissa at a time, reducing modulo 2**61 - 1 as we go
    // (multiplying by 2**28 modulo a Mersenne prime is a 61-bit rotation).
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | (x >> (HASH_BITS - 28));
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let bits = HASH_BITS as i32;
    let e = if e >= 0 {
        e % bits
    } else {
        bits - 1 - ((-1 - e) % bits)
    } as u32;
    x = ((x << e) & HASH_MODULUS) | (x >> (HASH_BITS - e));
    let h = (x as i64).wrapping_mul(sign);
    fix_minus_one(h)
}

/// `hash(complex(real, imag))` given the hashes of both parts (from [`hash_float`]).
pub fn hash_complex(real_hash: i64, imag_hash: i64) -> i64 {
    let h = (real_hash as u64).wrapping_add(HASH_IMAG.wrapping_mul(imag_hash as u64));
    fix_minus_one(h as i64)
}

/// `_Py_HashPointer`: objects hashed by identity (the default `object.__hash__`). The low
/// 4 bits of an address are usually zero, so CPython rotates them to the top.
#[inline]
pub fn hash_pointer(addr: usize) -> i64 {
    fix_minus_one((addr as u64).rotate_right(4) as i64)
}

/// `hash(t)` for a tuple given its items' hashes (3.11's xxHash-based `tuplehash`).
pub fn hash_tuple(item_hashes: &[i64]) -> i64 {
    let mut acc = XXPRIME_5;
    for &h in item_hashes {
        acc = acc.wrapping_add((h as u64).wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    acc = acc.wrapping_add((item_hashes.len() as u64) ^ (XXPRIME_5 ^ 3_527_539));
    if acc == u64::MAX {
        return 1_546_275_796;
    }
    acc as i64
}

/// `_shuffle_bits` from setobject.c: spreads bits so that xor-ing similar hashes does not cancel.
#[inline]
fn shuffle_bits(h: u64) -> u64 {
    ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
}

/// `hash(frozenset(...))` given its items' hashes, in any order (the hash is order-independent).
pub fn hash_frozenset(item_hashes: &[i64]) -> i64 {
    // CPython xors over the whole table and then cancels the empty and dummy slots; the net
    // effect is an xor over the active entries only, which is what we compute.
    let mut hash: u64 = 0;
    for &h in item_hashes {
        hash ^= shuffle_bits(h as u64);
    }
    hash ^= (item_hashes.len() as u64 + 1).wrapping_mul(1_927_868_237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
    if hash == u64::MAX {
        return 590_923_713;
    }
    hash as i64
}

const MUL_A: u64 = 0x9E37_79B9_7F4A_7C15;
const MUL_B: u64 = 0xBF58_476D_1CE4_E5B9;

/// `hash(b)` for bytes. Deterministic (CPython's is salted per process); `hash(b'') == 0`.
///
/// Not SipHash (CPython's): any deterministic hash is as faithful, since scripts cannot rely
/// on salted values, and this word-at-a-time multiply-rotate hash with murmur3's finaliser is
/// faster on the short keys dict-heavy code uses.
pub fn hash_bytes(b: &[u8]) -> i64 {
    if b.is_empty() {
        // CPython guarantees hash('') == hash(b'') == 0.
        return 0;
    }
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        state = (state ^ u64::from_le_bytes(w))
            .wrapping_mul(MUL_A)
            .rotate_left(29);
    }
    let tail = chunks.remainder();
    if !tail.is_empty() {
        let mut w = [0u8; 8];
        w[..tail.len()].copy_from_slice(tail);
        state = (state ^ u64::from_le_bytes(w))
            .wrapping_mul(MUL_A)
            .rotate_left(29);
    }
    let mut h = state ^ (b.len() as u64).wrapping_mul(MUL_B);
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    fix_minus_one(h as i64)
}

/// `hash(s)` for a str. Deterministic (CPython's is salted per process); `hash('') == 0`.
///
/// Like CPython, the bytes hashed are the string's compact representation (latin-1, UCS-2 or
/// UCS-4, whichever is the narrowest that fits), so `hash(s) == hash(s.encode('latin-1'))`
/// holds for latin-1 strings as it does in CPython.
pub fn hash_str(s: &str) -> i64 {
    if s.is_ascii() {
        return hash_bytes(s.as_bytes());
    }
    let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let mut buf: Vec<u8> = Vec::with_capacity(s.len() * 2);
    for c in s.chars() {
        let c = c as u32;
        if max < 0x100 {
            buf.push(c as u8);
        } else if max < 0x1_0000 {
            buf.extend_from_slice(&(c as u16).to_le_bytes());
        } else {
            buf.extend_from_slice(&c.to_le_bytes());
        }
    }
    hash_bytes(&buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values in this module were printed by CPython 3.11.7 (64-bit).

    #[test]
    fn ints() {
        let cases: &[(i64, i64)] = &[
            (0, 0),
            (1, 1),
            (-1, -2),
            (-2, -2),
            (2, 2),
            (12345678901234, 12345678901234),
            (-12345678901234, -12345678901234),
            (2305843009213693951, 0),
            (2305843009213693950, 2305843009213693950),
            (2305843009213693952, 1),
            (-2305843009213693951, 0),
            (4611686018427387904, 2),
            (-4611686018427387904, -2),
            (9223372036854775807, 3),
            (-9223372036854775808, -4),
            (1152921504606846983, 1152921504606846983),
            (1000000007, 1000000007),
        ];
        for &(v, h) in cases {
            assert_eq!(hash_int(v), h, "hash({v})");
            let neg = v < 0;
            assert_eq!(hash_bigint(neg, &[v.unsigned_abs()]), h, "bigint {v}");
        }
        assert!(hash_bool(true) == 1 && hash_bool(false) == 0);
    }

    #[test]
    fn bigints() {
        // hash(2**64), hash(-(2**64 + 5)), hash(3**100), hash(2**200 + 12345)
        assert_eq!(hash_bigint(false, &[0, 1]), 8);
        assert_eq!(
            hash_bigint(false, &[0xd6947d55cf3813d1, 0x673768565b41f775, 0x5a4653ca]),
            1175369268131054105
        );
        assert_eq!(hash_bigint(false, &[12345, 0, 0, 256]), 143417);
        assert_eq!(hash_bigint(true, &[5, 1]), -13);
        assert_eq!(hash_bigint(false, &[]), 0);
    }

    fn hexf(s: &str) -> f64 {
        // Parse Python's float.hex() output so the inputs are exact.
        let (neg, s) = match s.strip_prefix('-') {
            Some(r) => (true, r),
            None => (false, s),
        };
        if s == "inf" {
            return if neg {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            };
        }
        let s = s.strip_prefix("0x").unwrap();
        let (mant, exp) = s.split_once('p').unwrap();
        let (int, frac) = mant.split_once('.').unwrap();
        let mut m = u64::from_str_radix(int, 16).unwrap() as f64;
        let mut scale = 1.0 / 16.0;
        for ch in frac.chars() {
            m += ch.to_digit(16).unwrap() as f64 * scale;
            scale /= 16.0;
        }
        let e: i32 = exp.parse().unwrap();
        let v = m * 2f64.powi(e.max(-1000)) * 2f64.powi((e - e.max(-1000)).min(0));
        if neg {
            -v
        } else {
            v
        }
    }

    #[test]
    fn floats() {
        let cases: &[(&str, i64)] = &[
            ("0x0.0p+0", 0),
            ("-0x0.0p+0", 0),
            ("0x1.0000000000000p+0", 1),
            ("-0x1.0000000000000p+0", -2),
            ("0x1.8000000000000p+0", 1152921504606846977),
            ("-0x1.8000000000000p+0", -1152921504606846977),
            ("0x1.999999999999ap-4", 230584300921369408),
            ("-0x1.999999999999ap-4", -230584300921369408),
            ("0x1.921fb54442d18p+1", 326490430436040707),
            ("0x1.7e43c8800759cp+996", 1224995262755759164),
            ("-0x1.7e43c8800759cp+996", -1224995262755759164),
            ("0x1.56e1fc2f8f359p-997", 482449582752280463),
            ("0x0.0000000000001p-1022", 16777216),
            ("0x1.0000000000000p+61", 1),
            ("0x1.0000000000000p+62", 2),
            ("0x1.0000000000000p+100", 549755813888),
            ("-0x1.0000000000000p+100", -549755813888),
            ("0x1.d6f3454800000p+26", 288230376275168533),
            ("0x1.bc16d674ec800p+59", 1000000000000000000),
            ("-0x1.bc16d674ec800p+59", -1000000000000000000),
            ("0x1.fffffffffffffp+1023", 2234066890152476671),
            ("0x1.0000000000000p-1022", 32768),
            ("inf", 314159),
            ("-inf", -314159),
            ("0x1.0000000000000p-1", 1152921504606846976),
            ("0x1.a36e2eb1c432dp-16", 810705579001919622),
            ("-0x1.0e15635000000p+36", -72500000000),
        ];
        for &(s, h) in cases {
            let v = hexf(s);
            assert_eq!(hash_float(v, 0), h, "hash({s})");
        }
        assert_eq!(hexf("0x0.0000000000001p-1022"), 5e-324);
        assert_eq!(hash_float(f64::NAN, 0x1000), hash_pointer(0x1000));
    }

    #[test]
    fn complexes() {
        // (1j, 1000003), (1+2j, 2000007), (-3.5+0.25j, 576460752303423485), (2**61+1j, 1000004)
        let c = |r: f64, i: f64| hash_complex(hash_float(r, 0), hash_float(i, 0));
        assert_eq!(c(0.0, 1.0), 1000003);
        assert_eq!(c(1.0, 2.0), 2000007);
        assert_eq!(c(-3.5, 0.25), 576460752303423485);
        assert_eq!(c(2f64.powi(61), 1.0), 1000004);
    }

    #[test]
    fn tuples() {
        let t = |items: &[i64]| hash_tuple(items);
        assert_eq!(t(&[]), 5740354900026072187);
        assert_eq!(t(&[1]), -6644214454873602895);
        assert_eq!(t(&[1, 2, 3]), 529344067295497451);
        assert_eq!(t(&[1, t(&[2, 3])]), 7267574591690527098);
        assert_eq!(t(&[t(&[]), t(&[])]), 9028247024705308198);
        assert_eq!(t(&[hash_int(-1)]), 8078679518589016365);
        assert_eq!(t(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 9109727825473806502);
        assert_eq!(t(&[0]), -8753497827991233192);
        assert_eq!(t(&[0, 0]), -8458139203682520985);
        assert_eq!(t(&[t(&[1, 2]), t(&[3, t(&[4, 5])])]), 8418944986667272387);
    }

    #[test]
    fn frozensets() {
        let f = hash_frozenset;
        assert_eq!(f(&[]), 133146708735736);
        assert_eq!(f(&[1, 2]), -1826646154956904602);
        assert_eq!(f(&[2, 1]), -1826646154956904602);
        assert_eq!(f(&[1]), -558064481276695278);
        assert_eq!(f(&[0]), -2704248722033767810);
        assert_eq!(f(&[-2, 100, 5]), -7211556043914704031);
        let r: Vec<i64> = (0..100).collect();
        assert_eq!(f(&r), 4411996150312757951);
        assert_eq!(f(&[3, f(&[1, 2])]), 7688596162017575578);
        assert_eq!(
            f(&[hash_tuple(&[1, 2]), hash_tuple(&[3, 4])]),
            4486445898448503724
        );
    }

    #[test]
    fn strings_and_pointers() {
        assert_eq!(hash_str(""), 0);
        assert_eq!(hash_bytes(b""), 0);
        assert_eq!(hash_str("abc"), hash_bytes(b"abc"));
        assert_eq!(hash_str("héllo"), hash_bytes(b"h\xe9llo"));
        assert_ne!(hash_str("abc"), hash_str("abd"));
        assert_ne!(hash_str("a"), hash_str("a\0"));
        let long = "the quick brown fox jumps over the lazy dog";
        assert_eq!(hash_str(long), hash_bytes(long.as_bytes()));
        assert_ne!(hash_str("日本"), hash_str("本日"));
        assert_eq!(hash_pointer(0x10), 1);
        assert_eq!(hash_pointer(0x7f00_0000_1230), 0x7f0_0000_0123);
    }
}
