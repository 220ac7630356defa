//! `types`: the `coroutine` decorator and the type objects scripts compare against.

use crate::lang::bytecode::flags;
use crate::vm::object::{PyCode, PyFunction};
use crate::vm::{KwArgs, PyModule, PyResult, Value, Vm};
use std::rc::Rc;

/// `types.coroutine(gen_func)`: mark a generator function's code as an iterable coroutine so
/// its generators can be awaited.
fn coroutine(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_args("coroutine", args, 1, 1)?;
    let Value::Func(f) = &args[0] else {
        if matches!(
            args[0],
            Value::Builtin(_) | Value::Method(_) | Value::Instance(_)
        ) {
            return Ok(args[0].clone());
        }
        return Err(vm.type_error("types.coroutine() expects a callable"));
    };
    let co = &f.code.co;
    if co.flags & flags::GENERATOR == 0 {
        return Ok(args[0].clone());
    }
    let mut nc = (**co).clone();
    nc.flags |= flags::ITERABLE_COROUTINE;
    let nf = PyFunction {
        code: Rc::new(PyCode::new(Rc::new(nc))),
        globals: f.globals.clone(),
        name: std::cell::RefCell::new(f.name.borrow().clone()),
        qualname: std::cell::RefCell::new(f.qualname.borrow().clone()),
        defaults: std::cell::RefCell::new(f.defaults.borrow().clone()),
        kwdefaults: std::cell::RefCell::new(f.kwdefaults.borrow().clone()),
        closure: f.closure.clone(),
        dict: std::cell::RefCell::new(f.dict.borrow().clone()),
        module: f.module.clone(),
        id: vm.next_id(),
    };
    Ok(Value::Func(Rc::new(nf)))
}

const SOURCE: &str = embedded_py!("src/modules/types.py");

/// The classes written in Python (`types.py`), loaded on first use: asyncio imports `types`,
/// and loading them eagerly would shift every object id (and so set orders) of asyncio scripts.
fn lazy_attr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let name = match args.first() {
        Some(Value::Str(s)) => s.s.to_string(),
        _ => String::new(),
    };
    let Some(Value::Module(types)) = vm.modules.get_str("types") else {
        return Err(vm.attr_error(format!("module 'types' has no attribute '{name}'")));
    };
    if name == "SimpleNamespace" || name == "UnionType" {
        let py = super::pysource::load(vm, "types", "<loopscope>/types.py", SOURCE)?;
        // Both classes come from one load: keep both, so a second load never makes a
        // second, different UnionType.
        for n in ["SimpleNamespace", "UnionType"] {
            if let Some(v) = py.dict.get_str(n) {
                types.dict.set_str(n, v);
            }
        }
        if let Some(v) = types.dict.get_str(&name) {
            return Ok(v);
        }
    }
    if name == "GenericAlias" {
        let text = fetched_py!("src/modules/generic_alias.py").text(vm, "types")?;
        let py = super::pysource::load(vm, "types", "<loopscope>/generic_alias.py", &text)?;
        if let Some(v) = py.dict.get_str("GenericAlias") {
            types.dict.set_str("GenericAlias", v.clone());
            return Ok(v);
        }
    }
    Err(vm.attr_error(format!("module 'types' has no attribute '{name}'")))
}

/// `a | b` where each side is a class or None: `types.UnionType._make(a, b)` (PEP 604).
pub fn make_union(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let types = vm.import("types", true)?;
    let ut = vm.getattr_str(&types, "UnionType")?;
    let make = vm.getattr_str(&ut, "_make")?;
    vm.call(&make, &[a.clone(), b.clone()], &[])
}

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let m = vm.new_module("types");
    vm.module_add_fn(&m, "coroutine", coroutine);
    vm.module_add_fn(&m, "__getattr__", lazy_attr);
    let t = vm.types.clone();
    for (name, ty) in [
        ("GeneratorType", &t.generator),
        ("CoroutineType", &t.coroutine),
        ("AsyncGeneratorType", &t.async_generator),
        ("FunctionType", &t.function),
        ("LambdaType", &t.function),
        ("MethodType", &t.method),
        ("BuiltinFunctionType", &t.builtin_function),
        ("BuiltinMethodType", &t.builtin_function),
        ("ModuleType", &t.module),
        ("CodeType", &t.code),
        ("NoneType", &t.none),
    ] {
        m.dict.set_str(name, Value::Type(ty.clone()));
    }
    if let Some(frame) = t.misc.get("frame") {
        m.dict.set_str("FrameType", Value::Type(frame.clone()));
    }
    Ok(m)
}
