//! `struct`: CPython 3.11's `_struct` (pack, unpack, calcsize, pack_into, unpack_from,
//! iter_unpack, `Struct`, `struct.error`), with x86-64 Linux's native sizes and alignment.
//! Network scripts frame messages with it (`struct.pack('>I', len(payload))`). The range and
//! type checks follow `_struct.c` function by function, so each error says what CPython's
//! does: the native `b`/`B`/`h`/`H` packers have their own wording, the rest go through
//! `_range_error` or "argument out of range" (a value past the C type of `get_long`).

use crate::vm::bytearray::bytes_like;
use crate::vm::bytes_methods::new_bytes;
use crate::vm::long;
use crate::vm::object::PyType;
use crate::vm::{Exc, ExcKind, KwArgs, PyModule, PyResult, Value, Vm};
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::rc::Rc;

type R = PyResult<Value>;

/// One format code: `count` items of `size` bytes from `off` (for `s`/`p`, one item of
/// `count` bytes).
#[derive(Clone, Copy)]
struct Code {
    ch: u8,
    off: usize,
    size: usize,
    count: usize,
}

/// A compiled format: `Struct`'s data.
pub struct Layout {
    format: Rc<str>,
    native: bool,
    le: bool,
    codes: Vec<Code>,
    size: usize,
    /// How many values pack takes and unpack gives.
    len: usize,
}

/// `(size, alignment)` of a format character; `None` is "bad char in struct format".
fn entry(c: u8, native: bool) -> Option<(usize, usize)> {
    let size = match c {
        b'x' | b'b' | b'B' | b'c' | b's' | b'p' | b'?' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' if native => 8,
        b'l' | b'L' => 4,
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    };
    Some((size, if native { size } else { 1 }))
}

fn err(vm: &Vm, msg: impl Into<String>) -> Exc {
    let t = super::util::module_type(vm, "struct", "error")
        .unwrap_or_else(|| vm.exc_type(ExcKind::Exception));
    vm.new_exception(&t, vec![Value::string(msg.into())])
}

/// CPython's `prepare_s`: the codes, size and item count of a format.
fn compile(vm: &Vm, format: Rc<str>) -> PyResult<Layout> {
    let b = format.as_bytes();
    let (native, le, mut i) = match b.first() {
        Some(b'@') => (true, true, 1),
        Some(b'=' | b'<') => (false, true, 1),
        Some(b'>' | b'!') => (false, false, 1),
        _ => (true, true, 0),
    };
    let (mut codes, mut size, mut len) = (Vec::new(), 0usize, 0usize);
    let too_long = || err(vm, "total struct size too long");
    while i < b.len() {
        let mut c = b[i];
        i += 1;
        if c.is_ascii_whitespace() || c == 0x0b {
            continue;
        }
        let mut num = 1usize;
        if c.is_ascii_digit() {
            num = (c - b'0') as usize;
            loop {
                let Some(&d) = b.get(i) else {
                    return Err(err(vm, "repeat count given without format specifier"));
                };
                i += 1;
                if !d.is_ascii_digit() {
                    c = d;
                    break;
                }
                num = num
                    .checked_mul(10)
                    .and_then(|n| n.checked_add((d - b'0') as usize))
                    .filter(|&n| n <= isize::MAX as usize)
                    .ok_or_else(too_long)?;
            }
        }
        let Some((item, align)) = entry(c, native) else {
            return Err(err(vm, "bad char in struct format"));
        };
        if align > 1 && size > 0 {
            size = size.div_ceil(align) * align;
        }
        let total = num.checked_mul(item).ok_or_else(too_long)?;
        match c {
            b's' | b'p' => {
                len += 1;
                codes.push(Code {
                    ch: c,
                    off: size,
                    size: num,
                    count: 1,
                });
            }
            b'x' => {}
            _ => {
                len += num;
                if num > 0 {
                    codes.push(Code {
                        ch: c,
                        off: size,
                        size: item,
                        count: num,
                    });
                }
            }
        }
        size = size
            .checked_add(total)
            .filter(|&s| s <= isize::MAX as usize)
            .ok_or_else(too_long)?;
    }
    Ok(Layout {
        format,
        native,
        le,
        codes,
        size,
        len,
    })
}

