//! Python ints past i64 (CPython's arbitrary-precision `int`), on `num_bigint::BigInt`.
//!
//! An int that fits i64 is always `Value::Int`; only the others are `Value::Long`. So every i64
//! fast path stays right as it is, and the code here runs only where i64 arithmetic overflows
//! or an operand is already big. Results go back through [`norm`], which narrows them again.

use super::numeric::{float_pow, PyErr};
use super::value::Value;
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::cell::Cell;
use std::cmp::Ordering;
use std::rc::Rc;

pub type Big = BigInt;

/// The largest result, in bits, an operation may build: past it CPython would spend minutes
/// (or all memory) and loopscope raises `MemoryError` instead. 2**(2**26) has 20 million
/// digits; CPython builds it in well under a second too.
const MAX_BITS: u64 = 1 << 26;

thread_local! {
    /// `sys.set_int_max_str_digits`: CPython 3.11's limit on int <-> decimal str conversion
    /// (0 means none).
    static MAX_STR_DIGITS: Cell<usize> = const { Cell::new(DEFAULT_MAX_STR_DIGITS) };
}

/// CPython 3.11's `sys.int_info.default_max_str_digits`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;

pub fn max_str_digits() -> usize {
    MAX_STR_DIGITS.with(|c| c.get())
}

pub fn set_max_str_digits(n: usize) {
    MAX_STR_DIGITS.with(|c| c.set(n));
}

fn too_big() -> PyErr {
    PyErr::new(super::numeric::ErrKind::MemoryError, "")
}

fn check_bits(bits: u64) -> Result<(), PyErr> {
    if bits > MAX_BITS {
        return Err(too_big());
    }
    Ok(())
}

/// A bound on the work of the quadratic algorithms (division, gcd, square root, modular
/// power): about a second of 64-bit digit products. Past it loopscope raises MemoryError
/// where CPython would run for minutes, since one native operation cannot be interrupted by
/// the VM's instruction budget.
const MAX_WORK: u128 = 1 << 31;

pub fn check_work(a_bits: u64, b_bits: u64) -> Result<(), PyErr> {
    let work = (a_bits / 64 + 1) as u128 * (b_bits / 64 + 1) as u128;
    if work > MAX_WORK {
        return Err(too_big());
    }
    Ok(())
}

/// The division `a / b` costs about (digits of the quotient) x (digits of `b`).
fn check_div(a: &BigInt, b: &BigInt) -> Result<(), PyErr> {
    check_work(a.bits().saturating_sub(b.bits()), b.bits())
}

/// The value of a big int: i64 when it fits, else `Value::Long`.
pub fn norm(b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::Long(Rc::new(b)),
    }
}

/// An int-valued value (int, bool, big int) as a BigInt.
pub fn to_big(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::Long(b) => Some((**b).clone()),
        _ => None,
    }
}

/// Is `v` an int (int, bool, or big)?
pub fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::Long(_))
}

// ---------------------------------------------------------------------------------------------
// float conversion
// ---------------------------------------------------------------------------------------------

/// `2.0 ** k` for `k` in the normal exponent range.
fn pow2(k: i64) -> f64 {
    f64::from_bits(((1023 + k) as u64) << 52)
}

/// `ldexp(m, e)` for an `m` that already carries at most 53 significant bits (so the scaling
/// is exact unless it overflows to infinity).
fn ldexp(m: f64, e: i64) -> f64 {
    let mut x = m;
    let mut e = e;
    while e > 1000 {
        x *= pow2(1000);
        e -= 1000;
    }
    while e < -1000 {
        x *= pow2(-1000);
        e += 1000;
    }
    x * pow2(e)
}

/// `float(b)`: correctly rounded (half to even), OverflowError past the float range.
pub fn to_f64(b: &BigInt) -> Result<f64, PyErr> {
    if let Some(i) = b.to_i64() {
        return Ok(i as f64);
    }
    let bits = b.bits();
    if bits > 1024 {
        return Err(PyErr::overflow("int too large to convert to float"));
    }
    // Keep 55 bits (53 plus a rounding bit) and fold everything below into a sticky low bit,
    // so one conversion of the u64 rounds exactly once.
    let shift = bits - 55;
    let mag = b.magnitude();
    let top = (mag >> shift).to_u64().unwrap_or(0);
    let sticky = mag.trailing_zeros().unwrap_or(0) < shift;
    let m = (top | sticky as u64) as f64;
    let r = ldexp(m, shift as i64);
    if r.is_infinite() {
        return Err(PyErr::overflow("int too large to convert to float"));
    }
    Ok(if b.is_negative() { -r } else { r })
}

