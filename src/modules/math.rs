//! `math`: CPython 3.11's functions on loopscope's i64/f64 numbers, on top of `vm::numeric`
//! (which carries CPython's error rules: "math domain error", "math range error", ...).

use super::util::{arg, check_kwargs};
use crate::lang::bytecode::BinaryOpKind;
use crate::vm::numeric::{self as num, PyErr};
use crate::vm::render::numeric_err;
use crate::vm::{ExcKind, KwArgs, PyModule, PyResult, Value, Vm};
use num_bigint::BigInt;
use std::rc::Rc;

type R = PyResult<Value>;

fn ne(vm: &Vm, e: PyErr) -> crate::vm::Exc {
    numeric_err(vm, e)
}

/// A float argument: int, bool, float, or an object with `__float__` / `__index__`.
fn f(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(x) => Ok(*x),
        Value::Int(i) => Ok(*i as f64),
        Value::Long(b) => crate::vm::long::to_f64(b).map_err(|e| ne(vm, e)),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::Instance(_) => {
            if let Some(r) = vm.call_dunder(v, "__float__", &[])? {
                if let Value::Float(x) = r {
                    return Ok(x);
                }
                return Err(vm.type_error(format!(
                    "{}.__float__ returned non-float (type {})",
                    vm.type_name(v),
                    vm.type_name(&r)
                )));
            }
            if vm.type_of(v).lookup("__index__").is_some() {
                return Ok(vm.to_index(v)? as f64);
            }
            Err(vm.type_error(format!("must be real number, not {}", vm.type_name(v))))
        }
        _ => Err(vm.type_error(format!("must be real number, not {}", vm.type_name(v)))),
    }
}

fn one(vm: &Vm, name: &str, args: &[Value]) -> PyResult<()> {
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "math.{name}() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    Ok(())
}

fn two(vm: &Vm, name: &str, args: &[Value]) -> PyResult<()> {
    if args.len() != 2 {
        return Err(vm.type_error(format!("{name} expected 2 arguments, got {}", args.len())));
    }
    Ok(())
}

/// CPython's `math_1`: NaN from a non-NaN is a domain error; an infinity from a finite input
/// is a range error when the function can overflow, else a domain error.
fn math_1(x: f64, func: fn(f64) -> f64, can_overflow: bool) -> Result<f64, PyErr> {
    let r = func(x);
    if r.is_nan() && !x.is_nan() {
        return Err(PyErr::value("math domain error"));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            PyErr::overflow("math range error")
        } else {
            PyErr::value("math domain error")
        });
    }
    Ok(r)
}

macro_rules! unary_float {
    ($($fname:ident, $pyname:expr, $body:expr;)*) => {
        $(
            fn $fname(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
                one(vm, $pyname, args)?;
                let x = f(vm, &args[0])?;
                let g: fn(f64) -> Result<f64, PyErr> = $body;
                g(x).map(Value::Float).map_err(|e| ne(vm, e))
            }
        )*
    };
}

unary_float! {
    m_sqrt, "sqrt", num::sqrt;
    m_exp, "exp", num::exp;
    m_exp2, "exp2", |x| math_1(x, f64::exp2, true);
    m_expm1, "expm1", |x| math_1(x, f64::exp_m1, true);
    m_sin, "sin", num::sin;
    m_cos, "cos", num::cos;
    m_tan, "tan", num::tan;
    m_asin, "asin", num::asin;
    m_acos, "acos", num::acos;
    m_atan, "atan", num::atan;
    m_sinh, "sinh", |x| math_1(x, f64::sinh, true);
    m_cosh, "cosh", |x| math_1(x, f64::cosh, true);
    m_tanh, "tanh", |x| math_1(x, f64::tanh, false);
    m_asinh, "asinh", |x| math_1(x, f64::asinh, false);
    m_acosh, "acosh", |x| math_1(x, f64::acosh, false);
    m_atanh, "atanh", |x| if x.abs() >= 1.0 { Err(PyErr::value("math domain error")) } else { math_1(x, f64::atanh, false) };
    m_log1p, "log1p", |x| if x <= -1.0 { Err(PyErr::value("math domain error")) } else { math_1(x, f64::ln_1p, false) };
    m_fabs, "fabs", |x| Ok(num::fabs(x));
    m_degrees, "degrees", |x| Ok(num::degrees(x));
    m_radians, "radians", |x| Ok(num::radians(x));
    m_erf, "erf", |x| math_1(x, libm::erf, false);
    m_erfc, "erfc", |x| math_1(x, libm::erfc, false);
    m_cbrt, "cbrt", |x| math_1(x, f64::cbrt, false);
}

