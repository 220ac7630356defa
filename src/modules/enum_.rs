//! `enum`: Enum, auto, unique and the EnumType metaclass, written in Python (`enum.py`) and run
//! by the VM (see `pysource`).

use crate::vm::{PyModule, PyResult, Vm};
use std::rc::Rc;

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/modules/enum.py").text(vm, "enum")?;
    super::pysource::load(vm, "enum", "<loopscope>/enum.py", &text)
}
