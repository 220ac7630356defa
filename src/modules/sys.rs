//! `sys`: argv, stdout/stderr (through the VM's output sink), recursion limit, exit.

use crate::vm::builtins::StdStream;
use crate::vm::{ExcKind, KwArgs, PyModule, PyResult, Stream, Value, Vm};
use std::rc::Rc;

fn stream_write(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("write", args, 2, 2)?;
    let stream = crate::vm::builtins::std_stream_of(&args[0]).unwrap_or(Stream::Stdout);
    let s = match &args[1] {
        Value::Str(s) => s.s.to_string(),
        other => {
            return Err(vm.type_error(format!(
                "write() argument must be str, not {}",
                vm.type_name(other)
            )))
        }
    };
    let n = s.chars().count();
    vm.write_out(stream, &s);
    Ok(Value::Int(n as i64))
}

/// `<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>`.
fn stream_repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("__repr__", args, 1, 1)?;
    let name = match crate::vm::builtins::std_stream_of(&args[0]) {
        Some(Stream::Stderr) => "<stderr>",
        _ => "<stdout>",
    };
    Ok(Value::string(format!(
        "<_io.TextIOWrapper name='{name}' mode='w' encoding='utf-8'>"
    )))
}

fn stream_flush(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::None)
}

/// The thread model's fixed switch interval (src/runtime/threads.rs).
fn getswitchinterval(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Float(crate::runtime::threads::SWITCH_INTERVAL))
}

pub fn get_coroutine_origin_tracking_depth(
    vm: &mut Vm,
    _args: &[Value],
    _kw: &KwArgs,
) -> PyResult<Value> {
    Ok(Value::Int(vm.coro_origin_depth as i64))
}

pub fn set_coroutine_origin_tracking_depth(
    vm: &mut Vm,
    args: &[Value],
    _kw: &KwArgs,
) -> PyResult<Value> {
    vm.check_args("set_coroutine_origin_tracking_depth", args, 1, 1)?;
    let n = vm.to_int(&args[0])?;
    if n < 0 {
        return Err(vm.value_error("depth must be >= 0"));
    }
    // Deeper than any stack the VM allows is all of it.
    vm.coro_origin_depth = usize::try_from(n).unwrap_or(usize::MAX);
    Ok(Value::None)
}

fn get_int_max_str_digits(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("get_int_max_str_digits", args, 0, 0)?;
    Ok(Value::Int(crate::vm::long::max_str_digits() as i64))
}

fn set_int_max_str_digits(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let Some(v) = crate::vm::kw_get(kw, "maxdigits").or(args.first()).cloned() else {
        return Err(
            vm.type_error("set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)")
        );
    };
    let n = vm.to_int(&v)?;
    if n != 0 && n < 640 {
        return Err(vm.value_error("maxdigits must be 0 or larger than 640"));
    }
    crate::vm::long::set_max_str_digits(n as usize);
    Ok(Value::None)
}

fn getrecursionlimit(vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::Int(vm.recursion_limit as i64))
}

fn setrecursionlimit(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("setrecursionlimit", args, 1, 1)?;
    let n = vm.to_int(&args[0])?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    // Deep Python recursion costs no Rust stack, but keep the limit sane.
    vm.recursion_limit = n.min(100_000) as usize;
    Ok(Value::None)
}

fn exit(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Err(vm.new_error_args(ExcKind::SystemExit, args.to_vec()))
}

fn exc_info(vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(match vm.handled_exception() {
        Some(e) => {
            let t = Value::Type(e.class());
            let tb = crate::vm::exceptions::traceback_value(vm, &e);
            Value::tuple(vec![t, Value::Instance(e), tb])
        }
        None => Value::tuple(vec![Value::None, Value::None, Value::None]),
    })
}