/// `int(x)` for a finite float, exactly.
pub fn from_f64(x: f64) -> BigInt {
    let t = x.trunc();
    if t.abs() < 9.2e18 {
        return BigInt::from(t as i64);
    }
    let bits = t.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    let m = BigInt::from(mant);
    let v = if exp >= 0 {
        m << exp as usize
    } else {
        m >> (-exp) as usize
    };
    if x < 0.0 {
        -v
    } else {
        v
    }
}

/// Exact comparison of an int with a float (CPython's `float_richcompare`); `None` for NaN.
pub fn cmp_float(b: &BigInt, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let fl = f.floor();
    match b.cmp(&from_f64(fl)) {
        Ordering::Equal if f > fl => Some(Ordering::Less),
        o => Some(o),
    }
}

/// `a / b`, correctly rounded (CPython's `long_true_divide`).
pub fn truediv(a: &BigInt, b: &BigInt) -> Result<f64, PyErr> {
    if b.is_zero() {
        return Err(PyErr::zero_div("division by zero"));
    }
    const MANT: i64 = 53;
    const MIN_EXP: i64 = -1021;
    const MAX_EXP: i64 = 1024;
    let negate = a.is_negative() != b.is_negative();
    let signed = |x: f64| if negate { -x } else { x };
    if a.is_zero() {
        return Ok(signed(0.0));
    }
    let (a, b) = (a.magnitude(), b.magnitude());
    if a.bits() <= MANT as u64 && b.bits() <= MANT as u64 {
        let (x, y) = (
            a.to_u64().unwrap_or(0) as f64,
            b.to_u64().unwrap_or(1) as f64,
        );
        return Ok(signed(x / y));
    }
    let diff = a.bits() as i64 - b.bits() as i64;
    if diff > MAX_EXP {
        return Err(PyErr::overflow(
            "integer division result too large for a float",
        ));
    }
    if diff < MIN_EXP - MANT - 1 {
        return Ok(signed(0.0));
    }
    let shift = diff.max(MIN_EXP) - MANT - 2;
    let mut inexact = false;
    let x = if shift <= 0 {
        a << (-shift) as usize
    } else {
        inexact = a.trailing_zeros().unwrap_or(0) < shift as u64;
        a >> shift as usize
    };
    let (q, r) = x.div_rem(b);
    inexact |= !r.is_zero();
    let q_bits = q.bits() as i64;
    let extra = q_bits.max(MIN_EXP - shift) - MANT;
    let mut low = q.to_u64().unwrap_or(0) | inexact as u64;
    let mask = 1u64 << (extra - 1);
    if low & mask != 0 && low & (3 * mask - 1) != 0 {
        low += mask;
    }
    low &= !(2 * mask - 1);
    let dx = low as f64;
    if shift + q_bits >= MAX_EXP && (shift + q_bits > MAX_EXP || dx == ldexp(1.0, q_bits)) {
        return Err(PyErr::overflow(
            "integer division result too large for a float",
        ));
    }
    Ok(signed(ldexp(dx, shift)))
}

// ---------------------------------------------------------------------------------------------
// arithmetic
// ---------------------------------------------------------------------------------------------

pub fn add(a: &BigInt, b: &BigInt) -> Value {
    norm(a + b)
}

pub fn sub(a: &BigInt, b: &BigInt) -> Value {
    norm(a - b)
}

pub fn mul(a: &BigInt, b: &BigInt) -> Result<Value, PyErr> {
    check_bits(a.bits() + b.bits())?;
    Ok(norm(a * b))
}

pub fn divmod(a: &BigInt, b: &BigInt) -> Result<(Value, Value), PyErr> {
    if b.is_zero() {
        return Err(PyErr::zero_div("integer division or modulo by zero"));
    }
    check_div(a, b)?;
    let (q, r) = a.div_mod_floor(b);
    Ok((norm(q), norm(r)))
}

