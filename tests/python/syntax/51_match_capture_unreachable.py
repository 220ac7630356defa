def f(cmd):
    match cmd:
        case x:
            print(x)
        case 1:
            pass