/// The format argument: str or bytes (what `Struct()` accepts).
fn format_of(vm: &Vm, v: &Value) -> PyResult<Layout> {
    let text: Rc<str> = match v {
        Value::Str(s) => Rc::from(&*s.s),
        Value::Bytes(b) => Rc::from(b.b.iter().map(|&c| c as char).collect::<String>()),
        _ => {
            return Err(vm.type_error(format!(
                "Struct() argument 1 must be a str or bytes object, not {}",
                vm.type_name(v)
            )))
        }
    };
    compile(vm, text)
}

/// `get_pylong`: an int, or what `__index__` gives.
fn get_int(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(b) = long::to_big(v) {
        return Ok(b);
    }
    if matches!(v, Value::Instance(_)) && vm.type_of(v).lookup("__index__").is_some() {
        return vm.to_bigint(v);
    }
    Err(err(vm, "required argument is not an integer"))
}

fn get_float(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    let r = match v {
        Value::Instance(_) if vm.type_of(v).lookup("__float__").is_some() => {
            match vm.call_dunder(v, "__float__", &[])? {
                Some(Value::Float(f)) => Ok(f),
                _ => Err(()),
            }
        }
        Value::Instance(_) if vm.type_of(v).lookup("__index__").is_some() => {
            let b = vm.to_bigint(v)?;
            long::to_f64(&b).map_err(|_| ())
        }
        _ => vm.to_f64(v).map_err(|_| ()),
    };
    r.map_err(|()| err(vm, "required argument is not a float"))
}

/// `_range_error`.
fn range_error(vm: &Vm, c: u8, size: usize, unsigned: bool) -> Exc {
    let ulargest = u64::MAX >> ((8 - size) * 8);
    let c = c as char;
    if unsigned {
        err(
            vm,
            format!("'{c}' format requires 0 <= number <= {ulargest}"),
        )
    } else {
        let largest = (ulargest >> 1) as i64;
        err(
            vm,
            format!("'{c}' format requires {} <= number <= {largest}", !largest),
        )
    }
}

/// An integer code's value as the bits to store (two's complement, `size` bytes).
fn pack_int(vm: &mut Vm, l: &Layout, c: u8, size: usize, v: &Value) -> PyResult<u64> {
    let x = get_int(vm, v)?;
    let out_of_range = || err(vm, "argument out of range");
    let signed = c.is_ascii_lowercase();
    // CPython's little-endian table runs the native packers wherever the sizes agree (all
    // but l and L), so '<h' words its range error as 'h' does.
    let native = l.native || (l.le && c != b'l' && c != b'L');
    if c == b'P' {
        // PyLong_AsVoidPtr: a negative value as a C long, else as unsigned; s_pack_internal
        // turns its OverflowError into "int too large to convert".
        return x
            .to_i64()
            .map(|i| i as u64)
            .or_else(|| x.to_u64())
            .ok_or_else(|| err(vm, "int too large to convert"));
    }
    if size == 8 && !native {
        // The big-endian q and Q go through _PyLong_AsByteArray, whose OverflowError
        // s_pack_internal rewrites.
        let fits = if signed {
            x.to_i64().is_some()
        } else {
            x.to_u64().is_some()
        };
        if !fits {
            return Err(err(vm, "int too large to convert"));
        }
    }
    if signed {
        let i = x.to_i64().ok_or_else(out_of_range)?;
        let msg = match (c, native) {
            (b'b', _) if !(-128..=127).contains(&i) => "byte format requires -128 <= number <= 127",
            (b'h', true) if !(-32768..=32767).contains(&i) => {
                "short format requires -32768 <= number <= 32767"
            }
            _ if size < 8
                && !(-(1i64 << (size * 8 - 1))..(1i64 << (size * 8 - 1))).contains(&i) =>
            {
                return Err(range_error(vm, c, size, false));
            }
            _ => return Ok(i as u64),
        };
        return Err(err(vm, msg));
    }
    // B and the native H convert with get_long; the others with get_ulong.
    if c == b'B' || (c == b'H' && native) {
        let i = x.to_i64().ok_or_else(out_of_range)?;
        let max = if c == b'B' { 255 } else { 65535 };
        if !(0..=max).contains(&i) {
            let name = if c == b'B' { "ubyte" } else { "ushort" };
            return Err(err(
                vm,
                format!("{name} format requires 0 <= number <= {max}"),
            ));
        }
        return Ok(i as u64);
    }
    let u = x.to_u64().ok_or_else(out_of_range)?;
    if size < 8 && u >> (size * 8) != 0 {
        return Err(range_error(vm, c, size, true));
    }
    Ok(u)
}

