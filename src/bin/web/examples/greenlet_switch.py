from greenlet import greenlet

# greenlets switch explicitly: each switch() jumps to another stack of frames.


def ping():
    for i in range(3):
        print("ping", i)
        pong_g.switch()
    print("ping done")


def pong():
    for i in range(3):
        print("pong", i)
        ping_g.switch()


ping_g = greenlet(ping)
pong_g = greenlet(pong)
ping_g.switch()
print("ping dead:", ping_g.dead, "pong dead:", pong_g.dead)