pub fn floordiv(a: &BigInt, b: &BigInt) -> Result<Value, PyErr> {
    if b.is_zero() {
        return Err(PyErr::zero_div("integer division or modulo by zero"));
    }
    check_div(a, b)?;
    Ok(norm(a.div_floor(b)))
}

pub fn rem(a: &BigInt, b: &BigInt) -> Result<Value, PyErr> {
    if b.is_zero() {
        return Err(PyErr::zero_div("integer modulo by zero"));
    }
    check_div(a, b)?;
    Ok(norm(a.mod_floor(b)))
}

/// `a ** b`: an int for `b >= 0`, CPython's float power for `b < 0`.
pub fn pow(a: &BigInt, b: &BigInt) -> Result<Value, PyErr> {
    if b.is_negative() {
        let x = to_f64(a)?;
        let y = to_f64(b)?;
        if x == 0.0 {
            return Err(PyErr::zero_div("0.0 cannot be raised to a negative power"));
        }
        return float_pow(x, y).map(Value::Float);
    }
    if a.is_zero() {
        return Ok(Value::Int(b.is_zero() as i64));
    }
    if a.is_one() {
        return Ok(Value::Int(1));
    }
    if *a == BigInt::from(-1) {
        return Ok(Value::Int(if b.is_even() { 1 } else { -1 }));
    }
    let e = match b.to_u32() {
        Some(e) => e,
        None => return Err(too_big()),
    };
    // The result has between (bits(a) - 1) * e + 1 and bits(a) * e bits.
    check_bits((a.bits() - 1).saturating_mul(e as u64))?;
    if let Some(tz) = a.magnitude().trailing_zeros() {
        if a.magnitude().bits() == tz + 1 {
            // A power of two: one shift, however large.
            let r = BigInt::one() << (tz as usize * e as usize);
            return Ok(norm(if a.is_negative() && e % 2 == 1 { -r } else { r }));
        }
    }
    Ok(norm(a.pow(e)))
}

/// `pow(a, b, m)`.
pub fn pow_mod(a: &BigInt, b: &BigInt, m: &BigInt) -> Result<Value, PyErr> {
    if m.is_zero() {
        return Err(PyErr::value("pow() 3rd argument cannot be 0"));
    }
    let um = m.abs();
    // Each of the exponent's bits costs a product and a reduction modulo `m`.
    check_work(b.bits().saturating_mul(um.bits() / 64 + 1), um.bits())?;
    check_div(a, &um)?;
    let mut base = a.mod_floor(&um);
    let mut e = b.clone();
    if b.is_negative() {
        base = base
            .modinv(&um)
            .ok_or_else(|| PyErr::value("base is not invertible for the given modulus"))?;
        e = -e;
    }
    let r = if um.is_one() {
        BigInt::zero()
    } else {
        base.modpow(&e, &um)
    };
    if m.is_negative() && !r.is_zero() {
        Ok(norm(r - um))
    } else {
        Ok(norm(r))
    }
}

pub fn lshift(a: &BigInt, n: &BigInt) -> Result<Value, PyErr> {
    if n.is_negative() {
        return Err(PyErr::value("negative shift count"));
    }
    if a.is_zero() {
        return Ok(Value::Int(0));
    }
    let n = n.to_u64().ok_or_else(too_big)?;
    check_bits(a.bits().saturating_add(n))?;
    Ok(norm(a << n as usize))
}

pub fn rshift(a: &BigInt, n: &BigInt) -> Result<Value, PyErr> {
    if n.is_negative() {
        return Err(PyErr::value("negative shift count"));
    }
    match n.to_u64() {
        Some(n) if n < a.bits() + 1 => Ok(norm(a >> n as usize)),
        _ => Ok(Value::Int(if a.is_negative() { -1 } else { 0 })),
    }
}

/// `int.bit_count()`.
pub fn bit_count(a: &BigInt) -> u64 {
    a.magnitude().count_ones()
}

/// CPython's int hash: |b| mod (2**61 - 1), with b's sign; -1 becomes -2.
pub fn hash(b: &BigInt) -> i64 {
    const P: u64 = (1 << 61) - 1;
    let mut h: u64 = 0;
    for d in b.magnitude().iter_u64_digits().rev() {
        // h * 2**64 + d, mod P, where 2**64 = 2**3 (mod P).
        let v = ((h as u128) << 64) + d as u128;
        h = (v % P as u128) as u64;
    }
    let h = h as i64;
    let h = if b.is_negative() { -h } else { h };
    if h == -1 {
        -2
    } else {
        h
    }
}

