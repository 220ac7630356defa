//! `itertools`: every iterator of CPython 3.11's module (`batched` is 3.12), lazy, ported from
//! `itertoolsmodule.c` so that how many items each one pulls from its inputs, and when, matches
//! (that shows with generators that print). Each is a class (`type(chain())` is
//! `itertools.chain`, `chain.from_iterable` is a classmethod).

use super::util::{arg, check_kwargs};
use crate::lang::bytecode::BinaryOpKind;
use crate::vm::object::{kw_get, NativeData, NativeObj};
use crate::vm::{ExcKind, KwArgs, PyModule, PyResult, PyType, Value, Vm};
use std::cell::RefCell;
use std::rc::Rc;

type R = PyResult<Value>;
type Step = Box<dyn FnMut(&mut Vm) -> PyResult<Option<Value>>>;

fn make(cls: &Rc<PyType>, f: Step) -> Value {
    Value::Native(Rc::new(NativeObj {
        cls: cls.clone(),
        data: NativeData::FnIter(RefCell::new(f)),
    }))
}

fn no_kwargs(vm: &Vm, name: &str, kw: &KwArgs) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

fn noop_init(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> R {
    Ok(Value::None)
}

fn it_next(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let it = args.first().cloned().unwrap_or_default();
    let r = match vm.native_next(&it) {
        Some(r) => r,
        None => match &it {
            Value::Native(n) => {
                if let Some(c) = n.any::<CountState>() {
                    let v = c.cur.clone();
                    let step = c.step.clone();
                    drop(c);
                    let nv = vm.binary_op(&v, &step, BinaryOpKind::Add)?;
                    if let Some(mut c) = n.any::<CountState>() {
                        c.cur = nv;
                    }
                    Ok(Some(v))
                } else if let Some(mut r) = n.any::<RepeatState>() {
                    match &mut r.left {
                        Some(0) => Ok(None),
                        Some(k) => {
                            *k -= 1;
                            Ok(Some(r.obj.clone()))
                        }
                        None => Ok(Some(r.obj.clone())),
                    }
                } else {
                    Err(vm.type_error("not an itertools iterator"))
                }
            }
            _ => Err(vm.type_error("not an itertools iterator")),
        },
    };
    match r? {
        Some(v) => Ok(v),
        None => Err(vm.new_error_args(ExcKind::StopIteration, vec![])),
    }
}

fn it_iter(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    Ok(args.first().cloned().unwrap_or_default())
}

// ---- count / repeat (with CPython's reprs, so their state lives outside a closure)

struct CountState {
    cur: Value,
    step: Value,
}

fn is_number(v: &Value) -> bool {
    matches!(
        v,
        Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::Instance(_)
    )
}

fn count_new(vm: &mut Vm, cls: &Rc<PyType>, args: &[Value], kw: &KwArgs) -> R {
    check_kwargs(vm, "count", kw, &["start", "step"])?;
    let start = arg(args, kw, 0, "start").unwrap_or(Value::Int(0));
    let step = arg(args, kw, 1, "step").unwrap_or(Value::Int(1));
    if !is_number(&start) || !is_number(&step) {
        return Err(vm.type_error("a number is required"));
    }
    Ok(Value::Native(Rc::new(NativeObj {
        cls: cls.clone(),
        data: NativeData::Any(RefCell::new(Box::new(CountState { cur: start, step }))),
    })))
}

fn count_repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let Some(Value::Native(n)) = args.first() else {
        return Err(vm.type_error("count.__repr__"));
    };
    let (cur, step) = match n.any::<CountState>() {
        Some(c) => (c.cur.clone(), c.step.clone()),
        None => return Err(vm.type_error("count.__repr__")),
    };
    let name = n.cls.name();
    let c = vm.repr(&cur)?;
    if matches!(step, Value::Int(1)) {
        return Ok(Value::string(format!("{name}({c})")));
    }
    let s = vm.repr(&step)?;
    Ok(Value::string(format!("{name}({c}, {s})")))
}

