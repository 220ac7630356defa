//! `random`: CPython 3.11's module on top of [`super::random_mt`] (bit-for-bit MT19937).
//!
//! As in CPython, the module functions are bound methods of a hidden `Random` instance
//! (`random._inst`), so `random.seed(n)` followed by `random.random()`, `randint`, `choice`,
//! `shuffle`, ... gives CPython's numbers. `Random` is a native class that Python code can
//! subclass; its `__init__(x=None)` calls `self.seed(x)` like CPython's.
//!
//! Determinism: CPython seeds from the OS when the seed is `None` (at import and for
//! `seed()` / `seed(None)` / `Random()`); loopscope uses [`DEFAULT_SEED`] instead so every run
//! of a script prints the same numbers.

use super::random_mt::{Mt19937, RandError};
use super::util::{arg, check_kwargs, seq_get, seq_len};
use crate::vm::long::norm;
use crate::vm::object::kw_get;
use crate::vm::{Exc, ExcKind, KwArgs, PyModule, PyResult, Value, Vm};
use num_bigint::BigInt;
use num_integer::Integer;
use std::rc::Rc;

/// The seed used where CPython would take one from the OS (documented in the module docs).
pub const DEFAULT_SEED: i64 = 0x5EED;

fn rand_err(vm: &Vm, e: RandError) -> Exc {
    let kind = match e.kind {
        "IndexError" => ExcKind::IndexError,
        "MemoryError" => ExcKind::MemoryError,
        "ZeroDivisionError" => ExcKind::ZeroDivisionError,
        "TypeError" => ExcKind::TypeError,
        "OverflowError" => ExcKind::OverflowError,
        _ => ExcKind::ValueError,
    };
    if e.msg.is_empty() {
        return vm.new_error_args(kind, vec![]);
    }
    vm.new_error(kind, e.msg)
}

/// Run `f` on the generator state of `slf` (a `Random` or subclass instance).
fn with_mt<T>(vm: &Vm, slf: Option<&Value>, f: impl FnOnce(&mut Mt19937) -> T) -> PyResult<T> {
    if let Some(Value::Instance(i)) = slf {
        if let Some(mut mt) = i.native::<Mt19937>() {
            return Ok(f(&mut mt));
        }
    }
    Err(vm.type_error("descriptor requires a 'random.Random' object"))
}

fn random_new(
    vm: &mut Vm,
    cls: &Rc<crate::vm::PyType>,
    _args: &[Value],
    _kw: &KwArgs,
) -> PyResult<Value> {
    Ok(vm.new_native_instance(cls, Box::new(Mt19937::new_seeded_int(DEFAULT_SEED))))
}

fn r_init(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    check_kwargs(vm, "Random", kw, &["x"])?;
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "Random() takes at most 1 argument ({} given)",
            args.len() - 1
        )));
    }
    let slf = args.first().cloned().unwrap_or_default();
    let x = arg(args, kw, 1, "x").unwrap_or(Value::None);
    vm.call_method_by_name(&slf, "seed", &[x])?;
    Ok(Value::None)
}