/// PyFloat_Pack2: round half to even, OverflowError past the largest half float.
fn half_bits(x: f64) -> Option<u16> {
    let sign = (x.is_sign_negative() as u16) << 15;
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    if x.is_infinite() {
        return Some(sign | 0x7c00);
    }
    let a = x.abs();
    if a == 0.0 || a < f64::MIN_POSITIVE {
        return Some(sign);
    }
    // a = f * 2**e with f in [1, 2).
    let mut e = ((a.to_bits() >> 52) as i32) - 1023;
    let mut f = f64::from_bits((a.to_bits() & ((1 << 52) - 1)) | (1023 << 52));
    if e >= 16 {
        return None;
    } else if e < -25 {
        f = 0.0;
        e = 0;
    } else if e < -14 {
        f *= 2f64.powi(14 + e);
        e = 0;
    } else {
        e += 15;
        f -= 1.0;
    }
    f *= 1024.0;
    let mut bits = f as u16;
    let rest = f - bits as f64;
    if rest > 0.5 || (rest == 0.5 && bits % 2 == 1) {
        bits += 1;
        if bits == 1024 {
            bits = 0;
            e += 1;
            if e == 31 {
                return None;
            }
        }
    }
    Some(sign | ((e as u16) << 10) | bits)
}

/// PyFloat_Unpack2.
fn half_value(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let f = (h & 0x3ff) as f64;
    if e == 0x1f {
        return sign * if f == 0.0 { f64::INFINITY } else { f64::NAN };
    }
    let x = f / 1024.0;
    sign * if e == 0 {
        x * 2f64.powi(-14)
    } else {
        (x + 1.0) * 2f64.powi(e - 15)
    }
}

fn put(buf: &mut [u8], bits: u64, size: usize, le: bool) {
    for k in 0..size {
        let byte = (bits >> (8 * k)) as u8;
        buf[if le { k } else { size - 1 - k }] = byte;
    }
}

fn get(buf: &[u8], size: usize, le: bool) -> u64 {
    (0..size).fold(0u64, |acc, k| {
        acc | (buf[if le { k } else { size - 1 - k }] as u64) << (8 * k)
    })
}

