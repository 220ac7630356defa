//! `binascii`: CPython 3.11's hex, base64 and CRC functions (`hexlify`/`unhexlify` with
//! `sep`, `b2a_base64`/`a2b_base64` with `newline` and `strict_mode`, `crc32`, `crc_hqx`),
//! `Error` and `Incomplete`. `base64.py` (CPython's own) runs on them. The hex grouping is
//! also `bytes.hex(sep, bytes_per_sep)`'s.

use super::util::{arg, check_kwargs};
use crate::vm::bytearray::bytes_like;
use crate::vm::bytes_methods::new_bytes;
use crate::vm::object::{kw_get, PyType};
use crate::vm::{Exc, ExcKind, KwArgs, PyModule, PyResult, Value, Vm};
use std::rc::Rc;

type R = PyResult<Value>;

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// `_Py_strhex_impl`: hex digits, with `sep` between groups of `bytes_per_sep` bytes counted
/// from the right (from the left when negative). `latin1_sep`: a bytes result takes any
/// one-byte separator, a str one only ASCII.
pub fn hex(
    vm: &mut Vm,
    data: &[u8],
    sep: Option<&Value>,
    per: Option<&Value>,
    latin1_sep: bool,
) -> PyResult<String> {
    let sep = match sep {
        None => None,
        Some(s) => {
            if vm.len(s)? != 1 {
                return Err(vm.value_error("sep must be length 1."));
            }
            let c = match s {
                Value::Str(t) => t.s.chars().next().map_or(0, |c| c as u32),
                Value::Bytes(b) => b.b[0] as u32,
                _ => return Err(vm.type_error("sep must be str or bytes.")),
            };
            if c > 255 || (c > 127 && !latin1_sep) {
                return Err(vm.value_error("sep must be ASCII."));
            }
            Some(char::from_u32(c).unwrap_or('?'))
        }
    };
    let per = match per {
        None => 1,
        Some(v @ Value::Long(_)) => {
            vm.to_bigint(v)?;
            return Err(vm.new_error(
                ExcKind::OverflowError,
                "Python int too large to convert to C int",
            ));
        }
        Some(v) => vm.to_index(v)?,
    };
    if per.unsigned_abs() > i32::MAX as u64 + 1 {
        return Err(vm.new_error(
            ExcKind::OverflowError,
            "Python int too large to convert to C int",
        ));
    }
    let group = per.unsigned_abs() as usize;
    let mut out = String::with_capacity(data.len() * 3);
    for (i, b) in data.iter().enumerate() {
        if let Some(c) = sep {
            // Bytes before this one (from the left) or after it (from the right).
            let k = if per < 0 { i } else { data.len() - i };
            if i > 0 && group > 0 && k % group == 0 {
                out.push(c);
            }
        }
        out.push(char::from_digit((b >> 4) as u32, 16).unwrap_or('0'));
        out.push(char::from_digit((b & 15) as u32, 16).unwrap_or('0'));
    }
    Ok(out)
}

fn error(vm: &Vm, name: &str, kind: ExcKind, msg: impl Into<String>) -> Exc {
    let t: Rc<PyType> =
        super::util::module_type(vm, "binascii", name).unwrap_or_else(|| vm.exc_type(kind));
    vm.new_exception(&t, vec![Value::string(msg.into())])
}

fn bin_err(vm: &Vm, msg: impl Into<String>) -> Exc {
    error(vm, "Error", ExcKind::ValueError, msg)
}

/// A `Py_buffer` argument: bytes or bytearray.
fn buffer(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    bytes_like(v).ok_or_else(|| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))
    })
}

/// `ascii_buffer_converter`: bytes-like, or a str of ASCII characters.
fn ascii_buffer(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    match v {
        Value::Str(s) if s.s.is_ascii() => Ok(s.s.as_bytes().to_vec()),
        Value::Str(_) => {
            Err(vm.value_error("string argument should contain only ASCII characters"))
        }
        _ => bytes_like(v).ok_or_else(|| {
            vm.type_error(format!(
                "argument should be bytes, buffer or ASCII string, not '{}'",
                vm.type_name(v)
            ))
        }),
    }
}

fn hexlify(vm: &mut Vm, args: &[Value], kw: &KwArgs, name: &str) -> R {
    check_kwargs(vm, name, kw, &["data", "sep", "bytes_per_sep"])?;
    vm.check_args(name, args, 0, 3)?;
    let Some(data) = arg(args, kw, 0, "data") else {
        return Err(vm.type_error(format!("{name}() missing required argument 'data' (pos 1)")));
    };
    let data = buffer(vm, &data)?;
    let sep = arg(args, kw, 1, "sep");
    let per = arg(args, kw, 2, "bytes_per_sep");
    let s = hex(vm, &data, sep.as_ref(), per.as_ref(), true)?;
    // Latin-1 separators come back as their byte.
    Ok(new_bytes(s.chars().map(|c| c as u32 as u8).collect()))
}

