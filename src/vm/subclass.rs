//! Python subclasses of built-in types (`class D(dict)`, `class S(str)`, `class C(int)`, ...).
//!
//! An instance of such a class is a `PyInstance` (its class, its `__dict__`) that carries the
//! built-in value it extends as its payload (`Ext::Builtin`): a `Value::Dict`, `Value::Str`,
//! ... . The built-in types get CPython's slot methods (`__getitem__`, `__len__`, `__eq__`,
//! `__init__`, `__new__`, ...) as built-ins that accept such an instance as `self` and run the
//! native operation on its payload, so an instance behaves as the built-in wherever the
//! class does not override something, and `super().__setitem__(...)` reaches the built-in.
//! Ordinary built-in methods (`append`, `upper`) are bound to the payload itself.

use super::exceptions::ExcKind;
use super::object::{Ext, NativeImpl, PyBuiltin, PyInstance, PyType, Special};
use super::value::Value;
use super::{KwArgs, PyResult, Vm};
use crate::lang::bytecode::{BinaryOpKind, CompareKind};
use std::cell::RefCell;
use std::rc::Rc;

type R = PyResult<Value>;

/// The built-in value an instance of a subclass of a built-in type carries.
pub fn payload(v: &Value) -> Option<&Value> {
    match v {
        Value::Instance(i) => match &i.ext {
            Ext::Builtin(p) => Some(p),
            _ => None,
        },
        _ => None,
    }
}

/// `v`, or the built-in value it carries when it is an instance of a built-in's subclass.
pub fn unwrap(v: &Value) -> Value {
    payload(v).unwrap_or(v).clone()
}

/// The names of the built-in types whose subclasses carry a payload.
const PAYLOAD_TYPES: [&str; 9] = [
    "int",
    "float",
    "str",
    "bytes",
    "tuple",
    "list",
    "dict",
    "set",
    "frozenset",
];

pub fn is_payload_type(t: &PyType) -> bool {
    t.layout == super::object::Layout::Builtin
        && t.native_new.is_some()
        && &**t.module.borrow() == "builtins"
        && PAYLOAD_TYPES.contains(&&*t.name())
}

/// The built-in type whose value instances of `t` carry (`t` itself for a built-in type).
pub fn payload_base(t: &Rc<PyType>) -> Option<Rc<PyType>> {
    if is_payload_type(t) {
        return Some(t.clone());
    }
    t.mro_tail.iter().find(|b| is_payload_type(b)).cloned()
}

impl Vm {
    /// An instance of `cls` (a subclass of a built-in type) carrying the built-in value `p`.
    pub fn new_payload_instance(&self, cls: &Rc<PyType>, p: Value) -> Value {
        Value::Instance(Rc::new(PyInstance {
            cls: RefCell::new(cls.clone()),
            dict: RefCell::new(super::object::StrMap::new()),
            ext: Ext::Builtin(p),
            id: self.next_id(),
        }))
    }
}

/// `T.__new__(cls, *args)` for a built-in type `T`: the built-in value itself when `cls` is
/// `T`, else an instance of `cls` carrying it. Mutable containers start empty (their
/// `__init__` fills them, as in CPython); immutable values are built from the arguments.
fn builtin_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    let Some(Value::Type(cls)) = args.first() else {
        return Err(vm.type_error("__new__(X): X is not a type object"));
    };
    let cls = cls.clone();
    // Native classes built on a built-in (namedtuple, OrderedDict, ...) make their own
    // instances.
    if cls.layout == super::object::Layout::Native {
        let own = cls
            .native_new
            .or_else(|| cls.mro_tail.iter().find_map(|b| b.native_new));
        if let Some(nf) = own {
            return nf(vm, &cls, &args[1..], kw);
        }
    }
    let Some(base) = payload_base(&cls) else {
        return Err(vm.type_error(format!(
            "{}.__new__({}): {} is not a subtype of a built-in type",
            cls.name(),
            cls.name(),
            cls.name()
        )));
    };
    let Some(newf) = base.native_new else {
        return Err(vm.type_error(format!("cannot create '{}' instances", base.name())));
    };
    let mutable = matches!(&*base.name(), "list" | "dict" | "set");
    let p = if mutable {
        newf(vm, &base, &[], &[])?
    } else {
        newf(vm, &base, &args[1..], kw)?
    };
    if Rc::ptr_eq(&cls, &base) {
        return Ok(p);
    }
    Ok(vm.new_payload_instance(&cls, p))
}