struct RepeatState {
    obj: Value,
    left: Option<i64>,
}

fn repeat_new(vm: &mut Vm, cls: &Rc<PyType>, args: &[Value], kw: &KwArgs) -> R {
    check_kwargs(vm, "repeat", kw, &["object", "times"])?;
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "repeat expected at most 2 arguments, got {}",
            args.len()
        )));
    }
    let Some(obj) = arg(args, kw, 0, "object") else {
        return Err(vm.type_error("repeat() missing required argument 'object' (pos 1)"));
    };
    let left = match arg(args, kw, 1, "times") {
        Some(v) => Some(vm.to_index(&v)?.max(0)),
        None => None,
    };
    Ok(Value::Native(Rc::new(NativeObj {
        cls: cls.clone(),
        data: NativeData::Any(RefCell::new(Box::new(RepeatState { obj, left }))),
    })))
}

fn repeat_repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let Some(Value::Native(n)) = args.first() else {
        return Err(vm.type_error("repeat.__repr__"));
    };
    let (obj, left) = match n.any::<RepeatState>() {
        Some(r) => (r.obj.clone(), r.left),
        None => return Err(vm.type_error("repeat.__repr__")),
    };
    let o = vm.repr(&obj)?;
    Ok(Value::string(match left {
        Some(k) => format!("repeat({o}, {k})"),
        None => format!("repeat({o})"),
    }))
}

fn repeat_len_hint(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let Some(Value::Native(n)) = args.first() else {
        return Err(vm.type_error("repeat.__length_hint__"));
    };
    match n.any::<RepeatState>().and_then(|r| r.left) {
        Some(k) => Ok(Value::Int(k)),
        None => Err(vm.type_error("len() of unsized object")),
    }
}

// ---- the rest

fn cycle_new(vm: &mut Vm, cls: &Rc<PyType>, args: &[Value], kw: &KwArgs) -> R {
    no_kwargs(vm, "cycle", kw)?;
    vm.check_args("cycle", args, 1, 1)?;
    let it = vm.get_iter(&args[0])?;
    let mut saved: Vec<Value> = Vec::new();
    let mut first_pass = true;
    let mut idx = 0usize;
    Ok(make(
        cls,
        Box::new(move |vm| {
            if first_pass {
                if let Some(v) = vm.next(&it)? {
                    saved.push(v.clone());
                    return Ok(Some(v));
                }
                first_pass = false;
            }
            if saved.is_empty() {
                return Ok(None);
            }
            let v = saved.get(idx % saved.len()).cloned();
            idx = (idx + 1) % saved.len();
            Ok(v)
        }),
    ))
}

fn accumulate_new(vm: &mut Vm, cls: &Rc<PyType>, args: &[Value], kw: &KwArgs) -> R {
    check_kwargs(vm, "accumulate", kw, &["iterable", "func", "initial"])?;
    let Some(src) = arg(args, kw, 0, "iterable") else {
        return Err(vm.type_error("accumulate() missing required argument 'iterable' (pos 1)"));
    };
    let func = arg(args, kw, 1, "func").unwrap_or(Value::None);
    let mut initial = kw_get(kw, "initial").cloned().unwrap_or(Value::None);
    let it = vm.get_iter(&src)?;
    let mut total: Option<Value> = None;
    Ok(make(
        cls,
        Box::new(move |vm| {
            if !initial.is_none() {
                let v = std::mem::take(&mut initial);
                total = Some(v.clone());
                return Ok(Some(v));
            }
            let Some(val) = vm.next(&it)? else {
                return Ok(None);
            };
            let nt = match &total {
                None => val,
                Some(t) => {
                    if func.is_none() {
                        vm.binary_op(t, &val, BinaryOpKind::Add)?
                    } else {
                        vm.call(&func, &[t.clone(), val], &[])?
                    }
                }
            };
            total = Some(nt.clone());
            Ok(Some(nt))
        }),
    ))
}