// ---------------------------------------------------------------------------------------------
// str conversion
// ---------------------------------------------------------------------------------------------

fn str_limit_error() -> PyErr {
    PyErr::value(format!(
        "Exceeds the limit ({}) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
        digit_limit_text()
    ))
}

fn digit_limit_text() -> String {
    format!("{} digits", max_str_digits())
}

/// `str(b)`: decimal, under CPython's digit limit.
pub fn to_decimal(b: &BigInt) -> Result<String, PyErr> {
    let limit = max_str_digits();
    // A number of this many bits has more digits than the limit: no need to convert it.
    if limit > 0 && (b.bits() as f64) * std::f64::consts::LOG10_2 > limit as f64 + 1.0 {
        return Err(str_limit_error());
    }
    let s = b.to_str_radix(10);
    let digits = s.len() - b.is_negative() as usize;
    if limit > 0 && digits > limit {
        return Err(str_limit_error());
    }
    Ok(s)
}

/// The digits of |b| in base 2, 8 or 16 (lower case): no limit applies to these.
pub fn to_radix_abs(b: &BigInt, radix: u32) -> String {
    b.magnitude().to_str_radix(radix)
}

/// Digits (ASCII, validated by the caller) in `radix` as a BigInt, under the digit limit for
/// decimal strings.
pub fn parse_digits(digits: &[u8], radix: u32, negative: bool) -> Result<BigInt, PyErr> {
    let limit = max_str_digits();
    // Only bases that are not powers of two are limited (their conversion is quadratic).
    if !radix.is_power_of_two() && limit > 0 && digits.len() > limit {
        return Err(PyErr::value(format!(
            "Exceeds the limit ({}) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            digit_limit_text(),
            digits.len()
        )));
    }
    let vals: Vec<u8> = digits
        .iter()
        .map(|&c| (c as char).to_digit(radix).unwrap_or(0) as u8)
        .collect();
    let sign = if negative { Sign::Minus } else { Sign::Plus };
    Ok(BigInt::from_radix_be(sign, &vals, radix).unwrap_or_default())
}

/// `round(b, ndigits)` for a negative `ndigits`: half to even at a power of ten.
pub fn round(b: &BigInt, ndigits: &BigInt) -> Result<Value, PyErr> {
    if !ndigits.is_negative() {
        return Ok(norm(b.clone()));
    }
    let k = (-ndigits).to_u32().unwrap_or(u32::MAX);
    if (k as u64) > b.bits() / 3 + 2 {
        return Ok(Value::Int(0));
    }
    let pow = BigInt::from(10).pow(k);
    let (mut q, r) = b.div_mod_floor(&pow);
    let twice = &r * 2;
    if twice > pow || (twice == pow && q.is_odd()) {
        q += 1;
    }
    Ok(norm(q * pow))
}