fn b_hexlify(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    hexlify(vm, args, kw, "hexlify")
}

fn b_b2a_hex(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    hexlify(vm, args, kw, "b2a_hex")
}

fn unhexlify(vm: &mut Vm, args: &[Value], name: &str) -> R {
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "binascii.{name}() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    let data = ascii_buffer(vm, &args[0])?;
    if data.len() % 2 != 0 {
        return Err(bin_err(vm, "Odd-length string"));
    }
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks(2) {
        let d = |c: u8| (c as char).to_digit(16);
        match (d(pair[0]), d(pair[1])) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => return Err(bin_err(vm, "Non-hexadecimal digit found")),
        }
    }
    Ok(new_bytes(out))
}

fn b_unhexlify(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    unhexlify(vm, args, "unhexlify")
}

fn b_a2b_hex(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    unhexlify(vm, args, "a2b_hex")
}

/// The one positional argument and the keyword-only flag of the base64 functions.
fn one_and_flag(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: &KwArgs,
    flag: &str,
    dflt: bool,
) -> PyResult<(Value, bool)> {
    check_kwargs(vm, name, kw, &[flag])?;
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "{name}() takes exactly 1 positional argument ({} given)",
            args.len()
        )));
    }
    let f = match kw_get(kw, flag) {
        Some(v) => vm.truthy(&v.clone())?,
        None => dflt,
    };
    Ok((args[0].clone(), f))
}

fn b2a_base64(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    let (data, newline) = one_and_flag(vm, "b2a_base64", args, kw, "newline", true)?;
    let data = buffer(vm, &data)?;
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for chunk in data.chunks(3) {
        let n = chunk.iter().fold(0u32, |acc, &b| acc << 8 | b as u32) << (8 * (3 - chunk.len()));
        for k in 0..4 {
            out.push(if k <= chunk.len() {
                B64[(n >> (18 - 6 * k)) as usize & 63]
            } else {
                b'='
            });
        }
    }
    if newline {
        out.push(b'\n');
    }
    Ok(new_bytes(out))
}

/// `binascii_a2b_base64_impl` of 3.11: non-alphabet bytes are skipped unless `strict`; a
/// complete pad sequence ends the data.
fn a2b_base64(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    let (data, strict) = one_and_flag(vm, "a2b_base64", args, kw, "strict_mode", false)?;
    let data = ascii_buffer(vm, &data)?;
    if strict && data.first() == Some(&b'=') {
        return Err(bin_err(vm, "Leading padding not allowed"));
    }
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 3);
    let (mut quad, mut left, mut pads, mut padding) = (0, 0u8, 0, false);
    for (i, &c) in data.iter().enumerate() {
        if c == b'=' {
            padding = true;
            if quad >= 2 {
                pads += 1;
                if quad + pads >= 4 {
                    if strict && i + 1 < data.len() {
                        return Err(bin_err(vm, "Excess data after padding"));
                    }
                    return Ok(new_bytes(out));
                }
            }
            continue;
        }
        let Some(v) = B64.iter().position(|&a| a == c) else {
            if strict {
                return Err(bin_err(vm, "Only base64 data is allowed"));
            }
            continue;
        };
        if strict && padding {
            return Err(bin_err(vm, "Discontinuous padding not allowed"));
        }
        pads = 0;
        let v = v as u8;
        match quad {
            0 => left = v,
            1 => {
                out.push(left << 2 | v >> 4);
                left = v & 0x0f;
            }
            2 => {
                out.push(left << 4 | v >> 2);
                left = v & 0x03;
            }
            _ => out.push(left << 6 | v),
        }
        quad = (quad + 1) % 4;
    }
    match quad {
        0 => Ok(new_bytes(out)),
        1 => Err(bin_err(
            vm,
            format!(
                "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more \
                 than a multiple of 4",
                out.len() / 3 * 4 + 1
            ),
        )),
        _ => Err(bin_err(vm, "Incorrect padding")),
    }
}

/// CRC-32 (zlib's polynomial, reflected), continuing from `crc`.
pub fn crc32(data: &[u8], crc: u32) -> u32 {
    let mut c = !crc;
    for &b in data {
        c ^= b as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 {
                (c >> 1) ^ 0xedb8_8320
            } else {
                c >> 1
            };
        }
    }
    !c
}

/// CRC-CCITT (XMODEM's polynomial 0x1021, not reflected), as `binascii.crc_hqx`.
fn crc_hqx(data: &[u8], crc: u16) -> u16 {
    let mut c = crc;
    for &b in data {
        c ^= (b as u16) << 8;
        for _ in 0..8 {
            c = if c & 0x8000 != 0 {
                (c << 1) ^ 0x1021
            } else {
                c << 1
            };
        }
    }
    c
}