fn r_seed(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    check_kwargs(vm, "seed", kw, &["a", "version"])?;
    if args.len() > 3 {
        return Err(vm.type_error(format!(
            "seed() takes from 1 to 3 positional arguments but {} were given",
            args.len()
        )));
    }
    let a = arg(args, kw, 1, "a").unwrap_or(Value::None);
    let version = match arg(args, kw, 2, "version") {
        Some(v) => vm.to_int(&v)?,
        None => 2,
    };
    enum How {
        Int(i64),
        Bytes(Vec<u8>),
        Hash(i64),
    }
    let how = match &a {
        Value::None => How::Int(DEFAULT_SEED),
        Value::Int(i) => How::Int(*i),
        Value::Bool(b) => How::Int(*b as i64),
        Value::Str(s) if version == 2 => How::Bytes(s.s.as_bytes().to_vec()),
        Value::Bytes(b) if version == 2 => How::Bytes(b.b.to_vec()),
        Value::Float(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) | Value::Set(_) => {
            How::Hash(vm.hash(&a)?)
        }
        Value::Instance(_) if vm.isinstance(&a, &vm.types.int.clone()) => How::Int(vm.to_int(&a)?),
        Value::List(_)
        | Value::Dict(_)
        | Value::Instance(_)
        | Value::Native(_)
        | Value::Func(_) => {
            return Err(vm.type_error(
                "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
            ))
        }
        _ => How::Hash(vm.hash(&a)?),
    };
    with_mt(vm, args.first(), |mt| match how {
        How::Int(i) => mt.seed_int(i),
        How::Bytes(b) => mt.seed_bytes(&b),
        How::Hash(h) => mt.seed_hash(h),
    })?;
    Ok(Value::None)
}

fn r_random(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("random", args, 1, 1)?;
    Ok(Value::Float(with_mt(vm, args.first(), |mt| mt.random())?))
}

fn r_getrandbits(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "Random.getrandbits() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    let k = vm.to_index(&args[1])?;
    if k < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    if k > 63 {
        let words = with_mt(vm, args.first(), |mt| mt.getrandbits_words(k as usize))?
            .map_err(|e| rand_err(vm, e))?;
        let b = num_bigint::BigUint::from_slice(&words);
        return Ok(crate::vm::long::norm(b.into()));
    }
    let v = with_mt(vm, args.first(), |mt| mt.getrandbits(k as u32))?;
    Ok(Value::Int(v as i64))
}

/// `_index(x)` or an integral float (deprecated in CPython 3.10+, still accepted in 3.11).
fn rr_int(vm: &mut Vm, v: &Value, what: &str) -> PyResult<i64> {
    match v {
        Value::Float(f) => {
            if f.fract() == 0.0 && f.is_finite() && f.abs() < 9.2e18 {
                Ok(*f as i64)
            } else if f.is_finite() {
                Err(vm.value_error(format!("non-integer {what} for randrange()")))
            } else if f.is_nan() {
                Err(vm.value_error("cannot convert float NaN to integer"))
            } else {
                Err(vm.new_error(
                    ExcKind::OverflowError,
                    "cannot convert float infinity to integer",
                ))
            }
        }
        Value::Int(_) | Value::Bool(_) | Value::Instance(_) => vm.to_index(v),
        other => Err(vm.type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            vm.type_name(other)
        ))),
    }
}

/// `_randbelow(n)` for an `n` past i64: CPython's `_randbelow_with_getrandbits`.
fn randbelow_big(vm: &mut Vm, slf: Option<&Value>, n: &BigInt) -> PyResult<BigInt> {
    let k = n.bits() as usize;
    loop {
        let words = with_mt(vm, slf, |mt| mt.getrandbits_words(k))?.map_err(|e| rand_err(vm, e))?;
        let r = BigInt::from(num_bigint::BigUint::from_slice(&words));
        if &r < n {
            return Ok(r);
        }
    }
}

/// `randrange` when an argument is past i64: Lib/random.py's arithmetic on big ints.
fn randrange_big(
    vm: &mut Vm,
    slf: Option<&Value>,
    start: &Value,
    stop: Option<&Value>,
    step: Option<&Value>,
) -> PyResult<Value> {
    let zero = BigInt::from(0);
    let istart = vm.to_bigint(start)?;
    let Some(stop) = stop else {
        if istart > zero {
            return Ok(norm(randbelow_big(vm, slf, &istart)?));
        }
        return Err(vm.value_error("empty range for randrange()"));
    };
    let istop = vm.to_bigint(stop)?;
    let width = &istop - &istart;
    let istep = match step {
        Some(s) => vm.to_bigint(s)?,
        None => BigInt::from(1),
    };
    if istep == BigInt::from(1) {
        if width > zero {
            return Ok(norm(istart + randbelow_big(vm, slf, &width)?));
        }
        return Err(vm.value_error(format!(
            "empty range for randrange() ({istart}, {istop}, {width})"
        )));
    }
    let n = if istep > zero {
        (&width + &istep - 1u8).div_floor(&istep)
    } else if istep < zero {
        (&width + &istep + 1u8).div_floor(&istep)
    } else {
        return Err(vm.value_error("zero step for randrange()"));
    };
    if n <= zero {
        return Err(vm.value_error("empty range for randrange()"));
    }
    Ok(norm(istart + istep * randbelow_big(vm, slf, &n)?))
}