fn chain_iter(cls: &Rc<PyType>, mut sources: Step) -> Value {
    let mut cur: Option<Value> = None;
    let mut done = false;
    make(
        cls,
        Box::new(move |vm| loop {
            if done {
                return Ok(None);
            }
            if cur.is_none() {
                match sources(vm)? {
                    Some(s) => cur = Some(vm.get_iter(&s)?),
                    None => {
                        done = true;
                        return Ok(None);
                    }
                }
            }
            if let Some(it) = &cur {
                match vm.next(it)? {
                    Some(v) => return Ok(Some(v)),
                    None => cur = None,
                }
            }
        }),
    )
}

fn chain_new(vm: &mut Vm, cls: &Rc<PyType>, args: &[Value], kw: &KwArgs) -> R {
    no_kwargs(vm, "chain", kw)?;
    let srcs: Vec<Value> = args.to_vec();
    let mut i = 0usize;
    Ok(chain_iter(
        cls,
        Box::new(move |_vm| {
            let s = srcs.get(i).cloned();
            i += 1;
            Ok(s)
        }),
    ))
}

fn chain_from_iterable(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("from_iterable", args, 2, 2)?;
    let Value::Type(cls) = &args[0] else {
        return Err(vm.type_error("from_iterable needs a class"));
    };
    let outer = vm.get_iter(&args[1])?;
    Ok(chain_iter(cls, Box::new(move |vm| vm.next(&outer))))
}

fn compress_new(vm: &mut Vm, cls: &Rc<PyType>, args: &[Value], kw: &KwArgs) -> R {
    check_kwargs(vm, "compress", kw, &["data", "selectors"])?;
    let (Some(d), Some(s)) = (arg(args, kw, 0, "data"), arg(args, kw, 1, "selectors")) else {
        return Err(vm.type_error("compress() missing required argument 'selectors' (pos 2)"));
    };
    let (data, sel) = (vm.get_iter(&d)?, vm.get_iter(&s)?);
    Ok(make(
        cls,
        Box::new(move |vm| loop {
            let Some(x) = vm.next(&data)? else {
                return Ok(None);
            };
            let Some(t) = vm.next(&sel)? else {
                return Ok(None);
            };
            if vm.truthy(&t)? {
                return Ok(Some(x));
            }
        }),
    ))
}

fn pred_args(vm: &mut Vm, name: &str, args: &[Value], kw: &KwArgs) -> PyResult<(Value, Value)> {
    no_kwargs(vm, name, kw)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("{name} expected 2 arguments, got {}", args.len())));
    }
    let it = vm.get_iter(&args[1])?;
    Ok((args[0].clone(), it))
}

fn dropwhile_new(vm: &mut Vm, cls: &Rc<PyType>, args: &[Value], kw: &KwArgs) -> R {
    let (pred, it) = pred_args(vm, "dropwhile", args, kw)?;
    let mut dropping = true;
    Ok(make(
        cls,
        Box::new(move |vm| loop {
            let Some(x) = vm.next(&it)? else {
                return Ok(None);
            };
            if !dropping {
                return Ok(Some(x));
            }
            let r = vm.call(&pred, std::slice::from_ref(&x), &[])?;
            if !vm.truthy(&r)? {
                dropping = false;
                return Ok(Some(x));
            }
        }),
    ))
}

fn takewhile_new(vm: &mut Vm, cls: &Rc<PyType>, args: &[Value], kw: &KwArgs) -> R {
    let (pred, it) = pred_args(vm, "takewhile", args, kw)?;
    let mut stop = false;
    Ok(make(
        cls,
        Box::new(move |vm| {
            if stop {
                return Ok(None);
            }
            let Some(x) = vm.next(&it)? else {
                return Ok(None);
            };
            let r = vm.call(&pred, std::slice::from_ref(&x), &[])?;
            if vm.truthy(&r)? {
                return Ok(Some(x));
            }
            stop = true;
            Ok(None)
        }),
    ))
}

