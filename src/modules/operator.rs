//! `operator`: the operator functions, and itemgetter / attrgetter / methodcaller classes with
//! CPython's reprs.

use crate::lang::bytecode::{BinaryOpKind, CompareKind};
use crate::vm::{KwArgs, PyModule, PyResult, PyType, Value, Vm};
use std::rc::Rc;

type R = PyResult<Value>;
type CallerParts = (Value, Vec<Value>, Vec<(Rc<str>, Value)>);

fn two(vm: &Vm, name: &str, args: &[Value]) -> PyResult<()> {
    if args.len() != 2 {
        return Err(vm.type_error(format!("{name} expected 2 arguments, got {}", args.len())));
    }
    Ok(())
}

fn one(vm: &Vm, name: &str, args: &[Value]) -> PyResult<()> {
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "_operator.{name}() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    Ok(())
}

macro_rules! binops {
    ($($fname:ident, $pyname:expr, $kind:ident;)*) => {
        $(
            fn $fname(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
                two(vm, $pyname, args)?;
                vm.binary_op(&args[0], &args[1], BinaryOpKind::$kind)
            }
        )*
        const BINOPS: &[(&str, crate::vm::NativeFn)] = &[$(($pyname, $fname),)*];
    };
}

binops! {
    op_add, "add", Add;
    op_sub, "sub", Sub;
    op_mul, "mul", Mul;
    op_matmul, "matmul", MatMul;
    op_truediv, "truediv", TrueDiv;
    op_floordiv, "floordiv", FloorDiv;
    op_mod, "mod", Mod;
    op_pow, "pow", Pow;
    op_lshift, "lshift", LShift;
    op_rshift, "rshift", RShift;
    op_and, "and_", And;
    op_or, "or_", Or;
    op_xor, "xor", Xor;
    op_iadd, "iadd", InplaceAdd;
    op_isub, "isub", InplaceSub;
    op_imul, "imul", InplaceMul;
    op_itruediv, "itruediv", InplaceTrueDiv;
    op_ifloordiv, "ifloordiv", InplaceFloorDiv;
    op_imod, "imod", InplaceMod;
}

macro_rules! cmpops {
    ($($fname:ident, $pyname:expr, $kind:ident;)*) => {
        $(
            fn $fname(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
                two(vm, $pyname, args)?;
                vm.compare(&args[0], &args[1], CompareKind::$kind)
            }
        )*
        const CMPOPS: &[(&str, crate::vm::NativeFn)] = &[$(($pyname, $fname),)*];
    };
}

cmpops! {
    op_lt, "lt", Lt;
    op_le, "le", Le;
    op_eq, "eq", Eq;
    op_ne, "ne", Ne;
    op_gt, "gt", Gt;
    op_ge, "ge", Ge;
}