fn exception(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let t = exc_info(vm, args, kw)?;
    match t {
        Value::Tuple(t) => Ok(t.items.get(1).cloned().unwrap_or(Value::None)),
        _ => Ok(Value::None),
    }
}

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let m = vm.new_module("sys");
    let io = vm.new_native_class("TextIOWrapper", "_io", &[], None)?;
    io.mark_c_type();
    vm.add_method(&io, "write", stream_write);
    vm.add_method(&io, "flush", stream_flush);
    vm.add_method(&io, "__repr__", stream_repr);
    let out = vm.new_native_instance(&io, Box::new(StdStream(Stream::Stdout)));
    let err = vm.new_native_instance(&io, Box::new(StdStream(Stream::Stderr)));
    // What logging's StreamHandler shows in its repr (`<StreamHandler <stderr> (NOTSET)>`).
    for (stream, name) in [(&out, "<stdout>"), (&err, "<stderr>")] {
        if let Value::Instance(i) = stream {
            let mut d = i.dict.borrow_mut();
            d.set("name", Value::str(name));
            d.set("mode", Value::str("w"));
            d.set("encoding", Value::str("utf-8"));
        }
    }
    m.dict.set_str("stdout", out.clone());
    m.dict.set_str("stderr", err.clone());
    m.dict.set_str("__stdout__", out);
    m.dict.set_str("__stderr__", err);
    let argv: Vec<Value> = vm.argv.iter().map(|a| Value::str(a)).collect();
    m.dict.set_str("argv", Value::list(argv));
    m.dict.set_str("modules", Value::Dict(vm.modules.clone()));
    m.dict.set_str("maxsize", Value::Int(i64::MAX));
    m.dict.set_str("version", Value::str("3.11.7 (loopscope)"));
    let vi = version_info(vm)?;
    m.dict.set_str("version_info", vi);
    m.dict.set_str("platform", Value::str("linux"));
    m.dict.set_str("byteorder", Value::str("little"));
    m.dict.set_str("path", Value::list(vec![]));
    vm.module_add_fn(&m, "getrecursionlimit", getrecursionlimit);
    vm.module_add_fn(&m, "get_int_max_str_digits", get_int_max_str_digits);
    vm.module_add_fn(&m, "set_int_max_str_digits", set_int_max_str_digits);
    vm.module_add_fn(
        &m,
        "get_coroutine_origin_tracking_depth",
        get_coroutine_origin_tracking_depth,
    );
    vm.module_add_fn(
        &m,
        "set_coroutine_origin_tracking_depth",
        set_coroutine_origin_tracking_depth,
    );
    vm.module_add_fn(&m, "getswitchinterval", getswitchinterval);
    vm.module_add_fn(&m, "setrecursionlimit", setrecursionlimit);
    vm.module_add_fn(&m, "exit", exit);
    vm.module_add_fn(&m, "_getframe", getframe);
    vm.module_add_fn(&m, "exc_info", exc_info);
    vm.module_add_fn(&m, "exception", exception);
    vm.module_add_fn(&m, "__getattr__", lazy_attr);
    Ok(m)
}

/// `sys.version_info`: a named tuple (`.major`, slicing, comparison with tuples), shown as
/// CPython shows its struct sequence.
fn version_info(vm: &mut Vm) -> PyResult<Value> {
    let items = vec![
        Value::Int(3),
        Value::Int(11),
        Value::Int(7),
        Value::str("final"),
        Value::Int(0),
    ];
    struct_seq(
        vm,
        "version_info",
        "major minor micro releaselevel serial",
        items,
    )
}

/// A named tuple standing for one of CPython's struct sequences (`sys.X`).
fn struct_seq(vm: &mut Vm, name: &str, fields: &str, items: Vec<Value>) -> PyResult<Value> {
    let Value::Module(c) = vm.import("collections", true)? else {
        return Ok(Value::tuple(items));
    };
    let Some(nt) = c.dict.get_str("namedtuple") else {
        return Ok(Value::tuple(items));
    };
    let cls = vm.call(&nt, &[Value::str(name), Value::str(fields)], &[])?;
    vm.setattr(
        &cls,
        &Value::str("__name__"),
        Value::str(&format!("sys.{name}")),
    )?;
    vm.call(&cls, &items, &[])
}

/// `sys.hash_info` and `sys.float_info` (CPython's values on 64-bit Linux), made on first
/// read: every script imports `sys` at start-up, and making them there would shift object ids.
/// `_pydecimal` and `fractions` hash with `hash_info.modulus`.
fn lazy_attr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let name = match args.first() {
        Some(Value::Str(s)) => s.s.to_string(),
        _ => String::new(),
    };
    let v = match name.as_str() {
        "hash_info" => struct_seq(
            vm,
            "hash_info",
            "width modulus inf nan imag algorithm hash_bits seed_bits cutoff",
            vec![
                Value::Int(64),
                Value::Int((1 << 61) - 1),
                Value::Int(314_159),
                Value::Int(0),
                Value::Int(1_000_003),
                Value::str("siphash13"),
                Value::Int(64),
                Value::Int(128),
                Value::Int(0),
            ],
        )?,
        "float_info" => struct_seq(
            vm,
            "float_info",
            "max max_exp max_10_exp min min_exp min_10_exp dig mant_dig epsilon radix rounds",
            vec![
                Value::Float(f64::MAX),
                Value::Int(1024),
                Value::Int(308),
                Value::Float(f64::MIN_POSITIVE),
                Value::Int(-1021),
                Value::Int(-307),
                Value::Int(15),
                Value::Int(53),
                Value::Float(f64::EPSILON),
                Value::Int(2),
                Value::Int(1),
            ],
        )?,
        _ => return Err(vm.attr_error(format!("module 'sys' has no attribute '{name}'"))),
    };
    if let Some(Value::Module(sys)) = vm.modules.get_str("sys") {
        sys.dict.set_str(&name, v.clone());
    }
    Ok(v)
}

/// `sys._getframe(depth=0)`: the caller's frame object, or the one `depth` calls above it.
fn getframe(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("_getframe", args, 0, 1)?;
    let depth = match args.first() {
        None => 0,
        Some(Value::Int(i)) => *i,
        Some(Value::Bool(b)) => i64::from(*b),
        Some(other) => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(other)
            )))
        }
    };
    let n = vm.frames.len() as i64;
    if depth < 0 || depth >= n {
        if depth < 0 && n > 0 {
            return Ok(vm.frame_object(n as usize - 1));
        }
        return Err(vm.value_error("call stack is not deep enough"));
    }
    Ok(vm.frame_object((n - 1 - depth) as usize))
}