/// `list.__init__` / `set.__init__` (clear, then fill) and `dict.__init__` (update).
fn builtin_init(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> R {
    let Some(slf) = args.first() else {
        return Err(vm.type_error("__init__ needs an argument"));
    };
    let p = unwrap(slf);
    let rest = &args[1..];
    match &p {
        Value::List(l) => {
            vm.check_args("list", rest, 0, 1)?;
            if !kw.is_empty() {
                return Err(vm.type_error("list() takes no keyword arguments"));
            }
            let items = match rest.first() {
                Some(src) => vm.iter_to_vec(src)?,
                None => vec![],
            };
            *l.items.borrow_mut() = items;
        }
        Value::Set(s) if !s.frozen => {
            vm.check_args("set", rest, 0, 1)?;
            let items = match rest.first() {
                Some(src) => vm.iter_to_vec(src)?,
                None => vec![],
            };
            s.t.borrow_mut().clear();
            for it in items {
                vm.set_add(s, it)?;
            }
        }
        Value::Dict(_) => {
            vm.check_args("dict", rest, 0, 1)?;
            let update = vm.getattr_str(&p, "update")?;
            vm.call(&update, rest, kw)?;
        }
        _ => {}
    }
    Ok(Value::None)
}

fn self_arg(vm: &Vm, args: &[Value], n: usize, name: &str) -> PyResult<Value> {
    if args.len() != n {
        return Err(vm.type_error(format!(
            "expected {} argument{} for {name}, got {}",
            n - 1,
            if n == 2 { "" } else { "s" },
            args.len().saturating_sub(1)
        )));
    }
    let p = unwrap(&args[0]);
    // An object that only inherits the slot (a native class built on the type) carries no
    // value to run it on: running the operation on it again would recurse.
    if matches!(p, Value::Instance(_) | Value::Native(_)) {
        return Err(vm.type_error(format!(
            "descriptor '{name}' requires a built-in object but received a '{}'",
            vm.type_name(&p)
        )));
    }
    Ok(p)
}

fn w_len(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let p = self_arg(vm, args, 1, "__len__")?;
    Ok(Value::Int(vm.len(&p)? as i64))
}

/// `dict.__getitem__` consults `__missing__` of a subclass for a missing key.
fn w_getitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let p = self_arg(vm, args, 2, "__getitem__")?;
    if let Value::Dict(d) = &p {
        if let Some(v) = vm.dict_get(d, &args[1])? {
            return Ok(v);
        }
        if payload(&args[0]).is_some() {
            if let Some(r) = vm.call_dunder(&args[0], "__missing__", &[args[1].clone()])? {
                return Ok(r);
            }
        }
        return Err(vm.new_error_args(ExcKind::KeyError, vec![args[1].clone()]));
    }
    vm.getitem(&p, &args[1])
}

fn w_setitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let p = self_arg(vm, args, 3, "__setitem__")?;
    vm.setitem(&p, &args[1], args[2].clone())?;
    Ok(Value::None)
}

fn w_delitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let p = self_arg(vm, args, 2, "__delitem__")?;
    super::methods::delitem(vm, &p, &args[1])?;
    Ok(Value::None)
}

fn w_contains(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let p = self_arg(vm, args, 2, "__contains__")?;
    let item = unwrap(&args[1]);
    Ok(Value::Bool(vm.contains(&p, &item)?))
}

fn w_iter(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let p = self_arg(vm, args, 1, "__iter__")?;
    vm.get_iter(&p)
}

fn w_reversed(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let p = self_arg(vm, args, 1, "__reversed__")?;
    let f = vm
        .builtins
        .get_str("reversed")
        .ok_or_else(|| vm.type_error("reversed is missing"))?;
    vm.call(&f, &[p], &[])
}

fn w_repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let p = self_arg(vm, args, 1, "__repr__")?;
    Ok(Value::string(vm.repr(&p)?))
}

fn w_str(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let p = self_arg(vm, args, 1, "__str__")?;
    Ok(Value::string(vm.str_of(&p)?))
}

fn w_hash(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let p = self_arg(vm, args, 1, "__hash__")?;
    Ok(Value::Int(vm.hash(&p)?))
}

fn w_bool(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let p = self_arg(vm, args, 1, "__bool__")?;
    Ok(Value::Bool(vm.truthy(&p)?))
}

fn w_index(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let p = self_arg(vm, args, 1, "__index__")?;
    Ok(match p {
        Value::Bool(b) => Value::Int(b as i64),
        other => other,
    })
}

