def f():
    match 1:
    case 2:
        pass