/// `s_pack_internal`: pack `args` into `buf` (already `l.size` zero bytes from `at`).
fn pack_to(vm: &mut Vm, l: &Layout, args: &[Value], buf: &mut [u8]) -> PyResult<()> {
    let mut args = args.iter();
    for code in &l.codes {
        let Code {
            ch,
            off,
            size,
            count,
        } = *code;
        if ch == b's' || ch == b'p' {
            let v = args.next().cloned().unwrap_or_default();
            let Some(data) = bytes_like(&v) else {
                return Err(err(
                    vm,
                    format!("argument for '{}' must be a bytes object", ch as char),
                ));
            };
            let field = &mut buf[off..off + size];
            if ch == b's' {
                let n = data.len().min(size);
                field[..n].copy_from_slice(&data[..n]);
            } else if size > 0 {
                let n = data.len().min(size - 1);
                field[1..=n].copy_from_slice(&data[..n]);
                field[0] = n.min(255) as u8;
            }
            continue;
        }
        for k in 0..count {
            let v = args.next().cloned().unwrap_or_default();
            let at = off + k * size;
            let bits = match ch {
                b'c' => match &v {
                    Value::Bytes(b) if b.b.len() == 1 => b.b[0] as u64,
                    _ => return Err(err(vm, "char format requires a bytes object of length 1")),
                },
                b'?' => vm.truthy(&v)? as u64,
                b'e' | b'f' | b'd' => {
                    let x = get_float(vm, &v)?;
                    let bits = match ch {
                        b'd' => Some(x.to_bits()),
                        b'f' => {
                            let y = x as f32;
                            // The native packer is a plain C cast; the standard one checks.
                            (l.native || !y.is_infinite() || x.is_infinite())
                                .then_some(y.to_bits() as u64)
                        }
                        _ => half_bits(x).map(u64::from),
                    };
                    match bits {
                        Some(b) => b,
                        // s_pack_internal rewrites an OverflowError for an int argument.
                        None if long::is_int(&v) => {
                            return Err(err(vm, "int too large to convert"))
                        }
                        None => {
                            return Err(vm.new_error(
                                ExcKind::OverflowError,
                                format!("float too large to pack with {} format", ch as char),
                            ))
                        }
                    }
                }
                _ => pack_int(vm, l, ch, size, &v)?,
            };
            put(&mut buf[at..at + size], bits, size, l.le);
        }
    }
    Ok(())
}

fn unpack_at(l: &Layout, buf: &[u8]) -> Value {
    let mut out = Vec::with_capacity(l.len);
    for &Code {
        ch,
        off,
        size,
        count,
    } in &l.codes
    {
        match ch {
            b's' => out.push(new_bytes(buf[off..off + size].to_vec())),
            b'p' => {
                let n = if size == 0 {
                    0
                } else {
                    (buf[off] as usize).min(size - 1)
                };
                out.push(new_bytes(buf[off + 1..off + 1 + n].to_vec()));
            }
            _ => {
                for k in 0..count {
                    let at = off + k * size;
                    let bits = get(&buf[at..at + size], size, l.le);
                    let shift = 64 - 8 * size as u32;
                    out.push(match ch {
                        b'c' => new_bytes(vec![bits as u8]),
                        b'?' => Value::Bool(bits != 0),
                        b'e' => Value::Float(half_value(bits as u16)),
                        b'f' => Value::Float(f32::from_bits(bits as u32) as f64),
                        b'd' => Value::Float(f64::from_bits(bits)),
                        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => {
                            Value::Int(((bits << shift) as i64) >> shift)
                        }
                        _ => long::norm(BigInt::from(bits)),
                    });
                }
            }
        }
    }
    Value::tuple(out)
}

// ---- the Struct methods, shared with the module functions ----

fn pack(vm: &mut Vm, l: &Layout, args: &[Value]) -> R {
    if args.len() != l.len {
        return Err(err(
            vm,
            format!(
                "pack expected {} items for packing (got {})",
                l.len,
                args.len()
            ),
        ));
    }
    let mut buf = vec![0u8; l.size];
    pack_to(vm, l, args, &mut buf)?;
    Ok(new_bytes(buf))
}