fn w_int(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let p = self_arg(vm, args, 1, "__int__")?;
    let int = Value::Type(vm.types.int.clone());
    vm.call(&int, &[p], &[])
}

fn w_float(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let p = self_arg(vm, args, 1, "__float__")?;
    Ok(Value::Float(vm.to_f64(&p)?))
}

fn w_format(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let p = self_arg(vm, args, 2, "__format__")?;
    let spec = match &args[1] {
        Value::Str(s) => s.s.to_string(),
        other => {
            return Err(vm.type_error(format!(
                "__format__() argument must be str, not {}",
                vm.type_name(other)
            )))
        }
    };
    if spec.is_empty() {
        // `format(x, "")` is `str(x)`, which a subclass may have changed.
        return Ok(Value::string(vm.str_of(&args[0])?));
    }
    Ok(Value::string(vm.format(&p, &spec)?))
}

fn compare_w(vm: &mut Vm, args: &[Value], op: CompareKind) -> R {
    let p = self_arg(vm, args, 2, "comparison")?;
    let other = unwrap(&args[1]);
    if matches!(other, Value::Instance(_) | Value::Native(_)) {
        return Ok(Value::NotImplemented);
    }
    if vm.type_of(&p).name() != vm.type_of(&other).name()
        && !matches!(
            (&p, &other),
            (
                Value::Int(_) | Value::Float(_) | Value::Bool(_),
                Value::Int(_) | Value::Float(_) | Value::Bool(_)
            ) | (Value::Set(_), Value::Set(_))
        )
    {
        return Ok(Value::NotImplemented);
    }
    vm.compare(&p, &other, op)
}

macro_rules! cmp_wrappers {
    ($($f:ident => $k:ident),*) => {
        $(fn $f(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
            compare_w(vm, args, CompareKind::$k)
        })*
    };
}
cmp_wrappers!(w_eq => Eq, w_ne => Ne, w_lt => Lt, w_le => Le, w_gt => Gt, w_ge => Ge);

/// A binary operator slot: the native operation on the payloads, NotImplemented when it does
/// not apply (so the other operand's reflected method gets its turn, and the error names
/// the subclass).
fn binop_w(vm: &mut Vm, args: &[Value], op: BinaryOpKind, reflected: bool) -> R {
    let p = self_arg(vm, args, 2, "operator")?;
    let other = unwrap(&args[1]);
    if matches!(other, Value::Instance(_) | Value::Native(_)) {
        return Ok(Value::NotImplemented);
    }
    let r = if reflected {
        vm.binary_op(&other, &p, op)
    } else {
        vm.binary_op(&p, &other, op)
    };
    match r {
        Err(e) if vm.exc_matches(&e, ExcKind::TypeError) => Ok(Value::NotImplemented),
        r => r,
    }
}

macro_rules! binop_wrappers {
    ($($f:ident => $k:ident, $refl:expr);* $(;)?) => {
        $(fn $f(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
            binop_w(vm, args, BinaryOpKind::$k, $refl)
        })*
    };
}
binop_wrappers!(
    w_add => Add, false; w_radd => Add, true;
    w_sub => Sub, false; w_rsub => Sub, true;
    w_mul => Mul, false; w_rmul => Mul, true;
    w_truediv => TrueDiv, false; w_rtruediv => TrueDiv, true;
    w_floordiv => FloorDiv, false; w_rfloordiv => FloorDiv, true;
    w_mod => Mod, false; w_rmod => Mod, true;
    w_pow => Pow, false; w_rpow => Pow, true;
    w_and => And, false; w_rand => And, true;
    w_or => Or, false; w_ror => Or, true;
    w_xor => Xor, false; w_rxor => Xor, true;
);

/// In-place operators of mutable containers: mutate the payload, return `self` (so
/// `s += [1]` keeps `s` an instance of the subclass).
fn inplace_w(vm: &mut Vm, args: &[Value], op: BinaryOpKind) -> R {
    let p = self_arg(vm, args, 2, "operator")?;
    let other = unwrap(&args[1]);
    let r = vm.binary_op(&p, &other, op_inplace(op))?;
    if r.is(&p) {
        return Ok(args[0].clone());
    }
    Ok(r)
}

fn op_inplace(op: BinaryOpKind) -> BinaryOpKind {
    match op {
        BinaryOpKind::Add => BinaryOpKind::InplaceAdd,
        BinaryOpKind::Mul => BinaryOpKind::InplaceMul,
        BinaryOpKind::Or => BinaryOpKind::InplaceOr,
        BinaryOpKind::And => BinaryOpKind::InplaceAnd,
        BinaryOpKind::Sub => BinaryOpKind::InplaceSub,
        BinaryOpKind::Xor => BinaryOpKind::InplaceXor,
        other => other,
    }
}