/// A view of any int for formatting: the i64 case without an allocation.
pub enum IntRef<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntRef<'_> {
    pub fn is_negative(&self) -> bool {
        match self {
            IntRef::Small(i) => *i < 0,
            IntRef::Big(b) => b.is_negative(),
        }
    }
    pub fn to_f64(&self) -> Result<f64, PyErr> {
        match self {
            IntRef::Small(i) => Ok(*i as f64),
            IntRef::Big(b) => to_f64(b),
        }
    }
    pub fn to_i64(&self) -> Option<i64> {
        match self {
            IntRef::Small(i) => Some(*i),
            IntRef::Big(b) => b.to_i64(),
        }
    }
    /// The digits of the magnitude in `base` (lower case), under the decimal limit.
    pub fn abs_digits(&self, base: u32) -> Result<String, PyErr> {
        match self {
            IntRef::Small(i) => Ok(match base {
                10 => i.unsigned_abs().to_string(),
                16 => format!("{:x}", i.unsigned_abs()),
                8 => format!("{:o}", i.unsigned_abs()),
                _ => format!("{:b}", i.unsigned_abs()),
            }),
            IntRef::Big(b) => {
                if base == 10 {
                    let s = to_decimal(b)?;
                    Ok(s.trim_start_matches('-').to_string())
                } else {
                    Ok(to_radix_abs(b, base))
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(s: &str) -> BigInt {
        BigInt::parse_bytes(s.as_bytes(), 10).unwrap_or_default()
    }

    fn show(v: Value) -> String {
        match v {
            Value::Int(i) => i.to_string(),
            Value::Long(b) => b.to_string(),
            Value::Float(f) => super::super::format::float_repr(f),
            _ => "?".to_string(),
        }
    }

    // Expected values from CPython 3.11.
    #[test]
    fn conversions_match_cpython() {
        assert_eq!(to_f64(&big("9007199254740993")), Ok(9007199254740992.0));
        assert_eq!(to_f64(&big("9007199254740995")), Ok(9007199254740996.0));
        assert_eq!(
            to_f64(&(BigInt::one() << 1024usize)).unwrap_err().msg,
            "int too large to convert to float"
        );
        // 2**1024 - 2**970 rounds up to 2**1024: an overflow; one less rounds down.
        let edge = (BigInt::one() << 1024usize) - (BigInt::one() << 970usize);
        assert!(to_f64(&edge).is_err());
        assert_eq!(to_f64(&(edge - 1)), Ok(f64::MAX));
        assert_eq!(
            from_f64(1e30).to_string(),
            "1000000000000000019884624838656"
        );
        assert_eq!(hash(&(BigInt::one() << 64usize)), 8);
        assert_eq!(hash(&-(BigInt::one() << 64usize)), -8);
        assert_eq!(hash(&((BigInt::one() << 61usize) - 1)), 0);
        assert_eq!(hash(&(BigInt::one() << 61usize)), 1);
    }

    #[test]
    fn truediv_matches_cpython() {
        let two = |k: usize| BigInt::one() << k;
        assert_eq!(
            truediv(&two(64), &BigInt::from(3)),
            Ok(6.148914691236517e18)
        );
        assert_eq!(truediv(&BigInt::one(), &two(2000)), Ok(0.0));
        assert_eq!(
            truediv(&two(2000), &BigInt::from(2)).unwrap_err().msg,
            "integer division result too large for a float"
        );
        assert_eq!(
            truediv(
                &big("123456789012345678901234567890"),
                &big("-987654321987654321")
            ),
            Ok(-124999998748.4375)
        );
        assert_eq!(truediv(&BigInt::from(1), &two(1074)), Ok(5e-324));
        assert_eq!(truediv(&BigInt::from(3), &two(1075)), Ok(1e-323));
    }

    #[test]
    fn arithmetic_matches_cpython() {
        let m = big("-1180591620717411303424");
        assert_eq!(
            show(divmod(&m, &BigInt::from(3)).unwrap().0),
            "-393530540239137101142"
        );
        assert_eq!(show(rem(&m, &BigInt::from(7)).unwrap()), "5");
        assert_eq!(
            show(rshift(&m, &BigInt::from(3)).unwrap()),
            "-147573952589676412928"
        );
        assert_eq!(
            show(pow_mod(&BigInt::from(2), &BigInt::from(10), &BigInt::from(-7)).unwrap()),
            "-5"
        );
        assert_eq!(
            show(pow_mod(&BigInt::from(2), &BigInt::from(-1), &BigInt::from(7)).unwrap()),
            "4"
        );
        assert_eq!(
            pow_mod(&BigInt::from(3), &BigInt::from(-1), &BigInt::from(6))
                .err()
                .map(|e| e.msg),
            Some("base is not invertible for the given modulus".to_string())
        );
        assert_eq!(
            show(pow(&BigInt::from(-2), &BigInt::from(65)).unwrap()),
            "-36893488147419103232"
        );
        assert_eq!(
            show(pow(&BigInt::from(3), &BigInt::from(41)).unwrap()),
            "36472996377170786403"
        );
        assert_eq!(
            show(round(&big("123456789012345678901234"), &BigInt::from(-3)).unwrap()),
            "123456789012345678901000"
        );
        assert_eq!(
            show(round(&big("1180591620717411303424"), &BigInt::from(-5)).unwrap()),
            "1180591620717411300000"
        );
    }
}