/// The data and the optional running value of a checksum function (`crc32(data, crc=0, /)`),
/// the value masked to 32 bits as clinic's `bitwise` converters do.
pub fn checksum_args(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    min: usize,
    dflt: u32,
) -> PyResult<(Vec<u8>, u32)> {
    if args.len() < min || args.len() > 2 {
        let (which, n) = if args.len() < min {
            ("least", min)
        } else {
            ("most", 2)
        };
        return Err(vm.type_error(format!(
            "{name} expected at {which} {n} argument{}, got {}",
            if n == 1 { "" } else { "s" },
            args.len()
        )));
    }
    let data = buffer(vm, &args[0])?;
    let start = match args.get(1) {
        Some(v) => {
            if let Value::Float(_) = v {
                return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
            }
            let b = vm.to_bigint(v)?;
            let (_, digits) = (b & num_bigint::BigInt::from(u32::MAX)).to_u32_digits();
            digits.first().copied().unwrap_or(0)
        }
        None => dflt,
    };
    Ok((data, start))
}

fn b_crc32(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let (data, crc) = checksum_args(vm, "crc32", args, 1, 0)?;
    Ok(Value::Int(crc32(&data, crc) as i64))
}

fn b_crc_hqx(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let (data, crc) = checksum_args(vm, "crc_hqx", args, 2, 0)?;
    Ok(Value::Int(crc_hqx(&data, crc as u16) as i64))
}

/// Adler-32, continuing from `value` (zlib's running form: low and high sums in one word).
fn adler32(data: &[u8], value: u32) -> u32 {
    let (mut a, mut b) = (value & 0xffff, value >> 16);
    for chunk in data.chunks(5552) {
        for &x in chunk {
            a += x as u32;
            b += a;
        }
        a %= 65521;
        b %= 65521;
    }
    b << 16 | a
}

fn z_crc32(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let (data, crc) = checksum_args(vm, "crc32", args, 1, 0)?;
    Ok(Value::Int(crc32(&data, crc) as i64))
}

fn z_adler32(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let (data, v) = checksum_args(vm, "adler32", args, 1, 1)?;
    Ok(Value::Int(adler32(&data, v) as i64))
}

/// `zlib`'s checksums (`crc32`, `adler32`) and `zlib.error`. Not its compressor: another
/// DEFLATE implementation would not give zlib's bytes, which scripts print or measure.
pub fn init_zlib(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let m = vm.new_module("zlib");
    let ex = vm.exc_type(ExcKind::Exception);
    let e = vm.new_native_class("error", "zlib", &[ex], None)?;
    m.dict.set_str("error", Value::Type(e));
    vm.module_add_fn(&m, "adler32", z_adler32);
    vm.module_add_fn(&m, "crc32", z_crc32);
    Ok(m)
}

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let m = vm.new_module("binascii");
    let ve = vm.exc_type(ExcKind::ValueError);
    let e = vm.new_native_class("Error", "binascii", &[ve], None)?;
    m.dict.set_str("Error", Value::Type(e));
    let ex = vm.exc_type(ExcKind::Exception);
    let inc = vm.new_native_class("Incomplete", "binascii", &[ex], None)?;
    m.dict.set_str("Incomplete", Value::Type(inc));
    for (name, f) in [
        ("a2b_base64", a2b_base64 as crate::vm::NativeFn),
        ("a2b_hex", b_a2b_hex),
        ("b2a_base64", b2a_base64),
        ("b2a_hex", b_b2a_hex),
        ("crc32", b_crc32),
        ("crc_hqx", b_crc_hqx),
        ("hexlify", b_hexlify),
        ("unhexlify", b_unhexlify),
    ] {
        vm.module_add_fn(&m, name, f);
    }
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Values from CPython 3.11's binascii.crc32 / crc_hqx and zlib.crc32.
    #[test]
    fn checksums_match_cpython() {
        assert_eq!(crc32(b"", 0), 0);
        assert_eq!(crc32(b"hello world", 0), 0x0d4a_1185);
        assert_eq!(crc32(b"world", crc32(b"hello ", 0)), 0x0d4a_1185);
        assert_eq!(
            crc32(b"The quick brown fox jumps over the lazy dog", 0),
            0x414f_a339
        );
        assert_eq!(crc_hqx(b"123456789", 0), 0x31c3);
        assert_eq!(crc_hqx(b"123456789", 0xffff), 0x29b1);
        assert_eq!(adler32(b"", 1), 1);
        assert_eq!(adler32(b"hello world", 1), 0x1a0b_045d);
        assert_eq!(adler32(b"Wikipedia", 1), 0x11e6_0398);
        assert_eq!(
            adler32(&[0xff; 20000], 1),
            adler32(&[0xff; 7000], adler32(&[0xff; 13000], 1))
        );
    }
}