fn filterfalse_new(vm: &mut Vm, cls: &Rc<PyType>, args: &[Value], kw: &KwArgs) -> R {
    let (pred, it) = pred_args(vm, "filterfalse", args, kw)?;
    Ok(make(
        cls,
        Box::new(move |vm| loop {
            let Some(x) = vm.next(&it)? else {
                return Ok(None);
            };
            let keep = if pred.is_none() {
                !vm.truthy(&x)?
            } else {
                let r = vm.call(&pred, std::slice::from_ref(&x), &[])?;
                !vm.truthy(&r)?
            };
            if keep {
                return Ok(Some(x));
            }
        }),
    ))
}

fn starmap_new(vm: &mut Vm, cls: &Rc<PyType>, args: &[Value], kw: &KwArgs) -> R {
    let (func, it) = pred_args(vm, "starmap", args, kw)?;
    Ok(make(
        cls,
        Box::new(move |vm| {
            let Some(x) = vm.next(&it)? else {
                return Ok(None);
            };
            let a = match &x {
                Value::Tuple(t) => t.items.to_vec(),
                other => vm.iter_to_vec(other)?,
            };
            Ok(Some(vm.call(&func, &a, &[])?))
        }),
    ))
}

struct GroupBy {
    it: Value,
    keyfunc: Value,
    tgtkey: Option<Value>,
    currkey: Option<Value>,
    currvalue: Option<Value>,
    /// Which grouper may still yield (advancing the groupby invalidates the others).
    currgrouper: u64,
    next_id: u64,
}

/// `groupby_step`: false when the input is exhausted.
fn gb_step(vm: &mut Vm, st: &Rc<RefCell<GroupBy>>) -> PyResult<bool> {
    let (it, kf) = {
        let s = st.borrow();
        (s.it.clone(), s.keyfunc.clone())
    };
    let Some(v) = vm.next(&it)? else {
        return Ok(false);
    };
    let k = if kf.is_none() {
        v.clone()
    } else {
        vm.call(&kf, std::slice::from_ref(&v), &[])?
    };
    let mut s = st.borrow_mut();
    s.currvalue = Some(v);
    s.currkey = Some(k);
    Ok(true)
}

fn groupby_new(vm: &mut Vm, cls: &Rc<PyType>, args: &[Value], kw: &KwArgs) -> R {
    check_kwargs(vm, "groupby", kw, &["iterable", "key"])?;
    let Some(src) = arg(args, kw, 0, "iterable") else {
        return Err(vm.type_error("groupby() missing required argument 'iterable' (pos 1)"));
    };
    let keyfunc = arg(args, kw, 1, "key").unwrap_or(Value::None);
    let it = vm.get_iter(&src)?;
    let st = Rc::new(RefCell::new(GroupBy {
        it,
        keyfunc,
        tgtkey: None,
        currkey: None,
        currvalue: None,
        currgrouper: 0,
        next_id: 1,
    }));
    let grouper_t = cls.dict.borrow().get("_grouper_type").cloned();
    let Some(Value::Type(grouper_t)) = grouper_t else {
        return Err(vm.type_error("groupby"));
    };
    Ok(make(
        cls,
        Box::new(move |vm| {
            st.borrow_mut().currgrouper = 0;
            loop {
                let (ck, tk) = {
                    let s = st.borrow();
                    (s.currkey.clone(), s.tgtkey.clone())
                };
                match (ck, tk) {
                    (None, _) => {}
                    (Some(_), None) => break,
                    (Some(c), Some(t)) => {
                        if !vm.eq(&t, &c)? {
                            break;
                        }
                    }
                }
                if !gb_step(vm, &st)? {
                    return Ok(None);
                }
            }
            let (key, id) = {
                let mut s = st.borrow_mut();
                s.tgtkey = s.currkey.clone();
                let id = s.next_id;
                s.next_id += 1;
                s.currgrouper = id;
                (s.currkey.clone().unwrap_or_default(), id)
            };
            let gst = st.clone();
            let tgt = key.clone();
            let grouper = make(
                &grouper_t,
                Box::new(move |vm| {
                    if gst.borrow().currgrouper != id {
                        return Ok(None);
                    }
                    if gst.borrow().currvalue.is_none() && !gb_step(vm, &gst)? {
                        return Ok(None);
                    }
                    let ck = gst.borrow().currkey.clone().unwrap_or_default();
                    if !vm.eq(&tgt, &ck)? {
                        return Ok(None);
                    }
                    let mut s = gst.borrow_mut();
                    s.currkey = None;
                    Ok(s.currvalue.take())
                }),
            );
            Ok(Some(Value::tuple(vec![key, grouper])))
        }),
    ))
}

