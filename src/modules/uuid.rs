//! `uuid`: CPython 3.11.7's own `uuid.py` (UUID, uuid1/3/4/5, the namespaces), run by the VM
//! on the native `hashlib` (uuid3/uuid5) and `os.urandom` (uuid4: deterministic here, as
//! every run is). The Python source is from CPython (PSF license).

use crate::vm::{PyModule, PyResult, Vm};
use std::rc::Rc;

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/modules/uuid.py").text(vm, "uuid")?;
    super::pysource::load(vm, "uuid", "/usr/lib/python3.11/uuid.py", &text)
}

/// `platform`: loopscope's few answers (`platform.py`), which `uuid` needs at import.
pub fn init_platform(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/modules/platform.py").text(vm, "platform")?;
    super::pysource::load(vm, "platform", "<loopscope>/platform.py", &text)
}