fn r_randrange(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    check_kwargs(vm, "randrange", kw, &["start", "stop", "step"])?;
    let Some(start) = arg(args, kw, 1, "start") else {
        return Err(
            vm.type_error("Random.randrange() missing 1 required positional argument: 'start'")
        );
    };
    let stop = arg(args, kw, 2, "stop").filter(|v| !v.is_none());
    let step = arg(args, kw, 3, "step");
    if [Some(&start), stop.as_ref(), step.as_ref()]
        .iter()
        .any(|v| matches!(v, Some(Value::Long(_))))
    {
        if stop.is_none() && step.is_some() {
            return Err(vm.type_error("Missing a non-None stop argument"));
        }
        return randrange_big(vm, args.first(), &start, stop.as_ref(), step.as_ref());
    }
    let istart = rr_int(vm, &start, "arg 1")?;
    let r = match stop {
        None => {
            if step.is_some() {
                return Err(vm.type_error("Missing a non-None stop argument"));
            }
            with_mt(vm, args.first(), |mt| mt.randrange(istart, None, 1))?
        }
        Some(stop) => {
            let istop = rr_int(vm, &stop, "stop")?;
            let istep = match &step {
                Some(s) => rr_int(vm, s, "step")?,
                None => 1,
            };
            with_mt(vm, args.first(), |mt| {
                mt.randrange(istart, Some(istop), istep)
            })?
        }
    };
    r.map(Value::Int).map_err(|e| rand_err(vm, e))
}

fn r_randint(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    check_kwargs(vm, "randint", kw, &["a", "b"])?;
    let (Some(a), Some(b)) = (arg(args, kw, 1, "a"), arg(args, kw, 2, "b")) else {
        let missing = if arg(args, kw, 1, "a").is_none() {
            "2 required positional arguments: 'a' and 'b'"
        } else {
            "1 required positional argument: 'b'"
        };
        return Err(vm.type_error(format!("Random.randint() missing {missing}")));
    };
    if matches!(a, Value::Long(_)) || matches!(b, Value::Long(_)) {
        let stop = vm.binary_op(&b, &Value::Int(1), crate::lang::bytecode::BinaryOpKind::Add)?;
        return randrange_big(vm, args.first(), &a, Some(&stop), None);
    }
    let a = rr_int(vm, &a, "arg 1")?;
    let b = rr_int(vm, &b, "stop")?;
    let r = with_mt(vm, args.first(), |mt| mt.randint(a, b))?;
    r.map(Value::Int).map_err(|e| rand_err(vm, e))
}

fn r_choice(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "Random.choice() takes 2 positional arguments but {} were given",
            args.len()
        )));
    }
    let seq = &args[1];
    let n = seq_len(vm, seq)?;
    let i = with_mt(vm, args.first(), |mt| mt.choice_index(n))?.map_err(|e| rand_err(vm, e))?;
    seq_get(vm, seq, i)
}