/// islice's start/stop/step: None or 0 <= x <= sys.maxsize.
fn islice_int(vm: &mut Vm, v: &Value, msg: &str) -> PyResult<Option<i64>> {
    match v {
        Value::None => Ok(None),
        Value::Int(_) | Value::Bool(_) | Value::Instance(_) => match vm.to_index(v) {
            Ok(n) if n >= 0 => Ok(Some(n)),
            _ => Err(vm.value_error(msg.to_string())),
        },
        _ => Err(vm.value_error(msg.to_string())),
    }
}

fn islice_new(vm: &mut Vm, cls: &Rc<PyType>, args: &[Value], kw: &KwArgs) -> R {
    no_kwargs(vm, "islice", kw)?;
    if args.len() < 2 || args.len() > 4 {
        return Err(vm.type_error(format!(
            "islice expected {} arguments, got {}",
            if args.len() < 2 {
                "at least 2"
            } else {
                "at most 4"
            },
            args.len()
        )));
    }
    const IDX: &str = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    const STOP: &str =
        "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    let (start, stop, step) = if args.len() == 2 {
        (0, islice_int(vm, &args[1], STOP)?, 1)
    } else {
        let start = islice_int(vm, &args[1], IDX)?.unwrap_or(0);
        let stop = islice_int(vm, &args[2], IDX)?;
        let step = match args.get(3) {
            None | Some(Value::None) => 1,
            Some(v) => match islice_int(
                vm,
                v,
                "Step for islice() must be a positive integer or None.",
            ) {
                Ok(Some(s)) if s > 0 => s,
                _ => {
                    return Err(
                        vm.value_error("Step for islice() must be a positive integer or None.")
                    )
                }
            },
        };
        (start, stop, step)
    };
    let mut it = Some(vm.get_iter(&args[0])?);
    let mut cnt = 0i64;
    let mut next = start;
    Ok(make(
        cls,
        Box::new(move |vm| {
            let Some(src) = it.clone() else {
                return Ok(None);
            };
            while cnt < next {
                if vm.next(&src)?.is_none() {
                    it = None;
                    return Ok(None);
                }
                cnt += 1;
            }
            if let Some(s) = stop {
                if cnt >= s {
                    it = None;
                    return Ok(None);
                }
            }
            let Some(item) = vm.next(&src)? else {
                it = None;
                return Ok(None);
            };
            cnt += 1;
            let old = next;
            next = next.saturating_add(step);
            if let Some(s) = stop {
                if next < old || next > s {
                    next = s;
                }
            }
            Ok(Some(item))
        }),
    ))
}

fn pairwise_new(vm: &mut Vm, cls: &Rc<PyType>, args: &[Value], kw: &KwArgs) -> R {
    no_kwargs(vm, "pairwise", kw)?;
    if args.len() != 1 {
        return Err(vm.type_error(format!("pairwise expected 1 argument, got {}", args.len())));
    }
    let mut it = Some(vm.get_iter(&args[0])?);
    let mut old: Option<Value> = None;
    Ok(make(
        cls,
        Box::new(move |vm| {
            let Some(src) = it.clone() else {
                return Ok(None);
            };
            if old.is_none() {
                match vm.next(&src)? {
                    Some(v) => old = Some(v),
                    None => {
                        it = None;
                        return Ok(None);
                    }
                }
            }
            let Some(new) = vm.next(&src)? else {
                it = None;
                old = None;
                return Ok(None);
            };
            let o = old.replace(new.clone()).unwrap_or_default();
            Ok(Some(Value::tuple(vec![o, new])))
        }),
    ))
}