fn pack_into(vm: &mut Vm, l: &Layout, args: &[Value]) -> R {
    if args.len() != l.len + 2 {
        return Err(err(
            vm,
            match args.len() {
                0 => "pack_into expected buffer argument".to_string(),
                1 => "pack_into expected offset argument".to_string(),
                n => format!(
                    "pack_into expected {} items for packing (got {})",
                    l.len,
                    n - 2
                ),
            },
        ));
    }
    let target = match &args[0] {
        Value::Instance(i) if i.native::<Vec<u8>>().is_some() => i.clone(),
        other => {
            return Err(vm.type_error(format!(
                "argument must be read-write bytes-like object, not {}",
                vm.type_name(other)
            )))
        }
    };
    let blen = target.native::<Vec<u8>>().map_or(0, |b| b.len()) as i64;
    let offset = match &args[1] {
        Value::Long(_) => {
            return Err(vm.index_error(format!(
                "cannot fit '{}' into an index-sized integer",
                vm.type_name(&args[1])
            )))
        }
        v => vm.to_index(v)?,
    };
    let offset = field_offset(vm, offset, l.size, blen, Packing)?;
    // Packed apart first: a failing value leaves the buffer as it was only for the fields
    // before it in CPython too, but a script reading it after an error is rare; a copy keeps
    // the bytearray unborrowed while `__index__`/`__bool__` run.
    let mut buf = vec![0u8; l.size];
    pack_to(vm, l, &args[2..], &mut buf)?;
    if let Some(mut b) = target.native::<Vec<u8>>() {
        if b.len() >= offset + l.size {
            b[offset..offset + l.size].copy_from_slice(&buf);
        }
    }
    Ok(Value::None)
}

/// Which of `pack_into`/`unpack_from` checks an offset: their messages differ in wording.
#[derive(Clone, Copy)]
enum Direction {
    Packing,
    Unpacking,
}
use Direction::{Packing, Unpacking};

/// Where a `size`-byte field starts in a `blen`-byte buffer, by CPython's rules for
/// `pack_into` and `unpack_from`: a negative offset counts from the end, and the field must
/// fit, each failure with CPython's message.
fn field_offset(vm: &mut Vm, offset: i64, size: usize, blen: i64, d: Direction) -> PyResult<usize> {
    let size = size as i64;
    let (name, short, verb) = match d {
        Packing => ("pack_into", "no space to pack", "packing"),
        Unpacking => ("unpack_from", "not enough data to unpack", "unpacking"),
    };
    let mut offset = offset;
    if offset < 0 {
        if offset + size > 0 {
            return Err(err(vm, format!("{short} {size} bytes at offset {offset}")));
        }
        if offset + blen < 0 {
            return Err(err(
                vm,
                format!("offset {offset} out of range for {blen}-byte buffer"),
            ));
        }
        offset += blen;
    }
    if blen - offset < size {
        return Err(err(
            vm,
            format!(
                "{name} requires a buffer of at least {} bytes for {verb} {size} bytes at \
                 offset {offset} (actual buffer size is {blen})",
                size + offset
            ),
        ));
    }
    Ok(offset as usize)
}

fn buffer(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    bytes_like(v).ok_or_else(|| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))
    })
}

fn unpack(vm: &mut Vm, l: &Layout, data: &Value) -> R {
    let b = buffer(vm, data)?;
    if b.len() != l.size {
        return Err(err(
            vm,
            format!("unpack requires a buffer of {} bytes", l.size),
        ));
    }
    Ok(unpack_at(l, &b))
}

/// `pos`: where the buffer is in the caller's arguments (the module function's is 2).
fn unpack_from(vm: &mut Vm, l: &Layout, args: &[Value], kw: &KwArgs, pos: usize) -> R {
    super::util::check_kwargs(vm, "unpack_from", kw, &["buffer", "offset"])?;
    let Some(data) = super::util::arg(args, kw, 0, "buffer") else {
        return Err(vm.type_error(format!(
            "unpack_from() missing required argument 'buffer' (pos {pos})"
        )));
    };
    let b = buffer(vm, &data)?;
    let blen = b.len() as i64;
    let offset = match super::util::arg(args, kw, 1, "offset") {
        Some(v) => vm.to_index(&v)?,
        None => 0,
    };
    let offset = field_offset(vm, offset, l.size, blen, Unpacking)?;
    Ok(unpack_at(l, &b[offset..]))
}