fn op_neg(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    one(vm, "neg", args)?;
    vm.unary_negative(&args[0])
}
fn op_pos(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    one(vm, "pos", args)?;
    vm.unary_positive(&args[0])
}
fn op_invert(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    one(vm, "invert", args)?;
    vm.unary_invert(&args[0])
}
fn op_abs(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    one(vm, "abs", args)?;
    let f = vm.builtins.get_str("abs").unwrap_or_default();
    vm.call(&f, args, &[])
}
fn op_not(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    one(vm, "not_", args)?;
    Ok(Value::Bool(!vm.truthy(&args[0])?))
}
fn op_truth(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    one(vm, "truth", args)?;
    Ok(Value::Bool(vm.truthy(&args[0])?))
}
fn op_is(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    two(vm, "is_", args)?;
    Ok(Value::Bool(args[0].is(&args[1])))
}
fn op_is_not(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    two(vm, "is_not", args)?;
    Ok(Value::Bool(!args[0].is(&args[1])))
}
fn op_contains(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    two(vm, "contains", args)?;
    Ok(Value::Bool(vm.contains(&args[0], &args[1])?))
}
fn op_count_of(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    two(vm, "countOf", args)?;
    let mut n = 0;
    for x in vm.iter_to_vec(&args[0])? {
        if x.is(&args[1]) || vm.eq(&x, &args[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}
fn op_index_of(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    two(vm, "indexOf", args)?;
    for (i, x) in vm.iter_to_vec(&args[0])?.into_iter().enumerate() {
        if x.is(&args[1]) || vm.eq(&x, &args[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(vm.value_error("sequence.index(x): x not in sequence"))
}
fn op_getitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    two(vm, "getitem", args)?;
    vm.getitem(&args[0], &args[1])
}
fn op_setitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    if args.len() != 3 {
        return Err(vm.type_error(format!("setitem expected 3 arguments, got {}", args.len())));
    }
    vm.setitem(&args[0], &args[1], args[2].clone())?;
    Ok(Value::None)
}
fn op_delitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    two(vm, "delitem", args)?;
    crate::vm::methods::delitem(vm, &args[0], &args[1])?;
    Ok(Value::None)
}
fn op_concat(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    two(vm, "concat", args)?;
    let t = vm.type_of(&args[0]);
    if !matches!(
        args[0],
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_)
    ) && t.lookup("__getitem__").is_none()
    {
        return Err(vm.type_error(format!("'{}' object can't be concatenated", t.tp_name())));
    }
    vm.binary_op(&args[0], &args[1], BinaryOpKind::Add)
}
fn op_index(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    one(vm, "index", args)?;
    if let Value::Long(_) = &args[0] {
        return Ok(args[0].clone());
    }
    Ok(Value::Int(vm.to_index(&args[0])?))
}
fn op_length_hint(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    vm.check_args("length_hint", args, 1, 2)?;
    match vm.len(&args[0]) {
        Ok(n) => Ok(Value::Int(n as i64)),
        Err(_) => Ok(args.get(1).cloned().unwrap_or(Value::Int(0))),
    }
}

// ---- itemgetter / attrgetter / methodcaller

struct Getter {
    items: Vec<Value>,
}

fn getter_items(vm: &Vm, v: &Value) -> PyResult<Vec<Value>> {
    match v {
        Value::Instance(i) => match i.native::<Getter>() {
            Some(g) => Ok(g.items.clone()),
            None => Err(vm.type_error("expected an operator getter")),
        },
        _ => Err(vm.type_error("expected an operator getter")),
    }
}

fn itemgetter_new(vm: &mut Vm, cls: &Rc<PyType>, args: &[Value], kw: &KwArgs) -> R {
    if !kw.is_empty() {
        return Err(vm.type_error("itemgetter() takes no keyword arguments"));
    }
    if args.is_empty() {
        return Err(vm.type_error("itemgetter expected 1 argument, got 0"));
    }
    Ok(vm.new_native_instance(
        cls,
        Box::new(Getter {
            items: args.to_vec(),
        }),
    ))
}

fn itemgetter_call(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    if !kw.is_empty() {
        return Err(vm.type_error("itemgetter() takes no keyword arguments"));
    }
    let items = getter_items(vm, &args[0])?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "itemgetter expected 1 argument, got {}",
            args.len() - 1
        )));
    }
    if items.len() == 1 {
        return vm.getitem(&args[1], &items[0]);
    }
    let mut out = Vec::with_capacity(items.len());
    for k in &items {
        out.push(vm.getitem(&args[1], k)?);
    }
    Ok(Value::tuple(out))
}

fn getter_repr(vm: &mut Vm, args: &[Value], name: &str) -> R {
    let items = getter_items(vm, &args[0])?;
    let mut parts = Vec::with_capacity(items.len());
    for i in &items {
        parts.push(vm.repr(i)?);
    }
    Ok(Value::string(format!(
        "operator.{name}({})",
        parts.join(", ")
    )))
}

fn itemgetter_repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    getter_repr(vm, args, "itemgetter")
}

fn attrgetter_new(vm: &mut Vm, cls: &Rc<PyType>, args: &[Value], kw: &KwArgs) -> R {
    if !kw.is_empty() {
        return Err(vm.type_error("attrgetter() takes no keyword arguments"));
    }
    if args.is_empty() {
        return Err(vm.type_error("attrgetter expected 1 argument, got 0"));
    }
    for a in args {
        if !matches!(a, Value::Str(_)) {
            return Err(vm.type_error("attribute name must be a string"));
        }
    }
    Ok(vm.new_native_instance(
        cls,
        Box::new(Getter {
            items: args.to_vec(),
        }),
    ))
}

fn dotted(vm: &mut Vm, obj: &Value, name: &Value) -> R {
    let s = name.as_str().unwrap_or_default().to_string();
    let mut cur = obj.clone();
    for part in s.split('.') {
        cur = vm.getattr_str(&cur, part)?;
    }
    Ok(cur)
}