fn zip_longest_new(vm: &mut Vm, cls: &Rc<PyType>, args: &[Value], kw: &KwArgs) -> R {
    check_kwargs(vm, "zip_longest", kw, &["fillvalue"])?;
    let fill = kw_get(kw, "fillvalue").cloned().unwrap_or(Value::None);
    let mut its: Vec<Option<Value>> = Vec::with_capacity(args.len());
    for a in args {
        its.push(Some(vm.get_iter(a)?));
    }
    let mut active = its.len();
    Ok(make(
        cls,
        Box::new(move |vm| {
            if its.is_empty() || active == 0 {
                return Ok(None);
            }
            let mut out = Vec::with_capacity(its.len());
            for slot in its.iter_mut() {
                match slot.clone() {
                    None => out.push(fill.clone()),
                    Some(it) => match vm.next(&it)? {
                        Some(v) => out.push(v),
                        None => {
                            *slot = None;
                            active -= 1;
                            if active == 0 {
                                return Ok(None);
                            }
                            out.push(fill.clone());
                        }
                    },
                }
            }
            Ok(Some(Value::tuple(out)))
        }),
    ))
}

fn r_arg(vm: &mut Vm, v: Option<Value>, n: usize) -> PyResult<usize> {
    match v {
        None | Some(Value::None) => Ok(n),
        Some(v) => {
            let r = vm.to_index(&v)?;
            if r < 0 {
                return Err(vm.value_error("r must be non-negative"));
            }
            Ok(r as usize)
        }
    }
}

const MAX_POOL: usize = 1 << 24;

fn pool_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    let p = vm.iter_to_vec(v)?;
    if p.len() > MAX_POOL {
        return Err(vm.new_error_args(ExcKind::MemoryError, vec![]));
    }
    Ok(p)
}

fn product_new(vm: &mut Vm, cls: &Rc<PyType>, args: &[Value], kw: &KwArgs) -> R {
    check_kwargs(vm, "product", kw, &["repeat"])?;
    let repeat = match kw_get(kw, "repeat") {
        Some(v) => {
            let r = vm.to_index(v)?;
            if r < 0 {
                return Err(vm.value_error("repeat argument cannot be negative"));
            }
            r as usize
        }
        None => 1,
    };
    let mut base = Vec::with_capacity(args.len());
    for a in args {
        base.push(pool_of(vm, a)?);
    }
    if base.len().saturating_mul(repeat) > MAX_POOL {
        return Err(vm.new_error_args(ExcKind::MemoryError, vec![]));
    }
    let mut pools = Vec::with_capacity(base.len() * repeat);
    for _ in 0..repeat {
        pools.extend(base.iter().cloned());
    }
    let mut indices: Vec<usize> = vec![0; pools.len()];
    let mut first = true;
    let mut stopped = pools.iter().any(|p| p.is_empty());
    Ok(make(
        cls,
        Box::new(move |_vm| {
            if stopped {
                return Ok(None);
            }
            if first {
                first = false;
            } else {
                // Odometer: bump the rightmost index that can move, reset the ones after it.
                let mut i = pools.len();
                loop {
                    if i == 0 {
                        stopped = true;
                        return Ok(None);
                    }
                    i -= 1;
                    indices[i] += 1;
                    if indices[i] < pools[i].len() {
                        break;
                    }
                    indices[i] = 0;
                }
            }
            Ok(Some(Value::tuple(
                pools
                    .iter()
                    .zip(indices.iter())
                    .map(|(p, &j)| p[j].clone())
                    .collect(),
            )))
        }),
    ))
}

