match 3:
    case _:
        pass
    case 4:
        pass