fn r_shuffle(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "Random.shuffle() takes 2 positional arguments but {} were given",
            args.len()
        )));
    }
    match &args[1] {
        Value::List(l) => {
            let mut items = l.items.borrow().clone();
            with_mt(vm, args.first(), |mt| mt.shuffle(&mut items))?;
            *l.items.borrow_mut() = items;
        }
        x => {
            // Any mutable sequence: swap through __getitem__/__setitem__ as CPython does.
            let n = seq_len(vm, x)?;
            for i in (1..n).rev() {
                let j = with_mt(vm, args.first(), |mt| mt.randbelow(i as u64 + 1))? as usize;
                let (a, b) = (seq_get(vm, x, i)?, seq_get(vm, x, j)?);
                vm.setitem(x, &Value::Int(i as i64), b)?;
                vm.setitem(x, &Value::Int(j as i64), a)?;
            }
        }
    }
    Ok(Value::None)
}

fn r_sample(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    check_kwargs(vm, "sample", kw, &["population", "k", "counts"])?;
    let Some(pop) = arg(args, kw, 1, "population") else {
        return Err(vm.type_error(
            "Random.sample() missing 2 required positional arguments: 'population' and 'k'",
        ));
    };
    let Some(k) = arg(args, kw, 2, "k") else {
        return Err(vm.type_error("Random.sample() missing 1 required positional argument: 'k'"));
    };
    let is_seq = match &pop {
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) | Value::Range(_) => {
            true
        }
        Value::Set(_) | Value::Dict(_) => false,
        other => {
            let t = vm.type_of(other);
            t.lookup("__getitem__").is_some()
                && t.lookup("__len__").is_some()
                && !vm.isinstance(other, &vm.types.dict.clone())
        }
    };
    if !is_seq {
        return Err(
            vm.type_error("Population must be a sequence.  For dicts or sets, use sorted(d).")
        );
    }
    let n = seq_len(vm, &pop)?;
    let counts = kw_get(kw, "counts").cloned().filter(|c| !c.is_none());
    let k = vm.to_index(&k)?;
    let idx = match counts {
        None => with_mt(vm, args.first(), |mt| mt.sample_indices(n, k))?,
        Some(c) => {
            let cs = vm.iter_to_vec(&c)?;
            if cs.len() != n {
                return Err(vm.value_error("The number of counts does not match the population"));
            }
            let mut ints = Vec::with_capacity(cs.len());
            for c in &cs {
                if !matches!(c, Value::Int(_) | Value::Bool(_)) {
                    return Err(vm.type_error("Counts must be integers"));
                }
                ints.push(vm.to_int(c)?);
            }
            with_mt(vm, args.first(), |mt| mt.sample_counts(&ints, k))?
        }
    }
    .map_err(|e| rand_err(vm, e))?;
    let mut out = Vec::with_capacity(idx.len());
    for i in idx {
        out.push(seq_get(vm, &pop, i)?);
    }
    Ok(Value::list(out))
}