fn permutations_new(vm: &mut Vm, cls: &Rc<PyType>, args: &[Value], kw: &KwArgs) -> R {
    check_kwargs(vm, "permutations", kw, &["iterable", "r"])?;
    let Some(src) = arg(args, kw, 0, "iterable") else {
        return Err(vm.type_error("permutations() missing required argument 'iterable' (pos 1)"));
    };
    let pool = pool_of(vm, &src)?;
    let n = pool.len();
    let r = r_arg(vm, arg(args, kw, 1, "r"), n)?;
    let mut indices: Vec<usize> = (0..n).collect();
    let mut cycles: Vec<usize> = (0..r.min(n)).map(|i| n - i).collect();
    let mut first = true;
    let mut stopped = r > n;
    Ok(make(
        cls,
        Box::new(move |_vm| {
            if stopped {
                return Ok(None);
            }
            if first {
                first = false;
            } else {
                if n == 0 {
                    stopped = true;
                    return Ok(None);
                }
                let mut i = r;
                loop {
                    if i == 0 {
                        stopped = true;
                        return Ok(None);
                    }
                    i -= 1;
                    cycles[i] -= 1;
                    if cycles[i] == 0 {
                        let x = indices.remove(i);
                        indices.push(x);
                        cycles[i] = n - i;
                    } else {
                        let j = cycles[i];
                        indices.swap(i, n - j);
                        break;
                    }
                }
            }
            Ok(Some(Value::tuple(
                indices[..r].iter().map(|&i| pool[i].clone()).collect(),
            )))
        }),
    ))
}

fn combinations_impl(vm: &mut Vm, cls: &Rc<PyType>, args: &[Value], kw: &KwArgs, repl: bool) -> R {
    let name = if repl {
        "combinations_with_replacement"
    } else {
        "combinations"
    };
    check_kwargs(vm, name, kw, &["iterable", "r"])?;
    let Some(src) = arg(args, kw, 0, "iterable") else {
        return Err(vm.type_error(format!(
            "{name}() missing required argument 'iterable' (pos 1)"
        )));
    };
    let Some(rv) = arg(args, kw, 1, "r") else {
        return Err(vm.type_error(format!("{name}() missing required argument 'r' (pos 2)")));
    };
    let pool = pool_of(vm, &src)?;
    let n = pool.len();
    let r = r_arg(vm, Some(rv), n)?;
    let mut indices: Vec<usize> = if repl { vec![0; r] } else { (0..r).collect() };
    let mut first = true;
    let mut stopped = if repl { n == 0 && r > 0 } else { r > n };
    Ok(make(
        cls,
        Box::new(move |_vm| {
            if stopped {
                return Ok(None);
            }
            if first {
                first = false;
            } else {
                let mut i = r;
                loop {
                    if i == 0 {
                        stopped = true;
                        return Ok(None);
                    }
                    i -= 1;
                    let limit = if repl { n - 1 } else { i + n - r };
                    if indices[i] != limit {
                        break;
                    }
                }
                if repl {
                    let v = indices[i] + 1;
                    for x in indices[i..].iter_mut() {
                        *x = v;
                    }
                } else {
                    indices[i] += 1;
                    for j in i + 1..r {
                        indices[j] = indices[j - 1] + 1;
                    }
                }
            }
            Ok(Some(Value::tuple(
                indices.iter().map(|&i| pool[i].clone()).collect(),
            )))
        }),
    ))
}

fn combinations_new(vm: &mut Vm, cls: &Rc<PyType>, args: &[Value], kw: &KwArgs) -> R {
    combinations_impl(vm, cls, args, kw, false)
}
fn cwr_new(vm: &mut Vm, cls: &Rc<PyType>, args: &[Value], kw: &KwArgs) -> R {
    combinations_impl(vm, cls, args, kw, true)
}

/// The buffer shared by the iterators `tee` returns.
struct TeeData {
    it: Value,
    buf: Vec<Value>,
    /// Index in `buf` of its first item (items every child has passed are dropped).
    base: usize,
    pos: Vec<usize>,
}

