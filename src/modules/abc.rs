//! `abc`: ABCMeta (CPython's pure-Python one: registration, `__subclasshook__`, the caches),
//! ABC and abstractmethod. Written in Python and run by the VM (see `pysource`); the VM raises
//! CPython's TypeError when a class with abstract methods left is called (`tflags::ABSTRACT`).

use crate::vm::object::tflags;
use crate::vm::{PyModule, PyResult, Value, Vm};
use std::rc::Rc;

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/modules/abc.py").text(vm, "abc")?;
    let mark = vm.new_closure("_set_abstract", |vm, args, _kw| match args {
        [Value::Type(t), flag, ..] => {
            let on = vm.truthy(flag)?;
            let f = t.flags.get();
            t.flags.set(if on {
                f | tflags::ABSTRACT
            } else {
                f & !tflags::ABSTRACT
            });
            Ok(Value::None)
        }
        _ => Err(vm.type_error("_set_abstract(cls, flag)")),
    });
    super::pysource::load_with(
        vm,
        "abc",
        "<loopscope>/abc.py",
        &text,
        &[("_set_abstract", mark)],
    )
}