fn iter_unpack(vm: &mut Vm, l: Rc<Layout>, data: &Value) -> R {
    let b = buffer(vm, data)?;
    if l.size == 0 {
        return Err(err(
            vm,
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    if b.len() % l.size != 0 {
        return Err(err(
            vm,
            format!(
                "iterative unpacking requires a buffer of a multiple of {} bytes",
                l.size
            ),
        ));
    }
    let ty = super::util::iter_type(vm, "unpack_iterator", "_struct")?;
    let mut at = 0;
    Ok(super::util::make_iter(&ty, move |_| {
        if at + l.size > b.len() {
            return Ok(None);
        }
        at += l.size;
        Ok(Some(unpack_at(&l, &b[at - l.size..at])))
    }))
}

// ---- the Struct class ----

fn layout(vm: &Vm, args: &[Value]) -> PyResult<Rc<Layout>> {
    if let Some(Value::Instance(i)) = args.first() {
        if let Some(l) = i.native::<Rc<Layout>>() {
            return Ok(l.clone());
        }
    }
    Err(vm.type_error("descriptor requires a '_struct.Struct' object"))
}

/// The format is compiled by `__init__`, as in CPython.
fn struct_new(vm: &mut Vm, cls: &Rc<PyType>, _args: &[Value], _kw: &KwArgs) -> R {
    let l = compile(vm, Rc::from(""))?;
    Ok(vm.new_native_instance(cls, Box::new(Rc::new(l))))
}

/// `Struct.__init__` compiles the format again (CPython's `s.__init__('>h')` changes `s`).
fn s_init(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    layout(vm, args)?;
    super::util::check_kwargs(vm, "Struct", kw, &["format"])?;
    let Some(f) = super::util::arg(&args[1..], kw, 0, "format") else {
        return Err(vm.type_error("Struct() missing required argument 'format' (pos 1)"));
    };
    let l = format_of(vm, &f)?;
    if let Some(Value::Instance(i)) = args.first() {
        if let Some(mut old) = i.native::<Rc<Layout>>() {
            *old = Rc::new(l);
        }
    }
    Ok(Value::None)
}

fn s_pack(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let l = layout(vm, args)?;
    pack(vm, &l, &args[1..])
}

fn s_pack_into(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let l = layout(vm, args)?;
    pack_into(vm, &l, &args[1..])
}

fn s_unpack(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let l = layout(vm, args)?;
    vm.check_args("unpack", &args[1..], 1, 1)?;
    unpack(vm, &l, &args[1])
}

fn s_unpack_from(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    let l = layout(vm, args)?;
    unpack_from(vm, &l, &args[1..], kw, 1)
}

fn s_iter_unpack(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let l = layout(vm, args)?;
    vm.check_args("iter_unpack", &args[1..], 1, 1)?;
    iter_unpack(vm, l, &args[1])
}

fn s_format(vm: &mut Vm, slf: &Value) -> R {
    Ok(Value::str(&layout(vm, std::slice::from_ref(slf))?.format))
}

fn s_size(vm: &mut Vm, slf: &Value) -> R {
    Ok(Value::Int(
        layout(vm, std::slice::from_ref(slf))?.size as i64,
    ))
}

// ---- the module functions: the format first, then the Struct method's arguments ----

fn split<'a>(vm: &Vm, name: &str, args: &'a [Value], n: usize) -> PyResult<(Layout, &'a [Value])> {
    let Some(f) = args.first() else {
        return Err(vm.type_error(if n == 0 {
            "missing format argument".to_string()
        } else {
            format!("{name} expected {} arguments, got 0", n + 1)
        }));
    };
    if n > 0 && args.len() != n + 1 {
        return Err(vm.type_error(format!(
            "{name} expected {} arguments, got {}",
            n + 1,
            args.len()
        )));
    }
    Ok((format_of(vm, f)?, &args[1..]))
}

fn m_pack(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let (l, rest) = split(vm, "pack", args, 0)?;
    pack(vm, &l, rest)
}

fn m_pack_into(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let (l, rest) = split(vm, "pack_into", args, 0)?;
    pack_into(vm, &l, rest)
}

fn m_unpack(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let (l, rest) = split(vm, "unpack", args, 1)?;
    unpack(vm, &l, &rest[0])
}

fn m_unpack_from(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    let Some(f) = args.first() else {
        return Err(vm.type_error("unpack_from() missing required argument 'format' (pos 1)"));
    };
    let l = format_of(vm, f)?;
    unpack_from(vm, &l, &args[1..], kw, 2)
}

fn m_iter_unpack(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let (l, rest) = split(vm, "iter_unpack", args, 1)?;
    iter_unpack(vm, Rc::new(l), &rest[0])
}

fn m_calcsize(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("calcsize", args, 1, 1)?;
    Ok(Value::Int(format_of(vm, &args[0])?.size as i64))
}

fn m_clearcache(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> R {
    Ok(Value::None)
}

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let m = vm.new_module("struct");
    let exc = vm.exc_type(ExcKind::Exception);
    let error = vm.new_native_class("error", "struct", &[exc], None)?;
    m.dict.set_str("error", Value::Type(error));
    let cls = vm.new_native_class("Struct", "_struct", &[], Some(struct_new))?;
    vm.add_methods(
        &cls,
        &[
            ("__init__", s_init),
            ("pack", s_pack),
            ("pack_into", s_pack_into),
            ("unpack", s_unpack),
            ("unpack_from", s_unpack_from),
            ("iter_unpack", s_iter_unpack),
        ],
    );
    vm.add_getset(&cls, "format", s_format, None);
    vm.add_getset(&cls, "size", s_size, None);
    m.dict.set_str("Struct", Value::Type(cls));
    for (name, f) in [
        ("_clearcache", m_clearcache as crate::vm::NativeFn),
        ("calcsize", m_calcsize),
        ("iter_unpack", m_iter_unpack),
        ("pack", m_pack),
        ("pack_into", m_pack_into),
        ("unpack", m_unpack),
        ("unpack_from", m_unpack_from),
    ] {
        vm.module_add_fn(&m, name, f);
    }
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Bytes from CPython 3.11's struct.pack('<e', x).
    #[test]
    fn half_floats_round_half_to_even() {
        for (x, bits) in [
            (1.0, 0x3c00),
            (-2.0, 0xc000),
            (65504.0, 0x7bff),
            (65519.0, 0x7bff),
            (0.1, 0x2e66),
            (1.0 + 1.0 / 2048.0, 0x3c00),
            (1.0 + 3.0 / 2048.0, 0x3c02),
            (6e-8, 0x0001),
            (1e-8, 0x0000),
            (-0.0, 0x8000),
        ] {
            assert_eq!(half_bits(x), Some(bits), "{x}");
        }
        assert_eq!(half_bits(65520.0), None);
        assert_eq!(half_value(0x7bff), 65504.0);
        assert_eq!(half_value(0x0001), 2f64.powi(-24));
        assert_eq!(half_value(0x2e66), 0.0999755859375);
    }

    #[test]
    fn native_alignment_is_x86_64_linux() {
        let vm = Vm::new();
        for (f, size) in [
            ("bhiq", 16),
            ("bd", 16),
            ("=bd", 9),
            ("qh", 10),
            ("ci", 8),
            ("0s", 0),
        ] {
            assert_eq!(
                compile(&vm, Rc::from(f)).ok().map(|l| l.size),
                Some(size),
                "{f}"
            );
        }
    }
}
