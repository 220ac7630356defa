//! Operators and protocols: hashing, equality and ordering, arithmetic, truthiness, attribute
//! access with descriptors, subscripts, `len`, `in`, and the type of a value.

use super::dict::{Probe, PyDict, PySet};
use super::exceptions::ExcKind;
use super::object::{tflags, NativeData, NativeObj, PyBuiltin, PyMethod, PyType};
use super::value::{PyStr, PyTuple, Value};
use super::{PyResult, Vm};
use crate::lang::bytecode::{BinaryOpKind, CompareKind, Const};
use std::rc::Rc;

pub fn const_to_value(c: &Const) -> Value {
    match c {
        Const::None => Value::None,
        Const::Bool(b) => Value::Bool(*b),
        Const::Int(i) => Value::Int(*i),
        Const::BigInt(s) => {
            super::long::norm(num_bigint::BigInt::parse_bytes(s.as_bytes(), 10).unwrap_or_default())
        }
        Const::Float(f) => Value::Float(*f),
        Const::Str(s) => Value::str(s),
        Const::Bytes(b) => Value::Bytes(Rc::new(super::value::PyBytes {
            b: b.to_vec().into_boxed_slice(),
        })),
        Const::Ellipsis => Value::Ellipsis,
        Const::Tuple(items) => Value::tuple(items.iter().map(const_to_value).collect()),
        Const::Code(co) => Value::Code(Rc::new(super::object::PyCode::new(co.clone()))),
    }
}

// ---------------------------------------------------------------- hashing

/// FNV-1a: CPython randomises str hashes, so any deterministic hash is faithful.
pub const fn hash_str(s: &str) -> i64 {
    let mut h: u64 = 0xcbf29ce484222325;
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        h ^= b[i] as u64;
        h = h.wrapping_mul(0x100000001b3);
        i += 1;
    }
    let h = h as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// The identity hash of any value: by its stable id when it has one, so that sets of them
/// iterate in the same order on every run, in every mode and on every platform; else by
/// where it lives.
pub fn identity_hash_of(v: &Value) -> i64 {
    match v.stable_id() {
        Some(id) => identity_hash(id),
        None => hash_int((v.ptr().unwrap_or(0) >> 4) as i64),
    }
}

/// `hash(obj)` for an object hashed by its id (the stand-in for its address).
pub fn identity_hash(id: u64) -> i64 {
    hash_int((id as i64) << 4 | 1)
}

/// CPython's int hash: n mod (2**61 - 1), keeping the sign; -1 becomes -2. `hash::hash_int`,
/// whose small-int case is one compare (the i128 remainder here was a library call).
#[inline]
pub fn hash_int(n: i64) -> i64 {
    super::hash::hash_int(n)
}

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(x * f64::powi(2.0, 64));
        return (m, e - 64);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, e)
}

/// CPython's `_Py_HashDouble` (so `hash(1.5)` and set orders of floats match).
pub fn hash_float(x: f64) -> i64 {
    if x.is_nan() {
        return 0;
    }
    if x.is_infinite() {
        return if x > 0.0 { 314159 } else { -314159 };
    }
    if x.fract() == 0.0 && x.abs() < 9.2e18 {
        return hash_int(x as i64);
    }
    let p: u64 = (1u64 << 61) - 1;
    let (mut m, mut e) = frexp(x);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut h: u64 = 0;
    while m != 0.0 {
        h = ((h << 28) & p) | (h >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        h += y;
        if h >= p {
            h -= p;
        }
    }
    let e = if e >= 0 {
        e % 61
    } else {
        61 - 1 - ((-1 - e) % 61)
    };
    let e = e as u32;
    h = ((h << e) & p) | (h >> (61 - e));
    let r = (h as i64).wrapping_mul(sign);
    if r == -1 {
        -2
    } else {
        r
    }
}

pub fn hash_tuple_of(hashes: &[i64]) -> i64 {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc = P5;
    for &h in hashes {
        acc = acc.wrapping_add((h as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((hashes.len() as u64) ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        1546275796
    } else {
        acc as i64
    }
}

/// Equality for values whose `__eq__` is built in; `None` when Python code would have to run.
pub fn eq_fast(a: &Value, b: &Value) -> Option<bool> {
    eq_fast_depth(a, b, 0)
}

fn eq_fast_depth(a: &Value, b: &Value, depth: u32) -> Option<bool> {
    use Value::*;
    if depth > 64 {
        return Option::None;
    }
    Some(match (a, b) {
        (Int(x), Int(y)) => x == y,
        (Str(x), Str(y)) => Rc::ptr_eq(x, y) || x.s == y.s,
        (Float(x), Float(y)) => x == y,
        // 2.0**63 converts back to i64::MAX (saturating): not equal to it.
        (Int(x), Float(y)) | (Float(y), Int(x)) => {
            (*x as f64) == *y && (*y as i64) == *x && *y != 9_223_372_036_854_775_808.0
        }
        (Long(x), Long(y)) => x == y,
        // A big int never fits i64, so never equals an int or a bool.
        (Long(_), Int(_) | Bool(_)) | (Int(_) | Bool(_), Long(_)) => false,
        (Long(x), Float(y)) | (Float(y), Long(x)) => {
            super::long::cmp_float(x, *y) == Some(std::cmp::Ordering::Equal)
        }
        (Bool(x), Bool(y)) => x == y,
        (Bool(x), Int(y)) | (Int(y), Bool(x)) => (*x as i64) == *y,
        (Bool(x), Float(y)) | (Float(y), Bool(x)) => (*x as i64 as f64) == *y,
        (None, None) | (NotImplemented, NotImplemented) | (Ellipsis, Ellipsis) => true,
        (Tuple(x), Tuple(y)) => {
            if Rc::ptr_eq(x, y) {
                return Some(true);
            }
            if x.items.len() != y.items.len() {
                return Some(false);
            }
            for (p, q) in x.items.iter().zip(y.items.iter()) {
                if !eq_fast_depth(p, q, depth + 1)? {
                    return Some(false);
                }
            }
            true
        }
        (Bytes(x), Bytes(y)) => x.b == y.b,
        (Instance(_), _) | (_, Instance(_)) => {
            if a.is(b) {
                return Option::None;
            }
            return Option::None;
        }
        // `list[int] == list[int]`: aliases compare by origin and arguments.
        (Native(n), _) | (_, Native(n)) if matches!(n.data, NativeData::GenericAlias { .. }) => {
            return Option::None;
        }
        (List(_), List(_)) | (Dict(_), Dict(_)) | (Set(_), Set(_)) => {
            if a.is(b) {
                true
            } else {
                return Option::None;
            }
        }
        _ => {
            if let (Some(p), Some(q)) = (a.ptr(), b.ptr()) {
                p == q
            } else {
                false
            }
        }
    })
}

fn binop_symbol(k: BinaryOpKind) -> &'static str {
    use BinaryOpKind::*;
    match k {
        Add => "+",
        Sub => "-",
        Mul => "*",
        MatMul => "@",
        TrueDiv => "/",
        FloorDiv => "//",
        Mod => "%",
        Pow => "** or pow()",
        LShift => "<<",
        RShift => ">>",
        And => "&",
        Or => "|",
        Xor => "^",
        InplaceAdd => "+=",
        InplaceSub => "-=",
        InplaceMul => "*=",
        InplaceMatMul => "@=",
        InplaceTrueDiv => "/=",
        InplaceFloorDiv => "//=",
        InplaceMod => "%=",
        InplacePow => "**=",
        InplaceLShift => "<<=",
        InplaceRShift => ">>=",
        InplaceAnd => "&=",
        InplaceOr => "|=",
        InplaceXor => "^=",
    }
}

/// The non-inplace version of an operator, and the dunder names (op, reflected, inplace).
fn binop_base(
    k: BinaryOpKind,
) -> (
    BinaryOpKind,
    &'static str,
    &'static str,
    Option<&'static str>,
) {
    use BinaryOpKind::*;
    match k {
        Add => (Add, "__add__", "__radd__", None),
        Sub => (Sub, "__sub__", "__rsub__", None),
        Mul => (Mul, "__mul__", "__rmul__", None),
        MatMul => (MatMul, "__matmul__", "__rmatmul__", None),
        TrueDiv => (TrueDiv, "__truediv__", "__rtruediv__", None),
        FloorDiv => (FloorDiv, "__floordiv__", "__rfloordiv__", None),
        Mod => (Mod, "__mod__", "__rmod__", None),
        Pow => (Pow, "__pow__", "__rpow__", None),
        LShift => (LShift, "__lshift__", "__rlshift__", None),
        RShift => (RShift, "__rshift__", "__rrshift__", None),
        And => (And, "__and__", "__rand__", None),
        Or => (Or, "__or__", "__ror__", None),
        Xor => (Xor, "__xor__", "__rxor__", None),
        InplaceAdd => (Add, "__add__", "__radd__", Some("__iadd__")),
        InplaceSub => (Sub, "__sub__", "__rsub__", Some("__isub__")),
        InplaceMul => (Mul, "__mul__", "__rmul__", Some("__imul__")),
        InplaceMatMul => (MatMul, "__matmul__", "__rmatmul__", Some("__imatmul__")),
        InplaceTrueDiv => (TrueDiv, "__truediv__", "__rtruediv__", Some("__itruediv__")),
        InplaceFloorDiv => (
            FloorDiv,
            "__floordiv__",
            "__rfloordiv__",
            Some("__ifloordiv__"),
        ),
        InplaceMod => (Mod, "__mod__", "__rmod__", Some("__imod__")),
        InplacePow => (Pow, "__pow__", "__rpow__", Some("__ipow__")),
        InplaceLShift => (LShift, "__lshift__", "__rlshift__", Some("__ilshift__")),
        InplaceRShift => (RShift, "__rshift__", "__rrshift__", Some("__irshift__")),
        InplaceAnd => (And, "__and__", "__rand__", Some("__iand__")),
        InplaceOr => (Or, "__or__", "__ror__", Some("__ior__")),
        InplaceXor => (Xor, "__xor__", "__rxor__", Some("__ixor__")),
    }
}

pub fn cmp_symbol(k: CompareKind) -> &'static str {
    match k {
        CompareKind::Lt => "<",
        CompareKind::Le => "<=",
        CompareKind::Eq => "==",
        CompareKind::Ne => "!=",
        CompareKind::Gt => ">",
        CompareKind::Ge => ">=",
    }
}

fn cmp_dunders(k: CompareKind) -> (&'static str, &'static str) {
    match k {
        CompareKind::Lt => ("__lt__", "__gt__"),
        CompareKind::Le => ("__le__", "__ge__"),
        CompareKind::Eq => ("__eq__", "__eq__"),
        CompareKind::Ne => ("__ne__", "__ne__"),
        CompareKind::Gt => ("__gt__", "__lt__"),
        CompareKind::Ge => ("__ge__", "__le__"),
    }
}

fn ord_result(o: std::cmp::Ordering, k: CompareKind) -> bool {
    use std::cmp::Ordering::*;
    match k {
        CompareKind::Lt => o == Less,
        CompareKind::Le => o != Greater,
        CompareKind::Eq => o == Equal,
        CompareKind::Ne => o != Equal,
        CompareKind::Gt => o == Greater,
        CompareKind::Ge => o != Less,
    }
}

/// A comparison's truth from an ordering that is `None` for NaN (only `!=` holds).
fn ord_opt(o: Option<std::cmp::Ordering>, k: CompareKind) -> bool {
    match o {
        Some(o) => ord_result(o, k),
        None => k == CompareKind::Ne,
    }
}

fn py_floordiv(a: i64, b: i64) -> Option<i64> {
    let q = a.checked_div(b)?;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        q.checked_sub(1)
    } else {
        Some(q)
    }
}

fn py_mod(a: i64, b: i64) -> Option<i64> {
    let r = a.checked_rem(b)?;
    if r != 0 && ((r < 0) != (b < 0)) {
        Some(r + b)
    } else {
        Some(r)
    }
}

pub fn float_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m + b
        } else {
            m
        }
    } else {
        0.0f64.copysign(b)
    }
}

pub fn float_floordiv(a: f64, b: f64) -> f64 {
    let m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(a / b)
    }
}

impl Vm {
    // ------------------------------------------------------------ types

