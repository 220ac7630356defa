//! The example scripts the gallery picker offers. Their outputs are checked against CPython
//! (`oracle.py`) by the e2e tests, which read the same files.

pub struct Example {
    pub id: &'static str,
    pub en: &'static str,
    pub zh: &'static str,
    pub source: &'static str,
}

pub const EXAMPLES: &[Example] = &[
    Example {
        id: "hello",
        en: "Hello world: say_after with two tasks",
        zh: "入门：两个任务的 say_after",
        source: include_str!("examples/hello.py"),
    },
    Example {
        id: "gather",
        en: "gather: three fetches at once",
        zh: "gather：同时进行三个请求",
        source: include_str!("examples/gather.py"),
    },
    Example {
        id: "lock",
        en: "Lock: workers take turns",
        zh: "Lock：工作者轮流持锁",
        source: include_str!("examples/lock.py"),
    },
    Example {
        id: "queue",
        en: "Queue: producer and consumer",
        zh: "Queue：生产者与消费者",
        source: include_str!("examples/queue.py"),
    },
    Example {
        id: "cancel",
        en: "Cancellation: cancel a sleeping task",
        zh: "取消：取消一个正在睡眠的任务",
        source: include_str!("examples/cancel.py"),
    },
    Example {
        id: "wait_for",
        en: "wait_for: a timeout",
        zh: "wait_for：超时",
        source: include_str!("examples/wait_for.py"),
    },
    Example {
        id: "streams",
        en: "Streams: an echo server and client (sockets)",
        zh: "流：回显服务器与客户端（套接字）",
        source: include_str!("examples/streams.py"),
    },
];

/// The script the editor starts with.
pub fn default_script() -> &'static str {
    EXAMPLES[0].source
}

pub fn by_id(id: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.id == id)
}