fn r_choices(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    check_kwargs(
        vm,
        "choices",
        kw,
        &["population", "weights", "cum_weights", "k"],
    )?;
    if args.len() > 3 {
        return Err(vm.type_error(format!(
            "Random.choices() takes from 2 to 3 positional arguments but {} were given",
            args.len()
        )));
    }
    let Some(pop) = arg(args, kw, 1, "population") else {
        return Err(
            vm.type_error("Random.choices() missing 1 required positional argument: 'population'")
        );
    };
    let weights = arg(args, kw, 2, "weights").filter(|v| !v.is_none());
    let cum = kw_get(kw, "cum_weights").cloned().filter(|v| !v.is_none());
    let k = match kw_get(kw, "k") {
        Some(k) => vm.to_index(k)?.max(0) as usize,
        None => 1,
    };
    let n = seq_len(vm, &pop)?;
    let idx = if weights.is_none() && cum.is_none() {
        with_mt(vm, args.first(), |mt| mt.choices_indices(n, k))?
    } else {
        if weights.is_some() && cum.is_some() {
            return Err(vm.type_error("Cannot specify both weights and cumulative weights"));
        }
        // Running sums added with Python's `+` (ints stay exact, as itertools.accumulate).
        let cum_vals: Vec<Value> = match (weights, cum) {
            (Some(w), _) => {
                let ws = vm.iter_to_vec(&w)?;
                let mut acc: Option<Value> = None;
                let mut out = Vec::with_capacity(ws.len());
                for x in ws {
                    let next = match &acc {
                        None => x,
                        Some(a) => vm.binary_op(a, &x, crate::lang::bytecode::BinaryOpKind::Add)?,
                    };
                    out.push(next.clone());
                    acc = Some(next);
                }
                out
            }
            (None, Some(c)) => vm.iter_to_vec(&c)?,
            (None, None) => Vec::new(),
        };
        if cum_vals.len() != n {
            return Err(vm.value_error("The number of weights does not match the population"));
        }
        let mut cumf = Vec::with_capacity(cum_vals.len());
        for c in &cum_vals {
            match c {
                Value::Int(_) | Value::Bool(_) | Value::Float(_) => cumf.push(vm.to_f64(c)?),
                other => {
                    return Err(vm.type_error(format!(
                        "unsupported operand type(s) for +: '{}' and 'float'",
                        vm.type_name(other)
                    )))
                }
            }
        }
        with_mt(vm, args.first(), |mt| mt.choices_cum_weights(&cumf, k))?
    }
    .map_err(|e| rand_err(vm, e))?;
    let mut out = Vec::with_capacity(idx.len());
    for i in idx {
        out.push(seq_get(vm, &pop, i)?);
    }
    Ok(Value::list(out))
}

fn float_args(
    vm: &mut Vm,
    func: &str,
    args: &[Value],
    kw: &KwArgs,
    names: &[&str],
    defaults: &[Option<f64>],
) -> PyResult<Vec<f64>> {
    check_kwargs(vm, func, kw, names)?;
    if args.len() > names.len() + 1 {
        return Err(vm.type_error(format!(
            "Random.{func}() takes from 1 to {} positional arguments but {} were given",
            names.len() + 1,
            args.len()
        )));
    }
    let mut out = Vec::with_capacity(names.len());
    for (i, name) in names.iter().enumerate() {
        match arg(args, kw, i + 1, name) {
            Some(v) => out.push(vm.to_f64(&v)?),
            None => match defaults.get(i).copied().flatten() {
                Some(d) => out.push(d),
                None => {
                    return Err(vm.type_error(format!(
                        "Random.{func}() missing 1 required positional argument: '{name}'"
                    )))
                }
            },
        }
    }
    Ok(out)
}

fn r_uniform(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let a = float_args(vm, "uniform", args, kw, &["a", "b"], &[None, None])?;
    Ok(Value::Float(with_mt(vm, args.first(), |mt| {
        mt.uniform(a[0], a[1])
    })?))
}

fn r_triangular(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let mode = arg(args, kw, 3, "mode").filter(|v| !v.is_none());
    let mode = match mode {
        Some(m) => Some(vm.to_f64(&m)?),
        None => None,
    };
    let a = float_args(
        vm,
        "triangular",
        &args[..args.len().min(3)],
        kw,
        &["low", "high", "mode"],
        &[Some(0.0), Some(1.0), Some(0.0)],
    )?;
    Ok(Value::Float(with_mt(vm, args.first(), |mt| {
        mt.triangular(a[0], a[1], mode)
    })?))
}

fn r_gauss(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let a = float_args(
        vm,
        "gauss",
        args,
        kw,
        &["mu", "sigma"],
        &[Some(0.0), Some(1.0)],
    )?;
    Ok(Value::Float(with_mt(vm, args.first(), |mt| {
        mt.gauss(a[0], a[1])
    })?))
}

fn r_normalvariate(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let a = float_args(
        vm,
        "normalvariate",
        args,
        kw,
        &["mu", "sigma"],
        &[Some(0.0), Some(1.0)],
    )?;
    Ok(Value::Float(with_mt(vm, args.first(), |mt| {
        mt.normalvariate(a[0], a[1])
    })?))
}