/// `log2`/`log10`: an int goes through CPython's `loghelper` (exact past the float range).
fn int_or_float_log(
    vm: &mut Vm,
    args: &[Value],
    name: &str,
    func: fn(f64) -> f64,
    g: fn(f64) -> Result<f64, PyErr>,
) -> R {
    one(vm, name, args)?;
    let r = match &args[0] {
        Value::Long(b) => num::int_log(b, func),
        Value::Int(i) => num::int_log(&(*i).into(), func),
        v => {
            let x = f(vm, v)?;
            g(x)
        }
    };
    r.map(Value::Float).map_err(|e| ne(vm, e))
}
fn m_log2(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    int_or_float_log(vm, args, "log2", f64::log2, num::log2)
}
fn m_log10(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    int_or_float_log(vm, args, "log10", f64::log10, num::log10)
}

fn rounding(
    vm: &mut Vm,
    args: &[Value],
    name: &str,
    dunder: &str,
    g: fn(f64) -> Result<Value, PyErr>,
) -> R {
    one(vm, name, args)?;
    match &args[0] {
        Value::Int(_) | Value::Long(_) => Ok(args[0].clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(x) => g(*x).map_err(|e| ne(vm, e)),
        v => {
            if let Some(r) = vm.call_dunder(v, dunder, &[])? {
                return Ok(r);
            }
            if name == "trunc" {
                return Err(vm.type_error(format!(
                    "type {} doesn't define __trunc__ method",
                    vm.type_name(v)
                )));
            }
            let x = f(vm, v)?;
            g(x).map_err(|e| ne(vm, e))
        }
    }
}

fn m_floor(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    rounding(vm, args, "floor", "__floor__", num::floor)
}
fn m_ceil(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    rounding(vm, args, "ceil", "__ceil__", num::ceil)
}
fn m_trunc(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    rounding(vm, args, "trunc", "__trunc__", num::trunc)
}

fn m_atan2(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    two(vm, "atan2", args)?;
    let (y, x) = (f(vm, &args[0])?, f(vm, &args[1])?);
    Ok(Value::Float(num::atan2(y, x)))
}

fn m_log(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    if args.is_empty() || args.len() > 2 {
        return Err(vm.type_error(format!(
            "log expected {} argument{}, got {}",
            if args.is_empty() {
                "at least 1"
            } else {
                "at most 2"
            },
            if args.is_empty() { "" } else { "s" },
            args.len()
        )));
    }
    let base = match args.get(1) {
        Some(b) => Some(match b {
            Value::Int(i) if *i <= 0 => return Err(vm.value_error("math domain error")),
            other => f(vm, other)?,
        }),
        None => None,
    };
    let r = match &args[0] {
        Value::Int(i) => num::log_int(&(*i).into(), base),
        Value::Long(b) => num::log_int(b, base),
        Value::Bool(b) => num::log_int(&(*b as i64).into(), base),
        other => {
            let x = f(vm, other)?;
            num::log(x, base)
        }
    };
    r.map(Value::Float).map_err(|e| ne(vm, e))
}

fn m_pow(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    two(vm, "pow", args)?;
    let (x, y) = (f(vm, &args[0])?, f(vm, &args[1])?);
    num::math_pow(x, y).map(Value::Float).map_err(|e| ne(vm, e))
}

fn m_fmod(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    two(vm, "fmod", args)?;
    let (x, y) = (f(vm, &args[0])?, f(vm, &args[1])?);
    num::fmod(x, y).map(Value::Float).map_err(|e| ne(vm, e))
}

fn m_remainder(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    two(vm, "remainder", args)?;
    let (x, y) = (f(vm, &args[0])?, f(vm, &args[1])?);
    if x.is_nan() {
        return Ok(Value::Float(x));
    }
    if y.is_nan() {
        return Ok(Value::Float(y));
    }
    if x.is_infinite() || y == 0.0 {
        return Err(vm.value_error("math domain error"));
    }
    if y.is_infinite() {
        return Ok(Value::Float(x));
    }
    // CPython's m_remainder: round-half-even quotient, computed exactly.
    let absx = x.abs();
    let absy = y.abs();
    let m = absx % absy;
    let c = absy - m;
    let r = if m < c {
        m
    } else if m > c {
        -c
    } else {
        m - 2.0 * ((0.5 * (absx - m)) % absy)
    };
    Ok(Value::Float(1f64.copysign(x) * r))
}

fn m_copysign(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    two(vm, "copysign", args)?;
    let (x, y) = (f(vm, &args[0])?, f(vm, &args[1])?);
    Ok(Value::Float(num::copysign(x, y)))
}

fn m_isfinite(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    one(vm, "isfinite", args)?;
    Ok(Value::Bool(num::isfinite(f(vm, &args[0])?)))
}
fn m_isinf(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    one(vm, "isinf", args)?;
    Ok(Value::Bool(num::isinf(f(vm, &args[0])?)))
}
fn m_isnan(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    one(vm, "isnan", args)?;
    Ok(Value::Bool(num::isnan(f(vm, &args[0])?)))
}

fn m_isclose(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    check_kwargs(vm, "isclose", kw, &["a", "b", "rel_tol", "abs_tol"])?;
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            args.len()
        )));
    }
    let (Some(a), Some(b)) = (arg(args, kw, 0, "a"), arg(args, kw, 1, "b")) else {
        return Err(vm.type_error("isclose() missing required argument 'b' (pos 2)"));
    };
    let (a, b) = (f(vm, &a)?, f(vm, &b)?);
    let rel = match crate::vm::kw_get(kw, "rel_tol") {
        Some(v) => f(vm, v)?,
        None => 1e-9,
    };
    let abs = match crate::vm::kw_get(kw, "abs_tol") {
        Some(v) => f(vm, v)?,
        None => 0.0,
    };
    num::isclose(a, b, rel, abs)
        .map(Value::Bool)
        .map_err(|e| ne(vm, e))
}