    pub fn type_of(&self, v: &Value) -> Rc<PyType> {
        let t = &self.types;
        match v {
            Value::None | Value::Null => t.none.clone(),
            Value::NotImplemented => t.notimpl.clone(),
            Value::Ellipsis => t.ellipsis.clone(),
            Value::Bool(_) => t.bool_.clone(),
            Value::Int(_) => t.int.clone(),
            Value::Float(_) => t.float.clone(),
            Value::Str(_) => t.str_.clone(),
            Value::Bytes(_) => t.bytes.clone(),
            Value::List(_) => t.list.clone(),
            Value::Tuple(_) => t.tuple.clone(),
            Value::Dict(_) => t.dict.clone(),
            Value::Set(s) => {
                if s.frozen {
                    t.frozenset.clone()
                } else {
                    t.set.clone()
                }
            }
            Value::Range(_) => t.range.clone(),
            Value::Slice(_) => t.slice.clone(),
            Value::Func(_) => t.function.clone(),
            Value::Builtin(_) => t.builtin_function.clone(),
            Value::Method(_) => t.method.clone(),
            Value::Type(c) => match &*c.meta.borrow() {
                Some(m) => m.clone(),
                None => t.type_.clone(),
            },
            Value::Instance(i) => i.class(),
            Value::Module(_) => t.module.clone(),
            Value::Cell(_) => t.cell.clone(),
            Value::Gen(g) => match g.kind {
                super::coro::GenKind::Generator => t.generator.clone(),
                super::coro::GenKind::Coroutine => t.coroutine.clone(),
                super::coro::GenKind::AsyncGenerator => t.async_generator.clone(),
            },
            Value::Code(_) => t.code.clone(),
            Value::Native(n) => n.cls.clone(),
            Value::Long(_) => t.int.clone(),
        }
    }

    /// Does `v` (a class) have a metaclass implementing `name` in Python (`__repr__`,
    /// `__getitem__`...)? Those take precedence over `type`'s built-in behaviour.
    pub fn has_meta_dunder(&self, v: &Value, name: &str) -> bool {
        let Value::Type(c) = v else {
            return false;
        };
        let meta = c.meta.borrow();
        match meta.as_ref().and_then(|m| m.lookup(name)) {
            Some(Value::Builtin(_)) | None => false,
            Some(_) => true,
        }
    }

    pub fn type_name(&self, v: &Value) -> Rc<str> {
        match v {
            Value::None => Rc::from("NoneType"),
            Value::Int(_) => Rc::from("int"),
            Value::Str(_) => Rc::from("str"),
            _ => self.type_of(v).tp_name(),
        }
    }

    pub fn isinstance(&self, v: &Value, t: &Rc<PyType>) -> bool {
        self.type_of(v).is_subtype(t)
    }