fn r_lognormvariate(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let a = float_args(
        vm,
        "lognormvariate",
        args,
        kw,
        &["mu", "sigma"],
        &[None, None],
    )?;
    Ok(Value::Float(with_mt(vm, args.first(), |mt| {
        mt.lognormvariate(a[0], a[1])
    })?))
}

fn r_expovariate(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let a = float_args(vm, "expovariate", args, kw, &["lambd"], &[None])?;
    let r = with_mt(vm, args.first(), |mt| mt.expovariate(a[0]))?;
    r.map(Value::Float).map_err(|e| rand_err(vm, e))
}

fn r_vonmisesvariate(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let a = float_args(
        vm,
        "vonmisesvariate",
        args,
        kw,
        &["mu", "kappa"],
        &[None, None],
    )?;
    if a[1].is_nan() {
        return Err(never_returns(vm, "vonmisesvariate"));
    }
    Ok(Value::Float(with_mt(vm, args.first(), |mt| {
        mt.vonmisesvariate(a[0], a[1])
    })?))
}

/// CPython's rejection loops never end for some arguments (NaN, or values whose internal
/// constants overflow to infinity): raise instead of hanging the VM, which fuel cannot stop
/// inside native code.
fn never_returns(vm: &Vm, func: &str) -> crate::vm::Exc {
    vm.runtime_error(format!(
        "loopscope: {func}() with these arguments never returns in CPython (its rejection loop runs forever)"
    ))
}

/// `not (x <= 0.0)` as CPython's checks read it: NaN counts as positive here.
fn positive_or_nan(x: f64) -> bool {
    x.is_nan() || x > 0.0
}

fn gamma_loops_forever(alpha: f64) -> bool {
    !(alpha * 2.0).is_finite() && positive_or_nan(alpha)
}

fn r_gammavariate(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let a = float_args(
        vm,
        "gammavariate",
        args,
        kw,
        &["alpha", "beta"],
        &[None, None],
    )?;
    if gamma_loops_forever(a[0]) && positive_or_nan(a[1]) {
        return Err(never_returns(vm, "gammavariate"));
    }
    let r = with_mt(vm, args.first(), |mt| mt.gammavariate(a[0], a[1]))?;
    r.map(Value::Float).map_err(|e| rand_err(vm, e))
}

fn r_betavariate(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let a = float_args(
        vm,
        "betavariate",
        args,
        kw,
        &["alpha", "beta"],
        &[None, None],
    )?;
    if gamma_loops_forever(a[0]) || (positive_or_nan(a[0]) && gamma_loops_forever(a[1])) {
        return Err(never_returns(vm, "betavariate"));
    }
    let r = with_mt(vm, args.first(), |mt| mt.betavariate(a[0], a[1]))?;
    r.map(Value::Float).map_err(|e| rand_err(vm, e))
}

fn r_paretovariate(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let a = float_args(vm, "paretovariate", args, kw, &["alpha"], &[None])?;
    Ok(Value::Float(with_mt(vm, args.first(), |mt| {
        mt.paretovariate(a[0])
    })?))
}

fn r_weibullvariate(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let a = float_args(
        vm,
        "weibullvariate",
        args,
        kw,
        &["alpha", "beta"],
        &[None, None],
    )?;
    Ok(Value::Float(with_mt(vm, args.first(), |mt| {
        mt.weibullvariate(a[0], a[1])
    })?))
}

fn r_randbytes(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("randbytes", args, 2, 2)?;
    let n = vm.to_index(&args[1])?;
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    let r =
        with_mt(vm, args.first(), |mt| mt.randbytes(n as usize))?.map_err(|e| rand_err(vm, e))?;
    Ok(Value::Bytes(Rc::new(crate::vm::value::PyBytes {
        b: r.into_boxed_slice(),
    })))
}