fn ints(vm: &mut Vm, args: &[Value]) -> PyResult<Vec<BigInt>> {
    let mut out = Vec::with_capacity(args.len());
    for a in args {
        out.push(vm.to_bigint(a)?);
    }
    Ok(out)
}

fn m_gcd(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let xs = ints(vm, args)?;
    let mut acc = Value::Int(0);
    for x in xs {
        let a = crate::vm::long::to_big(&acc).unwrap_or_default();
        acc = num::gcd(&a, &x).map_err(|e| ne(vm, e))?;
    }
    Ok(acc)
}

fn m_lcm(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let xs = ints(vm, args)?;
    let mut acc = Value::Int(1);
    for x in xs {
        let a = crate::vm::long::to_big(&acc).unwrap_or_default();
        acc = num::lcm(&a, &x).map_err(|e| ne(vm, e))?;
    }
    Ok(acc)
}

fn m_factorial(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    one(vm, "factorial", args)?;
    if let Value::Long(b) = &args[0] {
        return Err(ne(
            vm,
            if b.sign() == num_bigint::Sign::Minus {
                PyErr::value("factorial() not defined for negative values")
            } else {
                PyErr::overflow("factorial() argument should not exceed 9223372036854775807")
            },
        ));
    }
    let n = vm.to_index(&args[0])?;
    num::factorial(n).map_err(|e| ne(vm, e))
}

fn m_comb(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    two(vm, "comb", args)?;
    let (n, k) = (vm.to_bigint(&args[0])?, vm.to_bigint(&args[1])?);
    num::comb(&n, &k).map_err(|e| ne(vm, e))
}

fn m_perm(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    if args.is_empty() || args.len() > 2 {
        return Err(vm.type_error(format!(
            "perm expected {} argument{}, got {}",
            if args.is_empty() {
                "at least 1"
            } else {
                "at most 2"
            },
            if args.is_empty() { "" } else { "s" },
            args.len()
        )));
    }
    let n = vm.to_bigint(&args[0])?;
    let k = match args.get(1) {
        Some(Value::None) | None => None,
        Some(v) => Some(vm.to_bigint(v)?),
    };
    num::perm(&n, k.as_ref()).map_err(|e| ne(vm, e))
}

fn m_isqrt(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    one(vm, "isqrt", args)?;
    let n = vm.to_bigint(&args[0])?;
    num::isqrt(&n).map_err(|e| ne(vm, e))
}

fn floats_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<f64>> {
    let items = vm.iter_to_vec(v)?;
    let mut out = Vec::with_capacity(items.len());
    for x in &items {
        out.push(f(vm, x)?);
    }
    Ok(out)
}

fn m_fsum(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    one(vm, "fsum", args)?;
    let xs = floats_of(vm, &args[0])?;
    num::fsum(&xs).map(Value::Float).map_err(|e| ne(vm, e))
}

fn m_hypot(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let mut xs = Vec::with_capacity(args.len());
    for a in args {
        xs.push(f(vm, a)?);
    }
    Ok(Value::Float(num::hypot(&xs)))
}

fn m_dist(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    two(vm, "dist", args)?;
    let is_seq = |v: &Value| matches!(v, Value::List(_) | Value::Tuple(_));
    if !is_seq(&args[0]) || !is_seq(&args[1]) {
        let which = if !is_seq(&args[0]) {
            &args[0]
        } else {
            &args[1]
        };
        return Err(vm.type_error(format!(
            "dist(): argument {} must be tuple, not {}",
            if !is_seq(&args[0]) { 1 } else { 2 },
            vm.type_name(which)
        )));
    }
    let (p, q) = (floats_of(vm, &args[0])?, floats_of(vm, &args[1])?);
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    Ok(Value::Float(num::dist(&p, &q)))
}

