//! Modules written in Python source and run by the VM (CPython implements them in Python too,
//! so running their code gives CPython's behaviour, e.g. `contextlib`).
//!
//! The source is compiled with loopscope's own front end on first import and executed as the
//! module body; it is registered with the VM so tracebacks through it can quote its lines.

use crate::lang::span::SourceFile;
use crate::vm::object::PyCode;
use crate::vm::{ExcKind, PyModule, PyResult, Value, Vm};
use std::rc::Rc;

/// Compile `text` and run it as module `name` (shown in tracebacks as `filename`).
pub fn load(vm: &mut Vm, name: &str, filename: &str, text: &str) -> PyResult<Rc<PyModule>> {
    load_with(vm, name, filename, text, &[])
}

/// [`load`] with globals set before the module body runs (natives the Python code calls).
pub fn load_with(
    vm: &mut Vm,
    name: &str,
    filename: &str,
    text: &str,
    preset: &[(&str, Value)],
) -> PyResult<Rc<PyModule>> {
    let m = vm.new_module(name);
    for (k, v) in preset {
        m.dict.set_str(k, v.clone());
    }
    exec_into(vm, &m, filename, text)?;
    Ok(m)
}

/// Compile `text` and run it as the body of the existing module `m` (a package whose
/// submodules import it while its body runs is in `sys.modules` before that).
pub fn exec_into(vm: &mut Vm, m: &Rc<PyModule>, filename: &str, text: &str) -> PyResult<()> {
    let src = Rc::new(SourceFile::new(filename, text));
    vm.add_source(src.clone());
    let code = crate::vm::anchors::compile_source(&src).map_err(|msg| {
        vm.new_error(
            ExcKind::ImportError,
            format!("cannot load module '{}': {msg}", m.name),
        )
    })?;
    let builtins = vm.builtins_module();
    m.dict.set_str("__builtins__", Value::Module(builtins));
    m.dict.set_str("__file__", Value::str(filename));
    let pc = Rc::new(PyCode::new(code));
    let mut f = vm.new_frame(pc, m.dict.clone(), vec![], vec![], None);
    f.locals_dict = Some(m.dict.clone());
    vm.run_nested(f)?;
    Ok(())
}

/// [`exec_into`] with `m` in `sys.modules` while its body runs, as CPython's import has it
/// (a package's submodules import it, `os` and `posixpath` import each other, signal.py's
/// enums read it back); taken out again if the body fails.
pub fn exec_registered(
    vm: &mut Vm,
    m: Rc<PyModule>,
    filename: &str,
    text: &str,
) -> PyResult<Rc<PyModule>> {
    let name = m.name.to_string();
    vm.modules.set_str(&name, Value::Module(m.clone()));
    if let Err(e) = exec_into(vm, &m, filename, text) {
        vm.modules.remove_str(&name);
        return Err(e);
    }
    Ok(m)
}

/// `_c_type(cls)` for a module's Python source: `cls` stands for one of CPython's C types, so
/// messages name its instances `module.name` (`tflags::C_NAME`).
pub fn c_type_marker(vm: &mut Vm) -> Value {
    vm.new_closure("_c_type", |vm, args, _kw| match args.first() {
        Some(Value::Type(t)) => {
            t.mark_c_type();
            Ok(Value::None)
        }
        _ => Err(vm.type_error("_c_type() needs a class")),
    })
}