fn attrgetter_call(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    if !kw.is_empty() {
        return Err(vm.type_error("attrgetter() takes no keyword arguments"));
    }
    let items = getter_items(vm, &args[0])?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "attrgetter expected 1 argument, got {}",
            args.len() - 1
        )));
    }
    if items.len() == 1 {
        return dotted(vm, &args[1], &items[0]);
    }
    let mut out = Vec::with_capacity(items.len());
    for k in &items {
        out.push(dotted(vm, &args[1], k)?);
    }
    Ok(Value::tuple(out))
}

fn attrgetter_repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    getter_repr(vm, args, "attrgetter")
}

struct Caller {
    name: Value,
    args: Vec<Value>,
    kwargs: Vec<(Rc<str>, Value)>,
}

fn methodcaller_new(vm: &mut Vm, cls: &Rc<PyType>, args: &[Value], kw: &KwArgs) -> R {
    let Some(name) = args.first() else {
        return Err(vm.type_error("methodcaller needs at least one argument, the method name"));
    };
    if !matches!(name, Value::Str(_)) {
        return Err(vm.type_error("method name must be a string"));
    }
    Ok(vm.new_native_instance(
        cls,
        Box::new(Caller {
            name: name.clone(),
            args: args[1..].to_vec(),
            kwargs: kw.to_vec(),
        }),
    ))
}

fn caller_parts(vm: &Vm, v: &Value) -> PyResult<CallerParts> {
    if let Value::Instance(i) = v {
        if let Some(c) = i.native::<Caller>() {
            return Ok((c.name.clone(), c.args.clone(), c.kwargs.clone()));
        }
    }
    Err(vm.type_error("expected a methodcaller"))
}

fn methodcaller_call(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let (name, a, k) = caller_parts(vm, &args[0])?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "methodcaller expected 1 argument, got {}",
            args.len() - 1
        )));
    }
    let m = vm.getattr(&args[1], &name)?;
    vm.call(&m, &a, &k)
}

fn methodcaller_repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let (name, a, k) = caller_parts(vm, &args[0])?;
    let mut parts = vec![vm.repr(&name)?];
    for x in &a {
        parts.push(vm.repr(x)?);
    }
    for (n, x) in &k {
        let r = vm.repr(x)?;
        parts.push(format!("{n}={r}"));
    }
    Ok(Value::string(format!(
        "operator.methodcaller({})",
        parts.join(", ")
    )))
}

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let m = vm.new_module("operator");
    for (name, f) in BINOPS.iter().chain(CMPOPS.iter()) {
        vm.module_add_fn(&m, name, *f);
        // The dunder aliases (`operator.__add__`).
        let d = format!("__{}__", name.trim_end_matches('_'));
        vm.module_add_fn(&m, &d, *f);
    }
    for (name, f) in [
        ("neg", op_neg as crate::vm::NativeFn),
        ("pos", op_pos),
        ("invert", op_invert),
        ("inv", op_invert),
        ("abs", op_abs),
        ("not_", op_not),
        ("truth", op_truth),
        ("is_", op_is),
        ("is_not", op_is_not),
        ("contains", op_contains),
        ("countOf", op_count_of),
        ("indexOf", op_index_of),
        ("getitem", op_getitem),
        ("setitem", op_setitem),
        ("delitem", op_delitem),
        ("concat", op_concat),
        ("index", op_index),
        ("length_hint", op_length_hint),
    ] {
        vm.module_add_fn(&m, name, f);
    }
    let ig = vm.new_native_class("itemgetter", "operator", &[], Some(itemgetter_new))?;
    ig.mark_c_type();
    vm.add_methods(
        &ig,
        &[
            ("__call__", itemgetter_call),
            ("__repr__", itemgetter_repr),
            ("__init__", noop),
        ],
    );
    m.dict.set_str("itemgetter", Value::Type(ig));
    let ag = vm.new_native_class("attrgetter", "operator", &[], Some(attrgetter_new))?;
    ag.mark_c_type();
    vm.add_methods(
        &ag,
        &[
            ("__call__", attrgetter_call),
            ("__repr__", attrgetter_repr),
            ("__init__", noop),
        ],
    );
    m.dict.set_str("attrgetter", Value::Type(ag));
    let mc = vm.new_native_class("methodcaller", "operator", &[], Some(methodcaller_new))?;
    mc.mark_c_type();
    vm.add_methods(
        &mc,
        &[
            ("__call__", methodcaller_call),
            ("__repr__", methodcaller_repr),
            ("__init__", noop),
        ],
    );
    m.dict.set_str("methodcaller", Value::Type(mc));
    Ok(m)
}

fn noop(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> R {
    Ok(Value::None)
}