    // ------------------------------------------------------------ truthiness, len

    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::None | Value::Null => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.s.is_empty(),
            Value::List(l) => !l.items.borrow().is_empty(),
            Value::Tuple(t) => !t.items.is_empty(),
            Value::Dict(d) => !d.is_empty(),
            Value::Set(s) => !s.is_empty(),
            Value::Bytes(b) => !b.b.is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::Instance(_) | Value::Native(_) => {
                if let Some(r) = self.call_dunder(v, "__bool__", &[])? {
                    return match r {
                        Value::Bool(b) => Ok(b),
                        other => Err(self.type_error(format!(
                            "__bool__ should return bool, returned {}",
                            self.type_name(&other)
                        ))),
                    };
                }
                if let Some(r) = self.call_dunder(v, "__len__", &[])? {
                    return Ok(self.to_index(&r)? != 0);
                }
                true
            }
            _ => true,
        })
    }

    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        Ok(match v {
            Value::Str(s) => s.nchars,
            Value::List(l) => l.items.borrow().len(),
            Value::Tuple(t) => t.items.len(),
            Value::Dict(d) => d.len(),
            Value::Set(s) => s.len(),
            Value::Bytes(b) => b.b.len(),
            Value::Range(r) => r.len() as usize,
            Value::Native(n) => match &n.data {
                NativeData::DictView { dict, .. } => dict.len(),
                _ => return self.len_dunder(v),
            },
            _ => return self.len_dunder(v),
        })
    }

    fn len_dunder(&mut self, v: &Value) -> PyResult<usize> {
        match self.call_dunder(v, "__len__", &[])? {
            Some(r) => {
                let n = self.to_index(&r)?;
                if n < 0 {
                    return Err(self.value_error("__len__() should return >= 0"));
                }
                Ok(n as usize)
            }
            None => Err(self.type_error(format!(
                "object of type '{}' has no len()",
                self.type_name(v)
            ))),
        }
    }

    /// An int from an int-like value (int, bool, or `__index__`).
    pub fn to_index(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            Value::Long(_) => Err(self.new_error(
                ExcKind::OverflowError,
                "Python int too large to convert to C ssize_t",
            )),
            Value::Instance(_) => match self.call_dunder(v, "__index__", &[])? {
                Some(Value::Int(i)) => Ok(i),
                _ => Err(self.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    self.type_name(v)
                ))),
            },
            _ => Err(self.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(v)
            ))),
        }
    }
    /// A slice bound: as `to_index`, with ints past i64 clamped (CPython's
    /// `_PyEval_SliceIndex` clamps to the Py_ssize_t range).
    pub fn slice_index(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Long(b) => Ok(if b.sign() == num_bigint::Sign::Minus {
                i64::MIN
            } else {
                i64::MAX
            }),
            _ => self.to_index(v),
        }
    }

    /// Any int (or `__index__`) as a BigInt.
    pub fn to_bigint(&mut self, v: &Value) -> PyResult<num_bigint::BigInt> {
        match v {
            Value::Long(b) => Ok((**b).clone()),
            Value::Instance(_) => match self.call_dunder(v, "__index__", &[])? {
                Some(r @ Value::Long(_)) => self.to_bigint(&r),
                Some(r @ (Value::Int(_) | Value::Bool(_))) => {
                    Ok(num_bigint::BigInt::from(self.to_index(&r)?))
                }
                _ => Err(self.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    self.type_name(v)
                ))),
            },
            _ => Ok(num_bigint::BigInt::from(self.to_index(v)?)),
        }
    }
    pub fn to_int(&mut self, v: &Value) -> PyResult<i64> {
        self.to_index(v)
    }
    pub fn to_f64(&mut self, v: &Value) -> PyResult<f64> {
        match v {
            Value::Float(f) => Ok(*f),
            Value::Int(i) => Ok(*i as f64),
            Value::Long(b) => super::long::to_f64(b).map_err(|e| self.num_err(e)),
            Value::Bool(b) => Ok(*b as i64 as f64),
            Value::Instance(_) if super::subclass::payload(v).is_some() => {
                let p = super::subclass::unwrap(v);
                self.to_f64(&p)
            }
            _ => Err(self.type_error(format!("must be real number, not {}", self.type_name(v)))),
        }
    }
    pub fn str_arg<'a>(&self, v: &'a Value, what: &str) -> PyResult<&'a str> {
        match super::subclass::payload(v).unwrap_or(v) {
            Value::Str(s) => Ok(&s.s),
            _ => Err(self.type_error(format!("{what} must be str, not {}", self.type_name(v)))),
        }
    }
    /// Inline: every native method calls it, and the count is almost always right.
    #[inline]
    pub fn check_args(&self, name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
        if args.len() < min || args.len() > max {
            return Err(self.arg_count_error(name, args, min, max));
        }
        Ok(())
    }

    #[cold]
    #[inline(never)]
    fn arg_count_error(&self, name: &str, args: &[Value], min: usize, max: usize) -> super::Exc {
        let msg = if min == max {
            if min == 0 {
                format!("{name}() takes no arguments ({} given)", args.len())
            } else if min == 1 {
                format!("{name}() takes exactly one argument ({} given)", args.len())
            } else {
                format!(
                    "{name}() takes exactly {min} arguments ({} given)",
                    args.len()
                )
            }
        } else if args.len() < min {
            format!(
                "{name} expected at least {min} argument{}, got {}",
                if min == 1 { "" } else { "s" },
                args.len()
            )
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {}",
                if max == 1 { "" } else { "s" },
                args.len()
            )
        };
        self.type_error(msg)
    }

    // ------------------------------------------------------------ hash, eq

    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        Ok(match v {
            Value::Int(i) => hash_int(*i),
            Value::Long(b) => super::long::hash(b),
            Value::Str(s) => s.hash(),
            Value::Bool(b) => *b as i64,
            Value::Float(f) => hash_float(*f),
            Value::None => 0x1234_5678,
            Value::Tuple(t) => {
                self.enter_native()?;
                let mut hs = Vec::with_capacity(t.items.len());
                let mut err = None;
                for it in t.items.iter() {
                    match self.hash(it) {
                        Ok(h) => hs.push(h),
                        Err(e) => {
                            err = Some(e);
                            break;
                        }
                    }
                }
                self.leave_native();
                if let Some(e) = err {
                    return Err(e);
                }
                hash_tuple_of(&hs)
            }
            Value::List(_) | Value::Dict(_) => {
                return Err(self.type_error(format!("unhashable type: '{}'", self.type_name(v))))
            }
            Value::Set(s) => {
                if !s.frozen {
                    return Err(self.type_error("unhashable type: 'set'"));
                }
                if let Some(h) = s.hash.get() {
                    return Ok(h);
                }
                let hs: Vec<i64> = s.t.borrow().iter_hashed().map(|(h, _)| h).collect();
                let h = frozenset_hash(&hs);
                s.hash.set(Some(h));
                h
            }
            Value::Bytes(b) => hash_str(&String::from_utf8_lossy(&b.b)),
            Value::Instance(i) => {
                let cls = i.class();
                match cls.lookup("__hash__") {
                    Some(Value::None) => {
                        return Err(self.type_error(format!("unhashable type: '{}'", cls.name())))
                    }
                    Some(Value::Builtin(_)) | None => match &i.ext {
                        super::object::Ext::Builtin(p) => {
                            let p = p.clone();
                            return self.hash(&p);
                        }
                        _ => identity_hash(i.id),
                    },
                    Some(_) => {
                        let r = self
                            .call_dunder(v, "__hash__", &[])?
                            .unwrap_or(Value::Int(0));
                        // CPython's slot_tp_hash: an int that fits a Py_ssize_t is the hash
                        // as is (so `__hash__` returning `hash(s)` hashes like `s`).
                        match r {
                            Value::Int(n) => {
                                if n == -1 {
                                    -2
                                } else {
                                    n
                                }
                            }
                            Value::Bool(b) => b as i64,
                            _ => {
                                return Err(
                                    self.type_error("__hash__ method should return an integer")
                                )
                            }
                        }
                    }
                }
            }
            Value::Method(m) => {
                // CPython's method_hash: the pointers of `self` and the function, xor-ed.
                let h = identity_hash_of(&m.slf) ^ identity_hash_of(&m.func);
                if h == -1 {
                    -2
                } else {
                    h
                }
            }
            Value::Native(n) if matches!(n.data, NativeData::MappingProxy(_)) => {
                return Err(self.type_error("unhashable type: 'mappingproxy'"))
            }
            Value::Native(n) if matches!(n.data, NativeData::GenericAlias { .. }) => {
                return self.generic_alias_hash(v)
            }
            other => identity_hash_of(other),
        })
    }

    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let Some(r) = eq_fast(a, b) {
            return Ok(r);
        }
        let r = self.compare(a, b, CompareKind::Eq)?;
        self.truthy(&r)
    }

    /// Rich comparison `a op b`.
    pub fn compare(&mut self, a: &Value, b: &Value, op: CompareKind) -> PyResult<Value> {
        use Value::*;
        // Fast paths.
        match (a, b) {
            (Int(x), Int(y)) => return Ok(Bool(ord_result(x.cmp(y), op))),
            (Float(x), Float(y)) => return Ok(Bool(float_cmp(*x, *y, op))),
            // Past 2**53 an int does not convert to a float exactly: compare exactly.
            (Int(x), Float(y)) if x.unsigned_abs() <= 1 << 53 => {
                return Ok(Bool(float_cmp(*x as f64, *y, op)))
            }
            (Float(x), Int(y)) if y.unsigned_abs() <= 1 << 53 => {
                return Ok(Bool(float_cmp(*x, *y as f64, op)))
            }
            (Int(x), Float(y)) => {
                return Ok(Bool(ord_opt(super::numeric::cmp_int_float(*x, *y), op)))
            }
            (Float(x), Int(y)) => {
                let o = super::numeric::cmp_int_float(*y, *x).map(|o| o.reverse());
                return Ok(Bool(ord_opt(o, op)));
            }
            (Long(_), Int(_) | Long(_) | Bool(_)) | (Int(_) | Bool(_), Long(_)) => {
                let (x, y) = (super::long::to_big(a), super::long::to_big(b));
                return Ok(Bool(ord_result(x.cmp(&y), op)));
            }
            (Long(x), Float(y)) => return Ok(Bool(ord_opt(super::long::cmp_float(x, *y), op))),
            (Float(x), Long(y)) => {
                let o = super::long::cmp_float(y, *x).map(|o| o.reverse());
                return Ok(Bool(ord_opt(o, op)));
            }
            (Str(x), Str(y)) => return Ok(Bool(ord_result(x.s.cmp(&y.s), op))),
            (Bool(_), Int(_) | Bool(_) | Float(_)) | (Int(_) | Float(_), Bool(_)) => {
                let x = if let Bool(v) = a {
                    Int(*v as i64)
                } else {
                    a.clone()
                };
                let y = if let Bool(v) = b {
                    Int(*v as i64)
                } else {
                    b.clone()
                };
                return self.compare(&x, &y, op);
            }
            _ => {}
        }
        // Keys/items views compare as sets with sets and other set-like views.
        let view = |v: &Value| matches!(v, Native(n) if matches!(n.data, NativeData::DictView { kind, .. } if kind != 1));
        if (view(a) || view(b))
            && (view(a) || matches!(a, Set(_)))
            && (view(b) || matches!(b, Set(_)))
        {
            let xs = self.iter_to_vec(a)?;
            let x = self.new_set(xs, false)?;
            let ys = self.iter_to_vec(b)?;
            let y = self.new_set(ys, false)?;
            return self.compare(&x, &y, op);
        }
        let a_inst = matches!(a, Instance(_) | Native(_));
        let b_inst = matches!(b, Instance(_) | Native(_));
        if !a_inst && !b_inst {
            if let Some(r) = self.builtin_compare(a, b, op)? {
                return Ok(r);
            }
        } else {
            let (name, rname) = cmp_dunders(op);
            let ta = self.type_of(a);
            let tb = self.type_of(b);
            let reflected_first = !Rc::ptr_eq(&ta, &tb) && tb.is_subtype(&ta) && b_inst;
            if reflected_first {
                if let Some(r) = self.call_dunder(b, rname, &[a.clone()])? {
                    if !matches!(r, NotImplemented) {
                        return Ok(r);
                    }
                }
            }
            // A built-in left operand has no comparison with an instance: CPython returns
            // NotImplemented there, so the instance's reflected method gets its turn.
            if a_inst {
                if let Some(r) = self.user_compare(a, name, b)? {
                    return Ok(r);
                }
            }
            if !reflected_first && b_inst {
                if let Some(r) = self.user_compare(b, rname, a)? {
                    return Ok(r);
                }
            }
        }
        match op {
            CompareKind::Eq => Ok(Bool(a.is(b))),
            CompareKind::Ne => Ok(Bool(!a.is(b))),
            _ => Err(self.type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                cmp_symbol(op),
                self.type_name(a),
                self.type_name(b)
            ))),
        }
    }

    /// `obj.name(other)` for a user-defined comparison; `None` means NotImplemented. A missing
    /// `__ne__` falls back to inverting `__eq__`, as object.__ne__ does.
    fn user_compare(&mut self, obj: &Value, name: &str, other: &Value) -> PyResult<Option<Value>> {
        if let Some(r) = self.call_dunder_user(obj, name, &[other.clone()])? {
            return Ok((!matches!(r, Value::NotImplemented)).then_some(r));
        }
        if name == "__ne__" {
            if let Some(r) = self.call_dunder_user(obj, "__eq__", &[other.clone()])? {
                if matches!(r, Value::NotImplemented) {
                    return Ok(None);
                }
                return Ok(Some(Value::Bool(!self.truthy(&r)?)));
            }
        }
        Ok(None)
    }

    /// Comparisons between built-in values; `None` means NotImplemented.
    fn builtin_compare(
        &mut self,
        a: &Value,
        b: &Value,
        op: CompareKind,
    ) -> PyResult<Option<Value>> {
        use Value::*;
        let eqop = matches!(op, CompareKind::Eq | CompareKind::Ne);
        let r = match (a, b) {
            (List(x), List(y)) => {
                let xs = x.items.borrow().clone();
                let ys = y.items.borrow().clone();
                self.seq_compare(&xs, &ys, op)?
            }
            (Tuple(x), Tuple(y)) => {
                let (x, y) = (x.clone(), y.clone());
                self.seq_compare(&x.items, &y.items, op)?
            }
            (Bytes(x), Bytes(y)) => ord_result(x.b.cmp(&y.b), op),
            (Dict(x), Dict(y)) if eqop => {
                let e = self.dict_eq(x, y)?;
                if op == CompareKind::Eq {
                    e
                } else {
                    !e
                }
            }
            (Set(x), Set(y)) => {
                let (x, y) = (x.clone(), y.clone());
                match op {
                    CompareKind::Eq => x.len() == y.len() && self.set_issubset(&x, &y)?,
                    CompareKind::Ne => !(x.len() == y.len() && self.set_issubset(&x, &y)?),
                    CompareKind::Le => self.set_issubset(&x, &y)?,
                    CompareKind::Lt => x.len() < y.len() && self.set_issubset(&x, &y)?,
                    CompareKind::Ge => self.set_issubset(&y, &x)?,
                    CompareKind::Gt => y.len() < x.len() && self.set_issubset(&y, &x)?,
                }
            }
            (Range(x), Range(y)) if eqop => {
                let same = (x.len() == y.len())
                    && (x.is_empty() || (x.start == y.start && (x.len() == 1 || x.step == y.step)));
                if op == CompareKind::Eq {
                    same
                } else {
                    !same
                }
            }
            (Type(_), Type(_)) if eqop => {
                if op == CompareKind::Eq {
                    a.is(b)
                } else {
                    !a.is(b)
                }
            }
            _ => {
                if eqop {
                    let same = a.is(b)
                        || matches!((a, b), (Method(x), Method(y)) if x.slf.is(&y.slf) && x.func.is(&y.func));
                    if same || !matches!((a, b), (Method(_), Method(_))) {
                        // Different built-in kinds are simply unequal.
                        return Ok(Some(Bool(if op == CompareKind::Eq { same } else { !same })));
                    }
                    return Ok(Some(Bool(op == CompareKind::Ne)));
                }
                return Ok(Option::None);
            }
        };
        Ok(Some(Bool(r)))
    }

    fn seq_compare(&mut self, x: &[Value], y: &[Value], op: CompareKind) -> PyResult<bool> {
        self.enter_native()?;
        let r = self.seq_compare_inner(x, y, op);
        self.leave_native();
        r
    }

    fn seq_compare_inner(&mut self, x: &[Value], y: &[Value], op: CompareKind) -> PyResult<bool> {
        if matches!(op, CompareKind::Eq | CompareKind::Ne) && x.len() != y.len() {
            return Ok(op == CompareKind::Ne);
        }
        for (p, q) in x.iter().zip(y.iter()) {
            if p.is(q) {
                continue;
            }
            if !self.eq(p, q)? {
                return match op {
                    CompareKind::Eq => Ok(false),
                    CompareKind::Ne => Ok(true),
                    _ => {
                        let r = self.compare(p, q, op)?;
                        self.truthy(&r)
                    }
                };
            }
        }
        Ok(ord_result(x.len().cmp(&y.len()), op))
    }

    fn dict_eq(&mut self, x: &Rc<PyDict>, y: &Rc<PyDict>) -> PyResult<bool> {
        if x.len() != y.len() {
            return Ok(false);
        }
        let items = x.t.borrow().items();
        for (k, v) in items {
            match self.dict_get(y, &k)? {
                Some(w) => {
                    // PyObject_RichCompareBool: the same object is equal to itself.
                    if !(v.is(&w) || self.eq(&v, &w)?) {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    fn set_issubset(&mut self, x: &Rc<PySet>, y: &Rc<PySet>) -> PyResult<bool> {
        for k in x.items() {
            if !self.set_contains(y, &k)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    pub fn lt(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            return Ok(x < y);
        }
        let r = self.compare(a, b, CompareKind::Lt)?;
        self.truthy(&r)
    }

    // ------------------------------------------------------------ dict / set access

    /// CPython's lookup: entries whose keys need `__eq__` are compared in probe order, the
    /// key object itself matching by identity; an `__eq__` that changes the dict's keys
    /// makes the lookup start over (the indices it had may be stale).
    pub fn dict_find(&mut self, d: &PyDict, key: &Value, h: i64) -> PyResult<Option<usize>> {
        loop {
            let (p, version) = {
                let t = d.t.borrow();
                (t.probe(h, key), t.version)
            };
            let cands = match p {
                Probe::Found(i) => return Ok(Some(i)),
                Probe::Missing => return Ok(None),
                Probe::Unsure(cands) => cands,
            };
            let mut changed = false;
            for (i, k) in cands {
                if k.is(key) {
                    return Ok(Some(i));
                }
                let r = self.compare(&k, key, CompareKind::Eq)?;
                let eq = self.truthy(&r)?;
                if d.t.borrow().version != version {
                    changed = true;
                    break;
                }
                if eq {
                    return Ok(Some(i));
                }
            }
            if !changed {
                return Ok(None);
            }
        }
    }

    pub fn dict_get(&mut self, d: &PyDict, key: &Value) -> PyResult<Option<Value>> {
        match key {
            Value::Str(s) => return Ok(d.get_pystr(s)),
            Value::Int(i) => {
                if let Ok(v) = d.get_int(*i) {
                    return Ok(v);
                }
            }
            _ => {}
        }
        let h = self.hash(key)?;
        let i = self.dict_find(d, key, h)?;
        Ok(i.and_then(|i| d.t.borrow().value_at(i)))
    }

    pub fn dict_set(&mut self, d: &PyDict, key: Value, value: Value) -> PyResult<()> {
        let (key, value) = match key {
            Value::Str(_) => {
                d.set_pystr_value(key, value);
                return Ok(());
            }
            Value::Int(_) => match d.set_int(key, value) {
                Ok(()) => return Ok(()),
                Err(kv) => kv,
            },
            _ => (key, value),
        };
        let h = self.hash(&key)?;
        match self.dict_find(d, &key, h)? {
            found if d.t.borrow().has_owners() => d.set_owned(found, h, key, value),
            Some(i) => {
                d.t.borrow_mut().set_value_at(i, value);
            }
            None => d.t.borrow_mut().insert_new(h, key, value),
        }
        Ok(())
    }

    pub fn dict_del(&mut self, d: &PyDict, key: &Value) -> PyResult<Option<Value>> {
        let h = self.hash(key)?;
        match self.dict_find(d, key, h)? {
            Some(i) => Ok(d.take_at(i).map(|(_, v)| v)),
            None => Ok(None),
        }
    }

    /// The slot of a key equal to `key` (Python `__eq__` runs with the table unborrowed).
    fn set_find(&mut self, s: &PySet, key: &Value, h: i64) -> PyResult<Option<usize>> {
        let mut unsure = false;
        let r = s.t.borrow().find(h, |k| match eq_fast(k, key) {
            Some(b) => Ok::<bool, ()>(b),
            None => {
                if k.is(key) {
                    return Ok(true);
                }
                unsure = true;
                Ok(false)
            }
        });
        if let Ok(Some(i)) = r {
            return Ok(Some(i));
        }
        if !unsure {
            return Ok(None);
        }
        let (cands, _) = s.t.borrow().candidates(h);
        for slot in cands {
            let k = s.t.borrow().slot_key(slot).cloned();
            if let Some(k) = k {
                let r = self.compare(&k, key, CompareKind::Eq)?;
                if self.truthy(&r)? {
                    return Ok(Some(slot));
                }
            }
        }
        Ok(None)
    }

    pub fn set_add(&mut self, s: &PySet, key: Value) -> PyResult<()> {
        let h = self.hash(&key)?;
        if self.set_find(s, &key, h)?.is_none() {
            let _ = s.t.borrow_mut().add(h, key, |_| Ok::<bool, ()>(false));
        }
        Ok(())
    }

    pub fn set_contains(&mut self, s: &PySet, key: &Value) -> PyResult<bool> {
        let h = self.hash(key)?;
        Ok(self.set_find(s, key, h)?.is_some())
    }

    pub fn set_discard(&mut self, s: &PySet, key: &Value) -> PyResult<bool> {
        let h = self.hash(key)?;
        match self.set_find(s, key, h)? {
            Some(i) => {
                s.t.borrow_mut().remove_slot(i);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    pub fn new_set(&mut self, items: Vec<Value>, frozen: bool) -> PyResult<Value> {
        let s = PySet::new(frozen);
        for it in items {
            self.set_add(&s, it)?;
        }
        Ok(Value::Set(Rc::new(s)))
    }

    pub fn new_dict(&mut self, items: Vec<(Value, Value)>) -> PyResult<Value> {
        let d = PyDict::new();
        for (k, v) in items {
            self.dict_set(&d, k, v)?;
        }
        Ok(Value::Dict(Rc::new(d)))
    }

    // ------------------------------------------------------------ nesting guard

    /// Count a level of Rust recursion driven by script data (repr of nested lists, nested
    /// interpreter loops): RecursionError instead of a stack overflow.
    pub fn enter_native(&mut self) -> PyResult<()> {
        self.native_depth += 1;
        if self.native_depth > super::MAX_NATIVE_DEPTH
            || self.frames.len() + self.native_depth > self.recursion_limit + 50
        {
            self.native_depth -= 1;
            return Err(self.new_error(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded while calling a Python object",
            ));
        }
        Ok(())
    }
    pub fn leave_native(&mut self) {
        self.native_depth = self.native_depth.saturating_sub(1);
    }

    // ------------------------------------------------------------ dunder calls

    /// Call a special method looked up on the type (as CPython does); `None` when the type
    /// has no such method.
    pub fn call_dunder(
        &mut self,
        obj: &Value,
        name: &str,
        args: &[Value],
    ) -> PyResult<Option<Value>> {
        let t = self.type_of(obj);
        let Some(f) = t.lookup(name) else {
            return Ok(None);
        };
        let r = self.call_descr(&f, obj, &t, args)?;
        Ok(Some(r))
    }

    /// Like `call_dunder` but ignores the default implementations on `object` (so that
    /// `__eq__` falls back to identity through the comparison logic).
    fn call_dunder_user(
        &mut self,
        obj: &Value,
        name: &str,
        args: &[Value],
    ) -> PyResult<Option<Value>> {
        let t = self.type_of(obj);
        let Some((f, owner)) = t.lookup_with_owner(name) else {
            return Ok(None);
        };
        if Rc::ptr_eq(&owner, &self.types.object) {
            return Ok(None);
        }
        let r = self.call_descr(&f, obj, &t, args)?;
        Ok(Some(r))
    }

    /// Call attribute `f` found on `cls` as a method of `obj`.
    pub fn call_descr(
        &mut self,
        f: &Value,
        obj: &Value,
        cls: &Rc<PyType>,
        args: &[Value],
    ) -> PyResult<Value> {
        match f {
            Value::Func(_) | Value::Builtin(_) => {
                let mut a = Vec::with_capacity(args.len() + 1);
                a.push(obj.clone());
                a.extend_from_slice(args);
                self.call(f, &a, &[])
            }
            _ => {
                let bound = self.bind_descr(f.clone(), obj, cls)?;
                self.call(&bound, args, &[])
            }
        }
    }

    // ------------------------------------------------------------ arithmetic

    pub fn binary_op(&mut self, a: &Value, b: &Value, kind: BinaryOpKind) -> PyResult<Value> {
        fn is_bitwise(k: BinaryOpKind) -> bool {
            matches!(
                k,
                BinaryOpKind::And
                    | BinaryOpKind::Or
                    | BinaryOpKind::Xor
                    | BinaryOpKind::LShift
                    | BinaryOpKind::RShift
                    | BinaryOpKind::MatMul
            )
        }
        use Value::*;
        let (base, name, rname, iname) = binop_base(kind);
        // Set operators on keys/items views take any iterable and give a set (CPython's
        // dictviews_and etc.).
        if matches!(
            base,
            BinaryOpKind::And | BinaryOpKind::Or | BinaryOpKind::Sub | BinaryOpKind::Xor
        ) {
            let setlike = |v: &Value| matches!(v, Native(n) if matches!(n.data, NativeData::DictView { kind, .. } if kind != 1));
            if setlike(a) || setlike(b) {
                let xs = self.iter_to_vec(a)?;
                let x = self.new_set(xs, false)?;
                let ys = self.iter_to_vec(b)?;
                let y = self.new_set(ys, false)?;
                return self.binary_op(&x, &y, base);
            }
        }
        // Fast paths for built-in numbers.
        match (a, b) {
            (Int(x), Int(y)) => return self.int_op(*x, *y, base),
            (Float(x), Float(y)) => return self.float_op(*x, *y, base),
            (Long(_), Int(_) | Long(_) | Bool(_)) | (Int(_) | Bool(_), Long(_)) => {
                return self.long_op(a, b, base)
            }
            (Long(x), Float(y)) if !is_bitwise(base) => {
                let x = super::long::to_f64(x).map_err(|e| self.num_err(e))?;
                return self.float_op(x, *y, base);
            }
            (Float(x), Long(y)) if !is_bitwise(base) => {
                let y = super::long::to_f64(y).map_err(|e| self.num_err(e))?;
                return self.float_op(*x, y, base);
            }
            (Long(_), Float(_)) | (Float(_), Long(_)) => {
                return Err(self.type_error(format!(
                    "unsupported operand type(s) for {}: '{}' and '{}'",
                    binop_symbol(kind),
                    self.type_name(a),
                    self.type_name(b)
                )));
            }
            (Int(x), Float(y)) if !is_bitwise(base) => return self.float_op(*x as f64, *y, base),
            (Float(x), Int(y)) if !is_bitwise(base) => return self.float_op(*x, *y as f64, base),
            (Int(_), Float(_)) | (Float(_), Int(_)) => {
                // The error must name the real operand types, not the float coercion.
                return Err(self.type_error(format!(
                    "unsupported operand type(s) for {}: '{}' and '{}'",
                    binop_symbol(kind),
                    self.type_name(a),
                    self.type_name(b)
                )));
            }
            (Bool(_), _) | (_, Bool(_))
                if matches!(a, Int(_) | Float(_) | Bool(_))
                    && matches!(b, Int(_) | Float(_) | Bool(_)) =>
            {
                if let (Bool(x), Bool(y)) = (a, b) {
                    match base {
                        BinaryOpKind::And => return Ok(Bool(*x & *y)),
                        BinaryOpKind::Or => return Ok(Bool(*x | *y)),
                        BinaryOpKind::Xor => return Ok(Bool(*x ^ *y)),
                        _ => {}
                    }
                }
                let x = if let Bool(v) = a {
                    Int(*v as i64)
                } else {
                    a.clone()
                };
                let y = if let Bool(v) = b {
                    Int(*v as i64)
                } else {
                    b.clone()
                };
                return self.binary_op(&x, &y, base);
            }
            _ => {}
        }
        let a_inst = matches!(a, Instance(_) | Native(_));
        let b_inst = matches!(b, Instance(_) | Native(_));
        if !a_inst && !b_inst {
            if let Some(iname) = iname {
                // In-place list concatenation mutates the list.
                if let (List(l), BinaryOpKind::Add) = (a, base) {
                    let _ = iname;
                    let items = self.iter_to_vec(b).map_err(|_| {
                        self.type_error(format!("'{}' object is not iterable", self.type_name(b)))
                    })?;
                    l.items.borrow_mut().extend(items);
                    return Ok(a.clone());
                }
                if let (
                    Set(s),
                    BinaryOpKind::Or | BinaryOpKind::And | BinaryOpKind::Sub | BinaryOpKind::Xor,
                ) = (a, base)
                {
                    if !s.frozen {
                        if let Set(o) = b {
                            if Rc::ptr_eq(s, o) {
                                if matches!(base, BinaryOpKind::Sub | BinaryOpKind::Xor) {
                                    s.t.borrow_mut().clear();
                                }
                                return Ok(a.clone());
                            }
                            let other = o.t.borrow();
                            let mut me = s.t.borrow_mut();
                            let eq = super::dict::set_key_eq;
                            let _ = match base {
                                BinaryOpKind::Or => me.merge(&other, eq),
                                BinaryOpKind::And => me.intersection_update(&other, eq),
                                BinaryOpKind::Sub => me.difference_update(&other, eq),
                                _ => me.symmetric_difference_update(&other, eq),
                            };
                            return Ok(a.clone());
                        }
                    }
                }
                if let (Dict(d), BinaryOpKind::Or) = (a, base) {
                    if let Dict(o) = b {
                        let items = o.t.borrow().items();
                        for (k, v) in items {
                            self.dict_set(d, k, v)?;
                        }
                        return Ok(a.clone());
                    }
                }
            }
            if let Some(r) = self.builtin_binop(a, b, base)? {
                return Ok(r);
            }
        } else {
            if let Some(iname) = iname {
                if a_inst {
                    if let Some(r) = self.call_dunder(a, iname, &[b.clone()])? {
                        if !matches!(r, NotImplemented) {
                            return Ok(r);
                        }
                    }
                }
            }
            let ta = self.type_of(a);
            let tb = self.type_of(b);
            let reflected_first = b_inst && !Rc::ptr_eq(&ta, &tb) && tb.is_subtype(&ta);
            if reflected_first {
                if let Some(r) = self.call_dunder(b, rname, &[a.clone()])? {
                    if !matches!(r, NotImplemented) {
                        return Ok(r);
                    }
                }
            }
            if a_inst {
                if let Some(r) = self.call_dunder(a, name, &[b.clone()])? {
                    if !matches!(r, NotImplemented) {
                        return Ok(r);
                    }
                }
            } else if let Some(r) = self.builtin_binop(a, b, base)? {
                return Ok(r);
            }
            if b_inst && !reflected_first && !Rc::ptr_eq(&ta, &tb) {
                if let Some(r) = self.call_dunder(b, rname, &[a.clone()])? {
                    if !matches!(r, NotImplemented) {
                        return Ok(r);
                    }
                }
            }
        }
        // A built-in's subclass instance on either side the slots did not handle: the
        // built-in operation on the values they carry (`"a" + S("b")`).
        let (pa, pb) = (super::subclass::payload(a), super::subclass::payload(b));
        if pa.is_some() || pb.is_some() {
            let (x, y) = (super::subclass::unwrap(a), super::subclass::unwrap(b));
            if !matches!(x, Instance(_) | Native(_)) && !matches!(y, Instance(_) | Native(_)) {
                if let Some(r) = self.builtin_binop(&x, &y, base)? {
                    return Ok(r);
                }
            }
        }
        // Error messages as CPython words them.
        if base == BinaryOpKind::Add {
            if let Str(_) = a {
                return Err(self.type_error(format!(
                    "can only concatenate str (not \"{}\") to str",
                    self.type_name(b)
                )));
            }
            if let List(_) = a {
                return Err(self.type_error(format!(
                    "can only concatenate list (not \"{}\") to list",
                    self.type_name(b)
                )));
            }
            if let Tuple(_) = a {
                return Err(self.type_error(format!(
                    "can only concatenate tuple (not \"{}\") to tuple",
                    self.type_name(b)
                )));
            }
            if let Bytes(_) = a {
                return Err(self.type_error(format!("can't concat {} to bytes", self.type_name(b))));
            }
        }
        if base == BinaryOpKind::Mul {
            let seq = |v: &Value| matches!(v, Str(_) | List(_) | Tuple(_) | Bytes(_));
            // CPython falls back to sq_repeat of whichever operand is a sequence.
            let other = if seq(a) {
                Some(self.type_name(b))
            } else if seq(b) {
                Some(self.type_name(a))
            } else {
                Option::None
            };
            if let Some(other) = other {
                return Err(self.type_error(format!(
                    "can't multiply sequence by non-int of type '{other}'"
                )));
            }
        }
        let class_or_none = |v: &Value| matches!(v, Type(_) | Value::None);
        if base == BinaryOpKind::Or
            && class_or_none(a)
            && class_or_none(b)
            && !matches!((a, b), (Value::None, Value::None))
        {
            return crate::modules::types::make_union(self, a, b);
        }
        if base == BinaryOpKind::Pow {
            return Err(self.type_error(format!(
                "unsupported operand type(s) for {}: '{}' and '{}'",
                if iname.is_some() {
                    "**="
                } else {
                    "** or pow()"
                },
                self.type_name(a),
                self.type_name(b)
            )));
        }
        Err(self.type_error(format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            binop_symbol(kind),
            self.type_name(a),
            self.type_name(b)
        )))
    }

    fn builtin_binop(&mut self, a: &Value, b: &Value, op: BinaryOpKind) -> PyResult<Option<Value>> {
        use BinaryOpKind as K;
        use Value::*;
        // bool is an int subclass: `"ab" * True` repeats once.
        if op == K::Mul {
            match (a, b) {
                (Bool(x), Str(_) | List(_) | Tuple(_) | Bytes(_)) => {
                    return self.builtin_binop(&Int(*x as i64), b, op)
                }
                (Str(_) | List(_) | Tuple(_) | Bytes(_), Bool(y)) => {
                    return self.builtin_binop(a, &Int(*y as i64), op)
                }
                _ => {}
            }
        }
        Ok(Some(match (a, b, op) {
            (Str(x), Str(y), K::Add) => {
                self.check_alloc(x.s.len() + y.s.len())?;
                let mut s = String::with_capacity(x.s.len() + y.s.len());
                s.push_str(&x.s);
                s.push_str(&y.s);
                Value::string(s)
            }
            (Str(x), Int(n), K::Mul) | (Int(n), Str(x), K::Mul) => {
                let n = (*n).max(0) as usize;
                self.check_alloc(x.s.len().saturating_mul(n))?;
                Value::string(x.s.repeat(n))
            }
            (Str(_) | List(_) | Tuple(_) | Bytes(_), Long(_), K::Mul)
            | (Long(_), Str(_) | List(_) | Tuple(_) | Bytes(_), K::Mul) => {
                // Either sign: the count must become a Py_ssize_t first.
                return Err(self.new_error(
                    ExcKind::OverflowError,
                    "cannot fit 'int' into an index-sized integer",
                ));
            }
            (Str(_), _, K::Mod) => return self.percent_format(a, b).map(Some),
            (Bytes(_), _, K::Mod) => return self.bytes_percent_format(a, b).map(Some),
            (List(x), List(y), K::Add) => {
                let n = x.items.borrow().len() + y.items.borrow().len();
                self.check_alloc_values(n)?;
                let mut v = x.items.borrow().clone();
                v.extend(y.items.borrow().iter().cloned());
                Value::list(v)
            }
            (List(x), Int(n), K::Mul) | (Int(n), List(x), K::Mul) => {
                let items = x.items.borrow();
                let n = (*n).max(0) as usize;
                self.check_alloc_values(items.len().saturating_mul(n))?;
                let mut v = Vec::with_capacity(items.len() * n);
                match &items[..] {
                    // `[True] * n`: a plain value is copied bit for bit, a tight store loop
                    // where `clone` tests each copy's tag.
                    [x] if x.is_plain() => {
                        // SAFETY: a plain value owns no heap reference, so a bitwise copy is
                        // a clone.
                        v.extend((0..n).map(|_| unsafe { std::ptr::read(x) }));
                    }
                    _ => {
                        for _ in 0..n {
                            v.extend(items.iter().cloned());
                        }
                    }
                }
                Value::list(v)
            }
            (Tuple(x), Tuple(y), K::Add) => {
                let n = x.items.len() + y.items.len();
                self.check_alloc_values(n)?;
                let mut v = x.items.to_vec();
                v.extend(y.items.iter().cloned());
                Value::tuple(v)
            }
            (Tuple(x), Int(n), K::Mul) | (Int(n), Tuple(x), K::Mul) => {
                let n = (*n).max(0) as usize;
                self.check_alloc_values(x.items.len().saturating_mul(n))?;
                let mut v = Vec::with_capacity(x.items.len() * n);
                for _ in 0..n {
                    v.extend(x.items.iter().cloned());
                }
                Value::tuple(v)
            }
            (Bytes(x), Int(n), K::Mul) | (Int(n), Bytes(x), K::Mul) => {
                let n = (*n).max(0) as usize;
                self.check_alloc(x.b.len().saturating_mul(n))?;
                Value::Bytes(Rc::new(super::value::PyBytes {
                    b: x.b.repeat(n).into_boxed_slice(),
                }))
            }
            (Bytes(x), Bytes(y), K::Add) => {
                self.check_alloc(x.b.len() + y.b.len())?;
                let mut v = x.b.to_vec();
                v.extend_from_slice(&y.b);
                Value::Bytes(Rc::new(super::value::PyBytes {
                    b: v.into_boxed_slice(),
                }))
            }
            (Dict(x), Dict(y), K::Or) => {
                let d = PyDict::new();
                for (k, v) in x.t.borrow().items().into_iter().chain(y.t.borrow().items()) {
                    self.dict_set(&d, k, v)?;
                }
                Value::Dict(Rc::new(d))
            }
            (Set(x), Set(y), K::Or | K::And | K::Sub | K::Xor) => {
                let frozen = x.frozen;
                let eq = super::dict::set_key_eq;
                let (xt, yt) = (x.t.borrow(), y.t.borrow());
                let same = Rc::ptr_eq(x, y);
                let r = match op {
                    K::Or => {
                        if same {
                            Ok(xt.copy())
                        } else {
                            xt.union(&yt, eq)
                        }
                    }
                    K::And => {
                        if same {
                            Ok(xt.copy())
                        } else {
                            xt.intersection(&yt, eq)
                        }
                    }
                    K::Sub => xt.difference(&yt, eq),
                    _ => xt.symmetric_difference(&yt, eq),
                };
                let t = r.unwrap_or_default();
                Value::Set(Rc::new(PySet::from_table(frozen, t)))
            }
            _ => return Ok(Option::None),
        }))
    }

    pub fn int_op(&mut self, x: i64, y: i64, op: BinaryOpKind) -> PyResult<Value> {
        use BinaryOpKind as K;
        let r = match op {
            K::Add => x.checked_add(y),
            K::Sub => x.checked_sub(y),
            K::Mul => x.checked_mul(y),
            K::TrueDiv => {
                // Correctly rounded past 2**53, as CPython.
                return super::numeric::int_truediv(x, y)
                    .map(Value::Float)
                    .map_err(|e| self.num_err(e));
            }
            K::FloorDiv => {
                if y == 0 {
                    return Err(self.zero_div("integer division or modulo by zero"));
                }
                py_floordiv(x, y)
            }
            K::Mod => {
                if y == 0 {
                    return Err(self.zero_div("integer modulo by zero"));
                }
                py_mod(x, y)
            }
            K::Pow => {
                if y < 0 {
                    if x == 0 {
                        return Err(self.zero_div("0.0 cannot be raised to a negative power"));
                    }
                    return Ok(Value::Float((x as f64).powf(y as f64)));
                }
                let e = u32::try_from(y).ok();
                match e {
                    Some(e) => x.checked_pow(e),
                    None => {
                        if x == 0 || x == 1 {
                            Some(x)
                        } else if x == -1 {
                            Some(if y % 2 == 0 { 1 } else { -1 })
                        } else {
                            None
                        }
                    }
                }
            }
            K::LShift => {
                if y < 0 {
                    return Err(self.value_error("negative shift count"));
                }
                if x == 0 {
                    Some(0)
                } else if y >= 63 {
                    None
                } else {
                    let r = x << y;
                    if r >> y == x {
                        Some(r)
                    } else {
                        None
                    }
                }
            }
            K::RShift => {
                if y < 0 {
                    return Err(self.value_error("negative shift count"));
                }
                Some(if y >= 64 {
                    if x < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    x >> y
                })
            }
            K::And => Some(x & y),
            K::Or => Some(x | y),
            K::Xor => Some(x ^ y),
            K::MatMul => {
                return Err(self.type_error("unsupported operand type(s) for @: 'int' and 'int'"))
            }
            _ => return self.int_op(x, y, binop_base(op).0),
        };
        match r {
            Some(v) => Ok(Value::Int(v)),
            // Past i64: the exact result as a big int.
            None => self.long_op(&Value::Int(x), &Value::Int(y), op),
        }
    }

    /// A numeric helper's error as the exception it names.
    pub fn num_err(&self, e: super::numeric::PyErr) -> super::Exc {
        super::render::numeric_err(self, e)
    }

    /// `a op b` for ints where one is big or the i64 result overflowed.
    #[inline(never)]
    pub fn long_op(&mut self, a: &Value, b: &Value, op: BinaryOpKind) -> PyResult<Value> {
        use super::long;
        use BinaryOpKind as K;
        let (Some(x), Some(y)) = (long::to_big(a), long::to_big(b)) else {
            return Err(self.type_error("unsupported operand type(s)"));
        };
        let r = match op {
            K::Add => Ok(long::add(&x, &y)),
            K::Sub => Ok(long::sub(&x, &y)),
            K::Mul => long::mul(&x, &y),
            K::TrueDiv => long::truediv(&x, &y).map(Value::Float),
            K::FloorDiv => long::floordiv(&x, &y),
            K::Mod => long::rem(&x, &y),
            K::Pow => long::pow(&x, &y),
            K::LShift => long::lshift(&x, &y),
            K::RShift => long::rshift(&x, &y),
            K::And => Ok(long::norm(x & y)),
            K::Or => Ok(long::norm(x | y)),
            K::Xor => Ok(long::norm(x ^ y)),
            K::MatMul => {
                return Err(self.type_error(format!(
                    "unsupported operand type(s) for @: '{}' and '{}'",
                    self.type_name(a),
                    self.type_name(b)
                )))
            }
            _ => return self.long_op(a, b, binop_base(op).0),
        };
        r.map_err(|e| self.num_err(e))
    }

    pub fn float_op(&mut self, x: f64, y: f64, op: BinaryOpKind) -> PyResult<Value> {
        use BinaryOpKind as K;
        Ok(Value::Float(match op {
            K::Add => x + y,
            K::Sub => x - y,
            K::Mul => x * y,
            K::TrueDiv => {
                if y == 0.0 {
                    return Err(self.zero_div("float division by zero"));
                }
                x / y
            }
            K::FloorDiv => {
                if y == 0.0 {
                    return Err(self.zero_div("float floor division by zero"));
                }
                float_floordiv(x, y)
            }
            K::Mod => {
                if y == 0.0 {
                    return Err(self.zero_div("float modulo"));
                }
                float_mod(x, y)
            }
            K::Pow => {
                if x == 0.0 && y < 0.0 {
                    return Err(self.zero_div("0.0 cannot be raised to a negative power"));
                }
                if x < 0.0 && y.fract() != 0.0 {
                    return Err(
                        self.value_error("math domain error: complex results are not supported")
                    );
                }
                let r = x.powf(y);
                if r.is_infinite() && x.is_finite() && y.is_finite() {
                    return Err(self.new_error(
                        ExcKind::OverflowError,
                        "(34, 'Numerical result out of range')",
                    ));
                }
                r
            }
            _ => {
                let base = binop_base(op).0;
                if base != op {
                    return self.float_op(x, y, base);
                }
                return Err(self.type_error(format!(
                    "unsupported operand type(s) for {}: 'float' and 'float'",
                    binop_symbol(op)
                )));
            }
        }))
    }

    pub fn unary_negative(&mut self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Int(i) => Ok(match i.checked_neg() {
                Some(n) => Value::Int(n),
                None => super::long::norm(-num_bigint::BigInt::from(*i)),
            }),
            Value::Long(b) => Ok(super::long::norm(-(**b).clone())),
            Value::Bool(b) => Ok(Value::Int(-(*b as i64))),
            Value::Float(f) => Ok(Value::Float(-f)),
            _ => match self.call_dunder(v, "__neg__", &[])? {
                Some(r) => Ok(r),
                None => Err(self.type_error(format!(
                    "bad operand type for unary -: '{}'",
                    self.type_name(v)
                ))),
            },
        }
    }
    pub fn unary_positive(&mut self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Int(_) | Value::Float(_) | Value::Long(_) => Ok(v.clone()),
            Value::Bool(b) => Ok(Value::Int(*b as i64)),
            _ => match self.call_dunder(v, "__pos__", &[])? {
                Some(r) => Ok(r),
                None => Err(self.type_error(format!(
                    "bad operand type for unary +: '{}'",
                    self.type_name(v)
                ))),
            },
        }
    }
    pub fn unary_invert(&mut self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Int(i) => Ok(Value::Int(!i)),
            Value::Long(b) => Ok(super::long::norm(!(**b).clone())),
            Value::Bool(b) => Ok(Value::Int(!(*b as i64))),
            _ => match self.call_dunder(v, "__invert__", &[])? {
                Some(r) => Ok(r),
                None => Err(self.type_error(format!(
                    "bad operand type for unary ~: '{}'",
                    self.type_name(v)
                ))),
            },
        }
    }

    // ------------------------------------------------------------ attributes

    /// Bind a class attribute found on `cls` to `obj` (functions become bound methods,
    /// classmethods bind to the class, properties call their getter).
    pub fn bind_descr(&mut self, d: Value, obj: &Value, cls: &Rc<PyType>) -> PyResult<Value> {
        match &d {
            Value::Func(_) => Ok(Value::Method(Rc::new(PyMethod {
                func: d,
                slf: obj.clone(),
            }))),
            // A module's built-in function (`time.localtime` as a class attribute) is not a
            // descriptor in CPython: only methods of types bind.
            Value::Builtin(b) if b.is_module_function() => Ok(d.clone()),
            Value::Builtin(b) if b.bound.is_none() => Ok(Value::Builtin(Rc::new(PyBuiltin {
                name: b.name.clone(),
                imp: b.imp.clone(),
                // A built-in's method works on the built-in value a subclass instance
                // carries; its slot methods (dunders) take the instance itself.
                bound: Some(match super::subclass::payload(obj) {
                    Some(p) if !b.name.starts_with("__") => p.clone(),
                    _ => obj.clone(),
                }),
                special: b.special,
                owner: b.owner.clone(),
                module: b.module.clone(),
            }))),
            Value::Native(n) => match &n.data {
                NativeData::StaticMethod(f) => Ok(f.clone()),
                NativeData::ClassMethod(f) => Ok(Value::Method(Rc::new(PyMethod {
                    func: f.clone(),
                    slf: Value::Type(cls.clone()),
                }))),
                NativeData::Property { fget, .. } => {
                    if fget.is_none() {
                        return Err(self.attr_error("unreadable attribute"));
                    }
                    let fget = fget.clone();
                    self.call(&fget, &[obj.clone()], &[])
                }
                NativeData::GetSet { get, .. } => match super::subclass::payload(obj) {
                    Some(p) => get(self, &p.clone()),
                    None => get(self, obj),
                },
                _ => Ok(d.clone()),
            },
            Value::Instance(_) => {
                let t = self.type_of(&d);
                if t.lookup("__get__").is_some() {
                    let r =
                        self.call_dunder(&d, "__get__", &[obj.clone(), Value::Type(cls.clone())])?;
                    return Ok(r.unwrap_or(Value::None));
                }
                Ok(d.clone())
            }
            _ => Ok(d.clone()),
        }
    }

    fn is_data_descr(&self, d: &Value) -> bool {
        match d {
            Value::Native(n) => matches!(
                n.data,
                NativeData::Property { .. } | NativeData::GetSet { .. }
            ),
            Value::Instance(i) => {
                let c = i.class();
                c.lookup("__set__").is_some() || c.lookup("__delete__").is_some()
            }
            _ => false,
        }
    }

    pub fn getattr_str(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        let n = Value::str(name);
        self.getattr(obj, &n)
    }

    /// `getattr(obj, name)`; `name` is a str value.
    pub fn getattr(&mut self, obj: &Value, name: &Value) -> PyResult<Value> {
        match self.getattr_opt(obj, name)? {
            Some(v) => Ok(v),
            None => {
                let n = name.as_str().unwrap_or("?");
                Err(self.no_attr(obj, n))
            }
        }
    }

    pub fn no_attr(&mut self, obj: &Value, n: &str) -> super::Exc {
        if let Some(origin) = self.generic_alias_missing(obj, n) {
            return self.no_attr(&origin, n);
        }
        let msg = match obj {
            Value::Module(m) => format!("module '{}' has no attribute '{}'", m.name, n),
            Value::Type(t) => format!("type object '{}' has no attribute '{}'", t.tp_name(), n),
            _ => format!("'{}' object has no attribute '{}'", self.type_name(obj), n),
        };
        let e = self.attr_error(msg);
        e.dict.borrow_mut().set("name", Value::str(n));
        e.dict.borrow_mut().set("obj", obj.clone());
        e
    }

    /// Attribute lookup that returns `None` instead of raising AttributeError for a missing
    /// attribute (other errors propagate).
    pub fn getattr_opt(&mut self, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
        let Value::Str(ps) = name else {
            return Err(self.type_error(format!(
                "attribute name must be string, not '{}'",
                self.type_name(name)
            )));
        };
        // The shared buffer when there is one: map keys made from it match by pointer.
        let n: &str = ps.key_str();
        match obj {
            Value::Instance(inst) => {
                let cls = inst.class();
                if cls.has_flag(tflags::GETATTRIBUTE) {
                    if let Some(f) = cls.lookup("__getattribute__") {
                        match self.call_descr(&f, obj, &cls, &[name.clone()]) {
                            Ok(v) => return Ok(Some(v)),
                            Err(e) if self.exc_matches(&e, ExcKind::AttributeError) => {
                                return self.try_getattr_hook(obj, &cls, name, Some(e));
                            }
                            Err(e) => return Err(e),
                        }
                    }
                }
                let descr = cls.lookup_ps(ps);
                if let Some(d) = &descr {
                    if self.is_data_descr(d) {
                        return match self.bind_descr(d.clone(), obj, &cls) {
                            Ok(v) => Ok(Some(v)),
                            Err(e) if self.exc_matches(&e, ExcKind::AttributeError) => {
                                self.try_getattr_hook(obj, &cls, name, Some(e))
                            }
                            Err(e) => Err(e),
                        };
                    }
                }
                if let Some(v) = inst.dict.borrow().get_ps(ps) {
                    return Ok(Some(v.clone()));
                }
                if let Some(d) = descr {
                    return self.bind_descr(d, obj, &cls).map(Some);
                }
                if n == "__dict__" {
                    if !self.has_instance_dict(&cls) {
                        return self.try_getattr_hook(obj, &cls, name, None);
                    }
                    let d = super::live_dict::dict_of(super::live_dict::DictOf::Inst(inst));
                    return Ok(Some(Value::Dict(d)));
                }
                if n == "__class__" {
                    return Ok(Some(Value::Type(cls)));
                }
                self.try_getattr_hook(obj, &cls, name, None)
            }
            Value::Type(t) => self.type_getattr(t, n),
            Value::Module(m) => {
                if let Some(v) = m.dict.get_pystr(ps) {
                    return Ok(Some(v));
                }
                if n == "__dict__" {
                    return Ok(Some(Value::Dict(m.dict.clone())));
                }
                // PEP 562: a module-level __getattr__ answers for missing names (asyncio
                // loads its streams and transports this way, on first use).
                if let Some(ga) = m.dict.get_str("__getattr__") {
                    if !n.starts_with("__") {
                        return self.call(&ga, &[Value::str(n)], &[]).map(Some);
                    }
                }
                Ok(None)
            }
            Value::Func(f) => {
                if let Some(v) = f.dict.borrow().get(n) {
                    return Ok(Some(v.clone()));
                }
                let cls = self.type_of(obj);
                match cls.lookup(n) {
                    Some(d) => self.bind_descr(d, obj, &cls).map(Some),
                    None => Ok(None),
                }
            }
            Value::Native(nobj) if matches!(nobj.data, NativeData::GenericAlias { .. }) => {
                self.generic_alias_getattr(obj, name)
            }
            Value::Native(nobj) if matches!(nobj.data, NativeData::Super { .. }) => {
                let nobj = nobj.clone();
                if let Some(v) = self.super_getattr(&nobj, n)? {
                    return Ok(Some(v));
                }
                if n == "__class__" {
                    return Ok(Some(Value::Type(self.types.super_.clone())));
                }
                Ok(None)
            }
            Value::Method(m) => {
                let cls = self.type_of(obj);
                match cls.lookup(n) {
                    Some(d) => self.bind_descr(d, obj, &cls).map(Some),
                    None => {
                        let f = m.func.clone();
                        self.getattr_opt(&f, name)
                    }
                }
            }
            _ => {
                let cls = self.type_of(obj);
                match cls.lookup(n) {
                    Some(d) => self.bind_descr(d, obj, &cls).map(Some),
                    None => {
                        if n == "__class__" {
                            return Ok(Some(Value::Type(cls)));
                        }
                        Ok(self.slot_descr_attr(obj, n))
                    }
                }
            }
        }
    }

    fn try_getattr_hook(
        &mut self,
        obj: &Value,
        cls: &Rc<PyType>,
        name: &Value,
        err: Option<super::Exc>,
    ) -> PyResult<Option<Value>> {
        if cls.has_flag(tflags::GETATTR) {
            if let Some(f) = cls.lookup("__getattr__") {
                return match self.call_descr(&f, obj, cls, &[name.clone()]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) => Err(e),
                };
            }
        }
        match err {
            Some(e) => Err(e),
            None => Ok(None),
        }
    }

    fn type_getattr(&mut self, t: &Rc<PyType>, n: &str) -> PyResult<Option<Value>> {
        if let Some(d) = t.lookup(n) {
            return Ok(Some(match &d {
                Value::Native(nobj) => match &nobj.data {
                    NativeData::StaticMethod(f) => f.clone(),
                    NativeData::ClassMethod(f) => Value::Method(Rc::new(PyMethod {
                        func: f.clone(),
                        slf: Value::Type(t.clone()),
                    })),
                    NativeData::Property { .. } | NativeData::GetSet { .. } => {
                        // Accessing a property on the class gives the property itself, unless
                        // it is a metatype attribute (handled below).
                        match n {
                            "__name__" | "__qualname__" | "__module__" | "__doc__" => {
                                return self.type_special_attr(t, n)
                            }
                            _ => d.clone(),
                        }
                    }
                    _ => d.clone(),
                },
                Value::Instance(_) => {
                    let dt = self.type_of(&d);
                    if dt.lookup("__get__").is_some() {
                        self.call_dunder(&d, "__get__", &[Value::None, Value::Type(t.clone())])?
                            .unwrap_or(Value::None)
                    } else {
                        d.clone()
                    }
                }
                _ => d.clone(),
            }));
        }
        if let Some(v) = self.type_special_attr(t, n)? {
            return Ok(Some(v));
        }
        if n == "__class_getitem__" {
            if let Some(m) = super::generic_alias::class_getitem_method(self, t) {
                return Ok(Some(m));
            }
        }
        // Methods of the metaclass (`type` itself: mro, __subclasses__...).
        let meta = self.type_of(&Value::Type(t.clone()));
        if let Some(d) = meta.lookup(n) {
            return self.bind_descr(d, &Value::Type(t.clone()), &meta).map(Some);
        }
        Ok(None)
    }

    fn type_special_attr(&mut self, t: &Rc<PyType>, n: &str) -> PyResult<Option<Value>> {
        Ok(Some(match n {
            "__name__" => Value::str(&t.name()),
            "__qualname__" => Value::str(&t.qualname.borrow()),
            "__module__" => {
                if let Some(v) = t.dict.borrow().get("__module__") {
                    return Ok(Some(v.clone()));
                }
                Value::str(&t.module.borrow())
            }
            "__mro__" => Value::tuple(t.mro().into_iter().map(Value::Type).collect()),
            "__bases__" => Value::tuple(t.bases.iter().cloned().map(Value::Type).collect()),
            "__base__" => t
                .bases
                .first()
                .cloned()
                .map(Value::Type)
                .unwrap_or(Value::None),
            "__dict__" => self.class_dict_proxy(t),
            "__doc__" => Value::None,
            "__class__" => Value::Type(self.type_of(&Value::Type(t.clone()))),
            _ => return Ok(self.type_new_descriptor_attr(t, n)),
        }))
    }

    pub fn setattr(&mut self, obj: &Value, name: &Value, v: Value) -> PyResult<()> {
        if let Value::Type(_) = obj {
            if self.has_meta_dunder(obj, "__setattr__") {
                self.call_dunder(obj, "__setattr__", &[name.clone(), v])?;
                return Ok(());
            }
        }
        self.setattr_plain(obj, name, v)
    }

    /// `setattr` without a metaclass `__setattr__` (what `object.__setattr__` does).
    pub fn setattr_plain(&mut self, obj: &Value, name: &Value, v: Value) -> PyResult<()> {
        let n = match name {
            Value::Str(ps) => ps.key_str(),
            _ => "",
        };
        match obj {
            Value::Instance(inst) => {
                let cls = inst.class();
                if cls.has_flag(tflags::SETATTR) {
                    if let Some(f) = cls.lookup("__setattr__") {
                        if !matches!(f, Value::Builtin(_)) {
                            self.call_descr(&f, obj, &cls, &[name.clone(), v])?;
                            return Ok(());
                        }
                    }
                }
                self.generic_setattr(inst, &cls, obj, n, v)
            }
            Value::Type(t) => {
                if t.builtin {
                    return Err(self.type_error(format!(
                        "cannot set '{}' attribute of immutable type '{}'",
                        n,
                        t.name()
                    )));
                }
                match n {
                    "__name__" => {
                        if let Value::Str(s) = &v {
                            *t.name.borrow_mut() = Rc::from(&*s.s);
                        }
                    }
                    "__qualname__" => {
                        if let Value::Str(s) = &v {
                            *t.qualname.borrow_mut() = Rc::from(&*s.s);
                        }
                    }
                    _ => {}
                }
                t.dict.borrow_mut().set(n, v);
                super::builtins::update_type_flags(t);
                Ok(())
            }
            Value::Func(f) => {
                match n {
                    "__name__" => {
                        if let Value::Str(s) = &v {
                            *f.name.borrow_mut() = Rc::from(&*s.s);
                        }
                    }
                    "__qualname__" => {
                        if let Value::Str(s) = &v {
                            *f.qualname.borrow_mut() = Rc::from(&*s.s);
                        }
                    }
                    "__defaults__" => {
                        *f.defaults.borrow_mut() = match &v {
                            Value::Tuple(t) => t.items.to_vec(),
                            _ => vec![],
                        };
                    }
                    "__annotations__" if !matches!(v, Value::Dict(_)) => {
                        return Err(self.type_error("__annotations__ must be set to a dict object"));
                    }
                    "__dict__" => return self.set_dict_of(super::live_dict::DictOf::Func(f), &v),
                    _ => {
                        f.dict.borrow_mut().set(n, v);
                    }
                }
                Ok(())
            }
            Value::Module(m) => {
                m.dict.set_str(n, v);
                Ok(())
            }
            _ => {
                let cls = self.type_of(obj);
                if let Some(Value::Native(d)) = cls.lookup(n) {
                    if let NativeData::GetSet { set: Some(set), .. } = &d.data {
                        return set(self, obj, v);
                    }
                }
                Err(self.attr_error(format!(
                    "'{}' object has no attribute '{}'",
                    self.type_name(obj),
                    n
                )))
            }
        }
    }

    /// `object.__setattr__`.
    pub fn generic_setattr(
        &mut self,
        inst: &Rc<super::object::PyInstance>,
        cls: &Rc<PyType>,
        obj: &Value,
        n: &str,
        v: Value,
    ) -> PyResult<()> {
        if let Some(d) = cls.lookup(n) {
            match &d {
                Value::Native(nd) => match &nd.data {
                    NativeData::Property { fset, .. } => {
                        if fset.is_none() {
                            return Err(self.attr_error(format!(
                                "property '{}' of '{}' object has no setter",
                                n,
                                cls.name()
                            )));
                        }
                        let fset = fset.clone();
                        self.call(&fset, &[obj.clone(), v], &[])?;
                        return Ok(());
                    }
                    NativeData::GetSet { set, .. } => {
                        return match set {
                            Some(set) => set(self, obj, v),
                            None => Err(self.attr_error(format!(
                                "attribute '{}' of '{}' objects is not writable",
                                n,
                                cls.name()
                            ))),
                        };
                    }
                    _ => {}
                },
                Value::Instance(_) if self.type_of(&d).lookup("__set__").is_some() => {
                    self.call_dunder(&d, "__set__", &[obj.clone(), v])?;
                    return Ok(());
                }
                _ => {}
            }
        }
        if n == "__class__" {
            if let Value::Type(t) = &v {
                *inst.cls.borrow_mut() = t.clone();
                return Ok(());
            }
            return Err(self.type_error(format!(
                "__class__ must be set to a class, not '{}' object",
                self.type_name(&v)
            )));
        }
        const SLOTS_HASH: u32 = hash_str("__slots__") as u32;
        // A bare `object()` has no `__dict__` either (students use one as a sentinel).
        let bare_object = Rc::ptr_eq(cls, &self.types.object);
        if bare_object
            || cls.dict.borrow().get_h("__slots__", SLOTS_HASH).is_some()
                && !self.slots_allow(cls, n)
        {
            return Err(self.attr_error(format!(
                "'{}' object has no attribute '{}'",
                cls.name(),
                n
            )));
        }
        if n == "__dict__" {
            return self.set_dict_of(super::live_dict::DictOf::Inst(inst), &v);
        }
        inst.dict.borrow_mut().set(n, v);
        Ok(())
    }

    /// Whether instances of `cls` have a `__dict__`: `object()` and fully slotted classes do
    /// not.
    pub(crate) fn has_instance_dict(&self, cls: &Rc<PyType>) -> bool {
        !(Rc::ptr_eq(cls, &self.types.object)
            || (cls.dict.borrow().get("__slots__").is_some() && !self.slots_allow(cls, "__dict__")))
    }

    /// Whether `__slots__` lets an instance of `cls` store `n`: CPython gives instances a
    /// `__dict__` unless every class of the MRO (but object) declares slots without it.
    fn slots_allow(&self, cls: &Rc<PyType>, n: &str) -> bool {
        for c in cls.mro() {
            // Built-in bases (tuple, list, ...) give their instances no `__dict__` either.
            if Rc::ptr_eq(&c, &self.types.object) || c.layout == super::object::Layout::Builtin {
                continue;
            }
            let slots = c.dict.borrow().get("__slots__").cloned();
            let names: Vec<Value> = match slots {
                None => return true,
                Some(Value::Str(s)) => vec![Value::Str(s)],
                Some(Value::Tuple(t)) => t.items.to_vec(),
                Some(Value::List(l)) => l.items.borrow().clone(),
                Some(_) => return true,
            };
            for name in names {
                if let Value::Str(s) = name {
                    if &*s.s == n || &*s.s == "__dict__" {
                        return true;
                    }
                }
            }
        }
        false
    }

    pub fn delattr(&mut self, obj: &Value, name: &Value) -> PyResult<()> {
        if let Value::Type(_) = obj {
            if self.has_meta_dunder(obj, "__delattr__") {
                self.call_dunder(obj, "__delattr__", &[name.clone()])?;
                return Ok(());
            }
        }
        self.delattr_plain(obj, name)
    }

    /// `delattr` without a metaclass `__delattr__` (what `object.__delattr__` does).
    pub fn delattr_plain(&mut self, obj: &Value, name: &Value) -> PyResult<()> {
        let n = name.as_str().unwrap_or("");
        match obj {
            Value::Instance(inst) => {
                let cls = inst.class();
                if cls.has_flag(tflags::DELATTR) {
                    if let Some(f) = cls.lookup("__delattr__") {
                        if !matches!(f, Value::Builtin(_)) {
                            self.call_descr(&f, obj, &cls, &[name.clone()])?;
                            return Ok(());
                        }
                    }
                }
                if let Some(Value::Native(d)) = cls.lookup(n) {
                    if let NativeData::Property { fdel, .. } = &d.data {
                        if fdel.is_none() {
                            return Err(self.attr_error(format!(
                                "property '{}' of '{}' object has no deleter",
                                n,
                                cls.name()
                            )));
                        }
                        let fdel = fdel.clone();
                        self.call(&fdel, &[obj.clone()], &[])?;
                        return Ok(());
                    }
                }
                if inst.dict.borrow_mut().remove(n).is_none() {
                    if n == "__dict__" && self.has_instance_dict(&cls) {
                        return self.del_dict_of(inst);
                    }
                    return Err(self.no_attr(obj, n));
                }
                Ok(())
            }
            Value::Type(t) if !t.builtin => {
                if t.dict.borrow_mut().remove(n).is_none() {
                    return Err(self.no_attr(obj, n));
                }
                super::builtins::update_type_flags(t);
                Ok(())
            }
            Value::Func(f) => {
                if n == "__dict__" {
                    return Err(self.cannot_delete_dict());
                }
                f.dict.borrow_mut().remove(n);
                Ok(())
            }
            Value::Module(m) => {
                if m.dict.remove_str(n).is_none() {
                    return Err(self.no_attr(obj, n));
                }
                Ok(())
            }
            _ => Err(self.no_attr(obj, n)),
        }
    }

    /// For `LoadMethod`: `Some((function, self))` when `name` is a plain function or built-in
    /// method on the type and not shadowed by the instance dict (no bound method allocated).
    pub fn lookup_method(&mut self, obj: &Value, name: &str) -> Option<Value> {
        self.lookup_method_h(obj, name, super::object::name_hash(name))
    }

    /// `lookup_method` for an attribute name str (through the type attribute cache).
    #[inline]
    pub fn lookup_method_ps(&mut self, obj: &Value, name: &PyStr) -> Option<Value> {
        let found = match obj {
            Value::Instance(i) => {
                let cls = i.cls.borrow();
                if cls.has_flag(tflags::GETATTRIBUTE) || i.dict.borrow().contains_ps(name) {
                    return None;
                }
                let found = cls.lookup_ps(name);
                // Built-in methods of a built-in's subclass bind to the payload (getattr).
                if matches!(i.ext, super::object::Ext::Builtin(_))
                    && matches!(found, Some(Value::Builtin(_)))
                {
                    return None;
                }
                found
            }
            Value::Type(_) | Value::Module(_) | Value::Func(_) | Value::Method(_) => return None,
            Value::Native(n) if matches!(n.data, NativeData::Super { .. }) => return None,
            _ => match self.type_ref(obj) {
                Some(t) => t.lookup_ps(name),
                None => self.type_of(obj).lookup_ps(name),
            },
        };
        match found {
            Some(f @ Value::Func(_)) => Some(f),
            Some(Value::Builtin(b)) if b.bound.is_none() && !b.is_module_function() => {
                Some(Value::Builtin(b))
            }
            _ => None,
        }
    }

    /// The type of a value that is not an instance, borrowed (`type_of` without the clone).
    #[inline]
    pub fn type_ref<'a>(&'a self, v: &'a Value) -> Option<&'a Rc<PyType>> {
        let t = &self.types;
        Some(match v {
            Value::None | Value::Null => &t.none,
            Value::Bool(_) => &t.bool_,
            Value::Int(_) => &t.int,
            Value::Float(_) => &t.float,
            Value::Str(_) => &t.str_,
            Value::Bytes(_) => &t.bytes,
            Value::List(_) => &t.list,
            Value::Tuple(_) => &t.tuple,
            Value::Dict(_) => &t.dict,
            Value::Set(s) if s.frozen => &t.frozenset,
            Value::Set(_) => &t.set,
            Value::Range(_) => &t.range,
            Value::Func(_) => &t.function,
            Value::Builtin(_) => &t.builtin_function,
            Value::Method(_) => &t.method,
            Value::Type(_) => &t.type_,
            Value::Module(_) => &t.module,
            Value::Gen(g) => match g.kind {
                super::coro::GenKind::Generator => &t.generator,
                super::coro::GenKind::Coroutine => &t.coroutine,
                super::coro::GenKind::AsyncGenerator => &t.async_generator,
            },
            Value::Native(n) => &n.cls,
            _ => return None,
        })
    }

    fn lookup_method_h(&mut self, obj: &Value, name: &str, h: u32) -> Option<Value> {
        let found = match obj {
            Value::Instance(i) => {
                let cls = i.cls.borrow();
                if cls.has_flag(tflags::GETATTRIBUTE) {
                    return None;
                }
                if i.dict.borrow().get_h(name, h).is_some() {
                    return None;
                }
                cls.lookup_h(name, h)
            }
            Value::Type(_) | Value::Module(_) | Value::Func(_) | Value::Method(_) => return None,
            Value::Native(n) if matches!(n.data, NativeData::Super { .. }) => return None,
            _ => self.type_of(obj).lookup_h(name, h),
        };
        match found {
            Some(f @ Value::Func(_)) => Some(f),
            Some(f @ Value::Builtin(_)) => {
                if let Value::Builtin(b) = &f {
                    if b.bound.is_some() || b.is_module_function() {
                        return None;
                    }
                }
                Some(f)
            }
            _ => None,
        }
    }

    // ------------------------------------------------------------ subscripts

    pub fn getitem(&mut self, c: &Value, k: &Value) -> PyResult<Value> {
        match (c, k) {
            (Value::List(l), Value::Int(i)) => {
                let items = l.items.borrow();
                let idx = if *i < 0 { *i + items.len() as i64 } else { *i };
                return match usize::try_from(idx).ok().and_then(|i| items.get(i)) {
                    Some(v) => Ok(v.clone()),
                    None => Err(self.index_error("list index out of range")),
                };
            }
            (Value::Tuple(t), Value::Int(i)) => {
                let idx = if *i < 0 {
                    *i + t.items.len() as i64
                } else {
                    *i
                };
                return match usize::try_from(idx).ok().and_then(|i| t.items.get(i)) {
                    Some(v) => Ok(v.clone()),
                    None => Err(self.index_error("tuple index out of range")),
                };
            }
            (Value::Dict(d), _) => {
                return match self.dict_get(d, k)? {
                    Some(v) => Ok(v),
                    None => Err(self.new_error_args(ExcKind::KeyError, vec![k.clone()])),
                };
            }
            (Value::Str(s), Value::Int(i)) => {
                let idx = if *i < 0 { *i + s.nchars as i64 } else { *i };
                return match usize::try_from(idx).ok().and_then(|i| s.char_at(i)) {
                    Some(ch) => Ok(Value::string(ch.to_string())),
                    None => Err(self.index_error("string index out of range")),
                };
            }
            _ => {}
        }
        super::methods::getitem_slow(self, c, k)
    }

    pub fn setitem(&mut self, c: &Value, k: &Value, v: Value) -> PyResult<()> {
        match (c, k) {
            (Value::List(l), Value::Int(i)) => {
                let mut items = l.items.borrow_mut();
                let idx = if *i < 0 { *i + items.len() as i64 } else { *i };
                match usize::try_from(idx).ok().and_then(|i| items.get_mut(i)) {
                    Some(slot) => {
                        *slot = v;
                        Ok(())
                    }
                    None => {
                        drop(items);
                        Err(self.index_error("list assignment index out of range"))
                    }
                }
            }
            (Value::Dict(d), _) => self.dict_set(d, k.clone(), v),
            _ => super::methods::setitem_slow(self, c, k, v),
        }
    }

    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        match container {
            Value::Str(s) => match super::subclass::payload(item).unwrap_or(item) {
                Value::Str(i) => Ok(s.s.contains(&*i.s)),
                _ => Err(self.type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    self.type_name(item)
                ))),
            },
            Value::Bytes(b) => {
                let b = b.clone();
                super::bytes_methods::bytes_contains(self, &b.b, item)
            }
            Value::Dict(d) => Ok(self.dict_get(d, item)?.is_some()),
            Value::Set(s) => {
                if let Value::Set(inner) = item {
                    if !inner.frozen {
                        let fz = self.new_set(inner.items(), true)?;
                        return self.set_contains(s, &fz);
                    }
                }
                self.set_contains(s, item)
            }
            Value::List(l) => {
                let items = l.items.borrow().clone();
                for it in items.iter() {
                    if it.is(item) || self.eq(it, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Tuple(t) => {
                let t = t.clone();
                for it in t.items.iter() {
                    if it.is(item) || self.eq(it, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Range(r) => {
                if let Value::Int(i) = item {
                    let (start, stop, step) = (r.start, r.stop, r.step);
                    let inside = if step > 0 {
                        *i >= start && *i < stop
                    } else {
                        *i <= start && *i > stop
                    };
                    return Ok(inside && (i - start) % step == 0);
                }
                let items = self.iter_to_vec(container)?;
                for it in items {
                    if self.eq(&it, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Native(n) if matches!(n.data, NativeData::DictView { .. }) => {
                if let NativeData::DictView { dict, kind } = &n.data {
                    if *kind == 0 {
                        return Ok(self.dict_get(dict, item)?.is_some());
                    }
                }
                let items = self.iter_to_vec(container)?;
                for it in items {
                    if it.is(item) || self.eq(&it, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => {
                if let Some(r) = self.call_dunder(container, "__contains__", &[item.clone()])? {
                    return self.truthy(&r);
                }
                let t = self.type_of(container);
                if t.lookup("__iter__").is_some() || t.lookup("__getitem__").is_some() {
                    let it = self.get_iter(container)?;
                    while let Some(v) = self.next(&it)? {
                        if v.is(item) || self.eq(&v, item)? {
                            return Ok(true);
                        }
                    }
                    return Ok(false);
                }
                Err(self.type_error(format!(
                    "argument of type '{}' is not iterable",
                    self.type_name(container)
                )))
            }
        }
    }

    pub fn new_native(&self, cls_name: &str, data: NativeData) -> Value {
        let cls = match cls_name {
            "property" => self.types.property.clone(),
            "staticmethod" => self.types.staticmethod.clone(),
            "classmethod" => self.types.classmethod.clone(),
            "super" => self.types.super_.clone(),
            _ => self
                .types
                .misc
                .get(cls_name)
                .cloned()
                .unwrap_or_else(|| self.types.object.clone()),
        };
        Value::Native(Rc::new(NativeObj { cls, data }))
    }

    /// `iter(v)`.
    pub fn get_iter(&mut self, v: &Value) -> PyResult<Value> {
        Ok(match v {
            Value::List(_) => self.new_native(
                "list_iterator",
                NativeData::SeqIter {
                    seq: v.clone(),
                    idx: 0.into(),
                },
            ),
            Value::Tuple(_) => self.new_native(
                "tuple_iterator",
                NativeData::SeqIter {
                    seq: v.clone(),
                    idx: 0.into(),
                },
            ),
            Value::Str(_) => self.new_native(
                "str_ascii_iterator",
                NativeData::SeqIter {
                    seq: v.clone(),
                    idx: 0.into(),
                },
            ),
            Value::Bytes(_) => self.new_native(
                "bytes_iterator",
                NativeData::SeqIter {
                    seq: v.clone(),
                    idx: 0.into(),
                },
            ),
            Value::Range(r) => self.new_native(
                "range_iterator",
                NativeData::RangeIter {
                    cur: r.start.into(),
                    stop: r.stop,
                    step: r.step,
                    left: r.len().into(),
                },
            ),
            Value::Dict(d) => self.new_native(
                "dict_keyiterator",
                NativeData::DictIter {
                    dict: d.clone(),
                    kind: 0,
                    pos: 0.into(),
                    len: d.len(),
                },
            ),
            Value::Set(s) => self.new_native(
                "set_iterator",
                NativeData::ListIter {
                    items: s.items(),
                    idx: 0.into(),
                },
            ),
            Value::Gen(g) => {
                if g.kind != super::coro::GenKind::Generator {
                    return Err(
                        self.type_error(format!("'{}' object is not iterable", self.type_name(v)))
                    );
                }
                v.clone()
            }
            Value::Native(n) => match &n.data {
                NativeData::DictView { dict, kind } => {
                    let name = match kind {
                        0 => "dict_keyiterator",
                        1 => "dict_valueiterator",
                        _ => "dict_itemiterator",
                    };
                    self.new_native(
                        name,
                        NativeData::DictIter {
                            dict: dict.clone(),
                            kind: *kind,
                            pos: 0.into(),
                            len: dict.len(),
                        },
                    )
                }
                NativeData::SeqIter { .. }
                | NativeData::RangeIter { .. }
                | NativeData::DictIter { .. }
                | NativeData::ListIter { .. }
                | NativeData::Enumerate { .. }
                | NativeData::FnIter(_) => v.clone(),
                _ => return self.iter_dunder(v),
            },
            _ => return self.iter_dunder(v),
        })
    }

    fn iter_dunder(&mut self, v: &Value) -> PyResult<Value> {
        let t = self.type_of(v);
        match t.lookup("__iter__") {
            // `__iter__ = None` declares the class not iterable, even with a __getitem__.
            Some(Value::None) => {
                Err(self.type_error(format!("'{}' object is not iterable", self.type_name(v))))
            }
            None => {
                if t.lookup("__getitem__").is_some() {
                    // The old sequence protocol: call __getitem__(0), (1), ... until IndexError.
                    let obj = v.clone();
                    let idx = std::cell::Cell::new(0i64);
                    return Ok(self.new_native(
                        "iterator",
                        NativeData::FnIter(std::cell::RefCell::new(Box::new(
                            move |vm: &mut Vm| {
                                let i = idx.get();
                                idx.set(i + 1);
                                match vm.getitem(&obj, &Value::Int(i)) {
                                    Ok(v) => Ok(Some(v)),
                                    Err(e)
                                        if vm.exc_matches(&e, ExcKind::IndexError)
                                            || vm.exc_matches(&e, ExcKind::StopIteration) =>
                                    {
                                        Ok(None)
                                    }
                                    Err(e) => Err(e),
                                }
                            },
                        ))),
                    ));
                }
                Err(self.type_error(format!("'{}' object is not iterable", self.type_name(v))))
            }
            Some(f) => {
                let it = self.call_descr(&f, v, &t, &[])?;
                let it_t = self.type_of(&it);
                if it_t.lookup("__next__").is_none() && !matches!(it, Value::Gen(_)) {
                    return Err(self.type_error(format!(
                        "iter() returned non-iterator of type '{}'",
                        it_t.name()
                    )));
                }
                Ok(it)
            }
        }
    }

    /// One step of a native iterator: `Ok(None)` when exhausted. `None` (outer) when `it` is
    /// not a native iterator.
    pub fn native_next(&mut self, it: &Value) -> Option<PyResult<Option<Value>>> {
        let Value::Native(n) = it else { return None };
        Some(match &n.data {
            NativeData::RangeIter {
                cur, step, left, ..
            } => {
                let l = left.get();
                if l <= 0 {
                    Ok(None)
                } else {
                    left.set(l - 1);
                    let c = cur.get();
                    cur.set(c.wrapping_add(*step));
                    Ok(Some(Value::Int(c)))
                }
            }
            NativeData::SeqIter { seq, idx } => {
                let i = idx.get();
                let r = match seq {
                    Value::List(l) => l.items.borrow().get(i).cloned(),
                    Value::Tuple(t) => t.items.get(i).cloned(),
                    Value::Str(s) => {
                        if s.ascii {
                            s.s.as_bytes()
                                .get(i)
                                .map(|b| Value::string((*b as char).to_string()))
                        } else {
                            // Keep a byte cursor in idx for non-ASCII strings.
                            s.s.get(i..).and_then(|rest| rest.chars().next()).map(|c| {
                                idx.set(i + c.len_utf8() - 1);
                                Value::string(c.to_string())
                            })
                        }
                    }
                    Value::Bytes(b) => b.b.get(i).map(|x| Value::Int(*x as i64)),
                    _ => None,
                };
                if r.is_some() {
                    idx.set(idx.get() + 1);
                } else {
                    idx.set(usize::MAX / 2);
                }
                Ok(r)
            }
            NativeData::ListIter { items, idx } => {
                let i = idx.get();
                idx.set(i + 1);
                Ok(items.get(i).cloned())
            }
            NativeData::Enumerate { it, next } => {
                // Iterators wrapping iterators recurse: bound it like other native recursion.
                if let Err(e) = self.enter_native() {
                    return Some(Err(e));
                }
                let item = match self.native_next(it) {
                    Some(r) => r,
                    None => self.next(it),
                };
                self.leave_native();
                match item {
                    Ok(Some(v)) => {
                        let i = next.get();
                        next.set(i.wrapping_add(1));
                        Ok(Some(Value::tuple(vec![Value::Int(i), v])))
                    }
                    Ok(None) => Ok(None),
                    Err(e) => Err(e),
                }
            }
            NativeData::DictIter {
                dict,
                kind,
                pos,
                len,
            } => {
                let t = dict.t.borrow();
                if t.len() != *len {
                    drop(t);
                    return Some(Err(
                        self.runtime_error("dictionary changed size during iteration")
                    ));
                }
                let mut p = pos.get();
                let mut out = None;
                while p < t.slots() {
                    if let Some(e) = t.entry(p) {
                        out = Some(match kind {
                            0 => e.key.clone(),
                            1 => e.value.clone(),
                            _ => Value::tuple(vec![e.key.clone(), e.value.clone()]),
                        });
                        p += 1;
                        break;
                    }
                    p += 1;
                }
                pos.set(p);
                Ok(out)
            }
            NativeData::FnIter(f) => {
                let Ok(mut f) = f.try_borrow_mut() else {
                    return Some(Err(
                        self.new_error(ExcKind::ValueError, "generator already executing")
                    ));
                };
                if let Err(e) = self.enter_native() {
                    return Some(Err(e));
                }
                let r = f(self);
                self.leave_native();
                r
            }
            _ => return None,
        })
    }

    /// `next(it)` from native code: `Ok(None)` at exhaustion. Generators run in a nested loop.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        if let Some(r) = self.native_next(it) {
            return r;
        }
        if let Value::Gen(g) = it {
            let g = g.clone();
            return match self.resume_nested(&g, super::api::Resume::Send(Value::None))? {
                super::api::ResumeResult::Yielded(v) => Ok(Some(v)),
                super::api::ResumeResult::Returned(_) => Ok(None),
                super::api::ResumeResult::Raised(e) => Err(e),
                super::api::ResumeResult::OutOfFuel => Err(self.runtime_error("out of fuel")),
            };
        }
        match self.call_dunder(it, "__next__", &[]) {
            Ok(Some(v)) => Ok(Some(v)),
            Ok(None) => Err(self.type_error(format!(
                "'{}' object is not an iterator",
                self.type_name(it)
            ))),
            Err(e) if self.exc_matches(&e, ExcKind::StopIteration) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Collect any iterable into a vector.
    pub fn iter_to_vec(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => return Ok(l.items.borrow().clone()),
            Value::Tuple(t) => return Ok(t.items.to_vec()),
            Value::Dict(d) => return Ok(d.t.borrow().keys()),
            Value::Set(s) => return Ok(s.items()),
            Value::Range(r) => {
                let n = r.len();
                self.check_alloc_values(n.max(0) as usize)?;
                return Ok((0..n).map(|i| Value::Int(r.get(i))).collect());
            }
            _ => {}
        }
        let it = self.get_iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            out.push(x);
        }
        Ok(out)
    }
}

fn float_cmp(x: f64, y: f64, op: CompareKind) -> bool {
    match op {
        CompareKind::Lt => x < y,
        CompareKind::Le => x <= y,
        CompareKind::Eq => x == y,
        CompareKind::Ne => x != y,
        CompareKind::Gt => x > y,
        CompareKind::Ge => x >= y,
    }
}

/// CPython's frozenset hash (order-independent).
pub fn frozenset_hash(hashes: &[i64]) -> i64 {
    fn shuffle(h: u64) -> u64 {
        ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
    }
    let mut hash: u64 = 0;
    for &h in hashes {
        hash ^= shuffle(h as u64);
    }
    hash ^= ((hashes.len() as u64).wrapping_add(1)).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    let h = hash as i64;
    if h == -1 {
        590923713
    } else {
        h
    }
}

pub fn str_value(s: &PyStr) -> Value {
    Value::str(&s.s)
}

pub fn tuple_items(t: &PyTuple) -> &[Value] {
    &t.items
}