fn tee(vm: &mut Vm, args: &[Value], _kw: &KwArgs, tee_t: &Rc<PyType>) -> R {
    vm.check_args("tee", args, 1, 2)?;
    let n = match args.get(1) {
        Some(v) => {
            let n = vm.to_index(v)?;
            if n < 0 {
                return Err(vm.value_error("n must be >= 0"));
            }
            n as usize
        }
        None => 2,
    };
    let it = vm.get_iter(&args[0])?;
    let data = Rc::new(RefCell::new(TeeData {
        it,
        buf: Vec::new(),
        base: 0,
        pos: vec![0; n],
    }));
    let mut out = Vec::with_capacity(n);
    for k in 0..n {
        let d = data.clone();
        out.push(make(
            tee_t,
            Box::new(move |vm| {
                let (p, base, len, it) = {
                    let s = d.borrow();
                    (
                        s.pos.get(k).copied().unwrap_or(0),
                        s.base,
                        s.buf.len(),
                        s.it.clone(),
                    )
                };
                let v = if p - base < len {
                    d.borrow().buf.get(p - base).cloned()
                } else {
                    let Some(v) = vm.next(&it)? else {
                        return Ok(None);
                    };
                    d.borrow_mut().buf.push(v.clone());
                    Some(v)
                };
                let mut s = d.borrow_mut();
                if let Some(x) = s.pos.get_mut(k) {
                    *x = p + 1;
                }
                let min = s.pos.iter().copied().min().unwrap_or(0);
                if min > s.base {
                    let drop = min - s.base;
                    let cut = drop.min(s.buf.len());
                    s.buf.drain(..cut);
                    s.base = min;
                }
                Ok(v)
            }),
        ));
    }
    Ok(Value::tuple(out))
}

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let m = vm.new_module("itertools");
    let classes: &[(&str, crate::vm::object::NativeNew)] = &[
        ("count", count_new),
        ("repeat", repeat_new),
        ("cycle", cycle_new),
        ("accumulate", accumulate_new),
        ("chain", chain_new),
        ("compress", compress_new),
        ("dropwhile", dropwhile_new),
        ("takewhile", takewhile_new),
        ("filterfalse", filterfalse_new),
        ("starmap", starmap_new),
        ("groupby", groupby_new),
        ("islice", islice_new),
        ("pairwise", pairwise_new),
        ("zip_longest", zip_longest_new),
        ("product", product_new),
        ("permutations", permutations_new),
        ("combinations", combinations_new),
        ("combinations_with_replacement", cwr_new),
    ];
    for (name, new) in classes {
        let t = vm.new_native_class(name, "itertools", &[], Some(*new))?;
        t.mark_c_type();
        vm.add_methods(
            &t,
            &[
                ("__init__", noop_init),
                ("__next__", it_next),
                ("__iter__", it_iter),
            ],
        );
        match *name {
            "count" => vm.add_method(&t, "__repr__", count_repr),
            "repeat" => {
                vm.add_method(&t, "__repr__", repeat_repr);
                vm.add_method(&t, "__length_hint__", repeat_len_hint);
            }
            "chain" => vm.add_classmethod(&t, "from_iterable", chain_from_iterable),
            "groupby" => {
                let g = vm.new_native_class("_grouper", "itertools", &[], None)?;
                g.mark_c_type();
                vm.add_methods(&g, &[("__next__", it_next), ("__iter__", it_iter)]);
                t.dict.borrow_mut().set("_grouper_type", Value::Type(g));
            }
            _ => {}
        }
        m.dict.set_str(name, Value::Type(t));
    }
    let tee_t = vm.new_native_class("_tee", "itertools", &[], None)?;
    tee_t.mark_c_type();
    vm.add_methods(&tee_t, &[("__next__", it_next), ("__iter__", it_iter)]);
    let f = vm.new_closure("tee", move |vm, a, k| tee(vm, a, k, &tee_t));
    m.dict.set_str("tee", f);
    Ok(m)
}