fn m_prod(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    check_kwargs(vm, "prod", kw, &["start"])?;
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "prod() takes exactly 1 positional argument ({} given)",
            args.len()
        )));
    }
    let mut acc = crate::vm::kw_get(kw, "start")
        .cloned()
        .unwrap_or(Value::Int(1));
    let it = vm.get_iter(&args[0])?;
    while let Some(x) = vm.next(&it)? {
        acc = vm.binary_op(&acc, &x, BinaryOpKind::Mul)?;
    }
    Ok(acc)
}

fn m_frexp(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    one(vm, "frexp", args)?;
    let (m, e) = num::frexp(f(vm, &args[0])?);
    Ok(Value::tuple(vec![Value::Float(m), Value::Int(e)]))
}

fn m_ldexp(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    two(vm, "ldexp", args)?;
    let x = f(vm, &args[0])?;
    if matches!(args[1], Value::Float(_)) {
        return Err(vm.type_error("Expected an int as second argument to ldexp."));
    }
    let i = vm.to_index(&args[1])?;
    num::ldexp(x, i).map(Value::Float).map_err(|e| ne(vm, e))
}

fn m_modf(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    one(vm, "modf", args)?;
    let (a, b) = num::modf(f(vm, &args[0])?);
    Ok(Value::tuple(vec![Value::Float(a), Value::Float(b)]))
}

fn m_ulp(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    one(vm, "ulp", args)?;
    let x = f(vm, &args[0])?.abs();
    if x.is_nan() || x.is_infinite() {
        return Ok(Value::Float(x));
    }
    let next = f64::from_bits(x.to_bits() + 1);
    if next.is_infinite() {
        let prev = f64::from_bits(x.to_bits() - 1);
        return Ok(Value::Float(x - prev));
    }
    Ok(Value::Float(next - x))
}

fn m_nextafter(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    two(vm, "nextafter", args)?;
    let (x, y) = (f(vm, &args[0])?, f(vm, &args[1])?);
    let r = if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if x == y {
        y
    } else if x == 0.0 {
        f64::from_bits(1).copysign(y)
    } else {
        let bits = x.to_bits();
        let up = (y > x) == (x > 0.0);
        f64::from_bits(if up { bits + 1 } else { bits - 1 })
    };
    Ok(Value::Float(r))
}

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let m = vm.new_module("math");
    let fns: &[(&str, crate::vm::NativeFn)] = &[
        ("sqrt", m_sqrt),
        ("exp", m_exp),
        ("exp2", m_exp2),
        ("expm1", m_expm1),
        ("erf", m_erf),
        ("erfc", m_erfc),
        ("cbrt", m_cbrt),
        ("sin", m_sin),
        ("cos", m_cos),
        ("tan", m_tan),
        ("asin", m_asin),
        ("acos", m_acos),
        ("atan", m_atan),
        ("sinh", m_sinh),
        ("cosh", m_cosh),
        ("tanh", m_tanh),
        ("asinh", m_asinh),
        ("acosh", m_acosh),
        ("atanh", m_atanh),
        ("log", m_log),
        ("log2", m_log2),
        ("log10", m_log10),
        ("log1p", m_log1p),
        ("fabs", m_fabs),
        ("degrees", m_degrees),
        ("radians", m_radians),
        ("floor", m_floor),
        ("ceil", m_ceil),
        ("trunc", m_trunc),
        ("atan2", m_atan2),
        ("pow", m_pow),
        ("fmod", m_fmod),
        ("remainder", m_remainder),
        ("copysign", m_copysign),
        ("isfinite", m_isfinite),
        ("isinf", m_isinf),
        ("isnan", m_isnan),
        ("isclose", m_isclose),
        ("gcd", m_gcd),
        ("lcm", m_lcm),
        ("factorial", m_factorial),
        ("comb", m_comb),
        ("perm", m_perm),
        ("isqrt", m_isqrt),
        ("fsum", m_fsum),
        ("hypot", m_hypot),
        ("dist", m_dist),
        ("prod", m_prod),
        ("frexp", m_frexp),
        ("ldexp", m_ldexp),
        ("modf", m_modf),
        ("ulp", m_ulp),
        ("nextafter", m_nextafter),
    ];
    for (name, func) in fns {
        vm.module_add_fn(&m, name, *func);
    }
    for (name, v) in [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        m.dict.set_str(name, Value::Float(v));
    }
    let _ = ExcKind::ValueError;
    Ok(m)
}