/// `getstate()`: `(3, (624 words..., index), gauss_next)` as CPython.
fn r_getstate(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("getstate", args, 1, 1)?;
    let (words, index, gauss) = with_mt(vm, args.first(), |mt| mt.getstate())?;
    let mut inner: Vec<Value> = words.into_iter().map(|w| Value::Int(w as i64)).collect();
    inner.push(Value::Int(index as i64));
    let g = gauss.map(Value::Float).unwrap_or(Value::None);
    Ok(Value::tuple(vec![Value::Int(3), Value::tuple(inner), g]))
}

fn r_setstate(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("setstate", args, 2, 2)?;
    let st = vm.iter_to_vec(&args[1])?;
    let [version, inner, gauss] = st.as_slice() else {
        return Err(vm.value_error("state vector is the wrong size"));
    };
    let version = vm.to_int(version)?;
    if version != 3 && version != 2 {
        return Err(vm.value_error(format!(
            "state with version {version} passed to Random.setstate() of version 3"
        )));
    }
    let items = vm.iter_to_vec(inner)?;
    let mut words = Vec::with_capacity(items.len());
    for it in &items {
        let w = vm.to_int(it)?;
        if !(0..=u32::MAX as i64).contains(&w) {
            return Err(vm.new_error(
                ExcKind::OverflowError,
                "Python int too large to convert to C unsigned long",
            ));
        }
        words.push(w as u32);
    }
    let Some(index) = words.pop() else {
        return Err(vm.value_error("state vector is the wrong size"));
    };
    let g = match gauss {
        Value::None => None,
        v => Some(vm.to_f64(v)?),
    };
    with_mt(vm, args.first(), |mt| {
        mt.setstate(&words, index as usize, g)
    })?
    .map_err(|e| rand_err(vm, e))?;
    Ok(Value::None)
}

const METHODS: &[(&str, crate::vm::NativeFn)] = &[
    ("__init__", r_init),
    ("seed", r_seed),
    ("random", r_random),
    ("getrandbits", r_getrandbits),
    ("randrange", r_randrange),
    ("randint", r_randint),
    ("choice", r_choice),
    ("shuffle", r_shuffle),
    ("sample", r_sample),
    ("choices", r_choices),
    ("uniform", r_uniform),
    ("triangular", r_triangular),
    ("gauss", r_gauss),
    ("normalvariate", r_normalvariate),
    ("lognormvariate", r_lognormvariate),
    ("expovariate", r_expovariate),
    ("vonmisesvariate", r_vonmisesvariate),
    ("gammavariate", r_gammavariate),
    ("betavariate", r_betavariate),
    ("paretovariate", r_paretovariate),
    ("weibullvariate", r_weibullvariate),
    ("randbytes", r_randbytes),
    ("getstate", r_getstate),
    ("setstate", r_setstate),
];

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let m = vm.new_module("random");
    let cls = vm.new_native_class("Random", "random", &[], Some(random_new))?;
    vm.add_methods(&cls, METHODS);
    m.dict.set_str("Random", Value::Type(cls.clone()));
    let inst = random_new(vm, &cls, &[], &[])?;
    m.dict.set_str("_inst", inst.clone());
    for (name, _) in METHODS {
        if name.starts_with("__") {
            continue;
        }
        let bound = vm.getattr_str(&inst, name)?;
        m.dict.set_str(name, bound);
    }
    for (name, v) in [
        ("TWOPI", std::f64::consts::TAU),
        ("LOG4", 4f64.ln()),
        ("NV_MAGICCONST", 4.0 * (-0.5f64).exp() / 2f64.sqrt()),
        ("SG_MAGICCONST", 1.0 + 4.5f64.ln()),
        ("BPF", 53.0),
        ("RECIP_BPF", 2f64.powi(-53)),
    ] {
        if name == "BPF" {
            m.dict.set_str(name, Value::Int(53));
        } else {
            m.dict.set_str(name, Value::Float(v));
        }
    }
    Ok(m)
}