macro_rules! inplace_wrappers {
    ($($f:ident => $k:ident),*) => {
        $(fn $f(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
            inplace_w(vm, args, BinaryOpKind::$k)
        })*
    };
}
inplace_wrappers!(w_iadd => Add, w_imul => Mul, w_ior => Or, w_iand => And,
    w_isub => Sub, w_ixor => Xor);

fn w_neg(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let p = self_arg(vm, args, 1, "__neg__")?;
    vm.binary_op(&Value::Int(0), &p, BinaryOpKind::Sub)
}

fn w_abs(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> R {
    let p = self_arg(vm, args, 1, "__abs__")?;
    let f = vm
        .builtins
        .get_str("abs")
        .ok_or_else(|| vm.type_error("abs is missing"))?;
    vm.call(&f, &[p], &[])
}

/// Register slot `f` on built-in type `ty`, refusing (as CPython's slot wrappers do) a `self`
/// that is not an instance of `ty`, or for `__new__` a class that is not a subtype of it.
fn reg(ty: &Rc<PyType>, name: &str, f: super::NativeFn) {
    let owner = ty.clone();
    let mname: Rc<str> = Rc::from(name);
    let is_new = name == "__new__";
    // CPython words the check differently for methods defined in the type's method table
    // than for slot wrappers.
    let tname = ty.name();
    let method_style = matches!(
        (&*tname, name),
        ("dict" | "list", "__getitem__")
            | ("dict", "__contains__")
            | (_, "__reversed__" | "__format__")
    );
    let m = mname.clone();
    let check = move |vm: &mut Vm, args: &[Value], kw: &KwArgs| -> R {
        let o = owner.name();
        if is_new {
            match args.first() {
                Some(Value::Type(_)) => {}
                Some(other) => {
                    return Err(vm.type_error(format!(
                        "{o}.__new__(X): X is not a type object ({})",
                        vm.type_name(other)
                    )))
                }
                None => return Err(vm.type_error(format!("{o}.__new__(): not enough arguments"))),
            }
            if let Some(Value::Type(cls)) = args.first() {
                if !cls.is_subtype(&owner) {
                    let c = cls.name();
                    return Err(
                        vm.type_error(format!("{o}.__new__({c}): {c} is not a subtype of {o}"))
                    );
                }
            }
        } else if let Some(s) = args.first() {
            let t = vm.type_of(s);
            if !t.is_subtype(&owner) {
                return Err(vm.type_error(if method_style {
                    format!(
                        "descriptor '{m}' for '{o}' objects doesn't apply to a '{}' object",
                        t.name()
                    )
                } else {
                    format!(
                        "descriptor '{m}' requires a '{o}' object but received a '{}'",
                        t.name()
                    )
                }));
            }
        }
        f(vm, args, kw)
    };
    let v = Value::Builtin(Rc::new(PyBuiltin {
        name: mname,
        imp: NativeImpl::Closure(Rc::new(check)),
        bound: None,
        special: Special::None,
        owner: Some(ty.name()),
        module: None,
    }));
    ty.dict.borrow_mut().set(name, v);
}

fn reg_all(ty: &Rc<PyType>, methods: &[(&str, super::NativeFn)]) {
    for (n, f) in methods {
        reg(ty, n, *f);
    }
}

/// Give the built-in types the slot methods CPython's have (only those each type has, so
/// `hasattr` and `vars()` answer as in CPython).
pub fn register(vm: &mut Vm) {
    use super::NativeFn;
    let tys = &vm.types;
    let t: Vec<Rc<PyType>> = vec![
        tys.int.clone(),
        tys.float.clone(),
        tys.str_.clone(),
        tys.bytes.clone(),
        tys.tuple.clone(),
        tys.list.clone(),
        tys.dict.clone(),
        tys.set.clone(),
        tys.frozenset.clone(),
    ];
    let cmp: [(&str, NativeFn); 6] = [
        ("__eq__", w_eq),
        ("__ne__", w_ne),
        ("__lt__", w_lt),
        ("__le__", w_le),
        ("__gt__", w_gt),
        ("__ge__", w_ge),
    ];
    let seq: [(&str, NativeFn); 4] = [
        ("__len__", w_len),
        ("__getitem__", w_getitem),
        ("__contains__", w_contains),
        ("__iter__", w_iter),
    ];
    let num: [(&str, NativeFn); 22] = [
        ("__add__", w_add),
        ("__radd__", w_radd),
        ("__sub__", w_sub),
        ("__rsub__", w_rsub),
        ("__mul__", w_mul),
        ("__rmul__", w_rmul),
        ("__truediv__", w_truediv),
        ("__rtruediv__", w_rtruediv),
        ("__floordiv__", w_floordiv),
        ("__rfloordiv__", w_rfloordiv),
        ("__mod__", w_mod),
        ("__rmod__", w_rmod),
        ("__pow__", w_pow),
        ("__rpow__", w_rpow),
        ("__neg__", w_neg),
        ("__abs__", w_abs),
        ("__bool__", w_bool),
        ("__float__", w_float),
        ("__int__", w_int),
        ("__hash__", w_hash),
        ("__format__", w_format),
        ("__repr__", w_repr),
    ];
    let bits: [(&str, NativeFn); 7] = [
        ("__and__", w_and),
        ("__rand__", w_rand),
        ("__or__", w_or),
        ("__ror__", w_ror),
        ("__xor__", w_xor),
        ("__rxor__", w_rxor),
        ("__index__", w_index),
    ];
    for ty in &t {
        let name = ty.name();
        // Registering methods must not change how the built-in types themselves are
        // called (their flags stay those computed at creation).
        let flags = ty.flags.get();
        reg_all(ty, &cmp);
        reg(ty, "__new__", builtin_new);
        match &*name {
            "int" => {
                reg_all(ty, &num);
                reg_all(ty, &bits);
            }
            "float" => reg_all(ty, &num),
            "str" | "bytes" => {
                reg_all(ty, &seq);
                reg_all(
                    ty,
                    &[
                        ("__add__", w_add),
                        ("__mul__", w_mul),
                        ("__rmul__", w_rmul),
                        ("__mod__", w_mod),
                        ("__hash__", w_hash),
                        ("__repr__", w_repr),
                        ("__str__", w_str),
                    ],
                );
                if &*name == "str" {
                    reg(ty, "__format__", w_format);
                }
            }
            "tuple" => {
                reg_all(ty, &seq);
                reg_all(
                    ty,
                    &[
                        ("__add__", w_add),
                        ("__mul__", w_mul),
                        ("__rmul__", w_rmul),
                        ("__hash__", w_hash),
                        ("__repr__", w_repr),
                    ],
                );
            }
            "list" => {
                reg_all(ty, &seq);
                reg_all(
                    ty,
                    &[
                        ("__setitem__", w_setitem),
                        ("__delitem__", w_delitem),
                        ("__add__", w_add),
                        ("__mul__", w_mul),
                        ("__rmul__", w_rmul),
                        ("__iadd__", w_iadd),
                        ("__imul__", w_imul),
                        ("__repr__", w_repr),
                        ("__init__", builtin_init),
                    ],
                );
                reg(ty, "__reversed__", w_reversed);
            }
            "dict" => {
                reg_all(ty, &seq);
                reg_all(
                    ty,
                    &[
                        ("__setitem__", w_setitem),
                        ("__delitem__", w_delitem),
                        ("__or__", w_or),
                        ("__ror__", w_ror),
                        ("__ior__", w_ior),
                        ("__repr__", w_repr),
                        ("__reversed__", w_reversed),
                        ("__init__", builtin_init),
                    ],
                );
            }
            "set" | "frozenset" => {
                for (n, f) in [
                    ("__len__", w_len as NativeFn),
                    ("__contains__", w_contains),
                    ("__iter__", w_iter),
                    ("__and__", w_and),
                    ("__rand__", w_rand),
                    ("__or__", w_or),
                    ("__ror__", w_ror),
                    ("__xor__", w_xor),
                    ("__rxor__", w_rxor),
                    ("__sub__", w_sub),
                    ("__rsub__", w_rsub),
                    ("__repr__", w_repr),
                ] {
                    reg(ty, n, f);
                }
                if &*name == "set" {
                    reg_all(
                        ty,
                        &[
                            ("__ior__", w_ior),
                            ("__iand__", w_iand),
                            ("__isub__", w_isub),
                            ("__ixor__", w_ixor),
                            ("__init__", builtin_init),
                        ],
                    );
                } else {
                    reg(ty, "__hash__", w_hash);
                }
            }
            _ => {}
        }
        ty.flags.set(flags);
    }
}
